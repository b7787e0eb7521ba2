package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of {@code insertLeads}, written so that no statement's plan depends on the table's
 * statistics (a fresh table is never analysed while an import fills it; see the README).
 *
 * <ul>
 *   <li>PostgreSQL: no duplicate query at all. One {@code INSERT ... SELECT FROM unnest(arrays) ON
 *       CONFLICT (campaign_id, phone) DO NOTHING RETURNING id} per batch: the arbiter is the unique
 *       index, probed once per row by the executor, whatever the planner thinks of the table. When
 *       a row was not returned (its number is already stored) the batch is undone to a savepoint
 *       and written again without those numbers, so sequences stay gapless.
 *   <li>MariaDB and H2: a query probing the unique index {@code (campaign_id, phone)} once per
 *       number ({@link #storedPhones}), then multi-row {@code INSERT}s.
 * </ul>
 *
 * <p>Either way the campaign row is locked for the whole transaction, so no other insert of the
 * campaign can add a number between the check and the write.
 */
final class LeadInserts {
  /** Numbers per duplicate query (MariaDB). */
  private static final int LOOKUP_CHUNK = 1000;

  /** Rows per multi-row INSERT (MariaDB, H2): 18 parameters each. */
  private static final int ROWS_PER_STATEMENT = 1000;

  static final String COLUMNS =
      "id, tenant, campaign_id, seq, phone, name, email, company, variables, time_zone, priority,"
          + " attempts, calls_made, state, next_attempt_at, last_outcome, created_at, hold";

  private static final Logger log = LoggerFactory.getLogger(LeadInserts.class);

  private final Tables t;
  private final JdbcDialect dialect;

  LeadInserts(Tables tables, JdbcDialect dialect) {
    this.t = tables;
    this.dialect = dialect;
  }

  /** What to store and what to report. */
  record Plan(List<Lead> accepted, List<PhoneNumber> duplicates) {
    /**
     * As the store contract says, in input order: a lead whose number is {@code stored} or repeats
     * an earlier one is a duplicate; the others are numbered from {@code lastSeq + 1}.
     *
     * @throws StoreException if a lead id repeats within {@code input}
     */
    static Plan of(List<Lead> input, Set<String> stored, long lastSeq) {
      Set<String> phones = new HashSet<>(input.size() * 2);
      Set<String> ids = new HashSet<>(input.size() * 2);
      List<Lead> accepted = new ArrayList<>(input.size());
      List<PhoneNumber> duplicates = new ArrayList<>();
      long seq = lastSeq;
      for (Lead lead : input) {
        String phone = lead.phone().e164();
        if (stored.contains(phone) || !phones.add(phone)) {
          duplicates.add(lead.phone());
        } else if (!ids.add(lead.id().value())) {
          throw new StoreException("lead " + lead.id() + " already exists", false);
        } else {
          accepted.add(lead.withSequence(++seq));
        }
      }
      return new Plan(accepted, duplicates);
    }
  }

  /**
   * Stores the leads of {@code input} whose numbers the campaign does not have, numbered from
   * {@code lastSeq + 1}; the campaign row must be locked.
   */
  Plan insert(Connection c, CampaignId campaign, long lastSeq, List<Lead> input)
      throws SQLException {
    if (dialect == JdbcDialect.POSTGRESQL) {
      Plan plan = Plan.of(input, Set.of(), lastSeq);
      if (plan.accepted().isEmpty()) {
        return plan;
      }
      Savepoint before = c.setSavepoint();
      Set<String> inserted = insertOrSkip(c, plan.accepted());
      if (inserted.size() == plan.accepted().size()) {
        c.releaseSavepoint(before);
        return plan;
      }
      // some numbers are stored already: exactly the leads not returned
      c.rollback(before);
      Set<String> stored = new HashSet<>();
      for (Lead lead : plan.accepted()) {
        if (!inserted.contains(lead.id().value())) {
          stored.add(lead.phone().e164());
        }
      }
      log.debug(
          "campaign {}: {} of {} numbers already stored, writing the batch again without them",
          campaign,
          stored.size(),
          plan.accepted().size());
      Plan again = Plan.of(input, stored, lastSeq);
      if (!again.accepted().isEmpty()
          && insertOrSkip(c, again.accepted()).size() != again.accepted().size()) {
        // cannot happen while the campaign row is locked: say so rather than lose a lead
        throw new SQLException("leads of campaign " + campaign + " changed during the insert");
      }
      return again;
    }
    Set<String> stored =
        storedPhones(c, campaign, input.stream().map(l -> l.phone().e164()).distinct().toList());
    Plan plan = Plan.of(input, stored, lastSeq);
    insertValues(c, plan.accepted());
    return plan;
  }

  // ---------------------------------------------------------------- PostgreSQL

  /** Inserts the leads, skipping those whose number is stored; the ids inserted. */
  private Set<String> insertOrSkip(Connection c, List<Lead> leads) throws SQLException {
    int n = leads.size();
    String[] ids = new String[n];
    Long[] seqs = new Long[n];
    String[] phones = new String[n];
    String[] names = new String[n];
    String[] emails = new String[n];
    String[] companies = new String[n];
    String[] variables = new String[n];
    String[] zones = new String[n];
    Integer[] priorities = new Integer[n];
    Integer[] attempts = new Integer[n];
    Long[] due = new Long[n];
    String[] outcomes = new String[n];
    Long[] created = new Long[n];
    String[] holds = new String[n];
    for (int i = 0; i < n; i++) {
      Lead lead = leads.get(i);
      ids[i] = lead.id().value();
      seqs[i] = lead.sequence();
      phones[i] = lead.phone().e164();
      names[i] = lead.name();
      emails[i] = lead.email();
      companies[i] = lead.company();
      variables[i] = Json.variables(lead.variables());
      zones[i] = lead.timeZone().getId();
      priorities[i] = lead.priority();
      attempts[i] = lead.attempts();
      due[i] = Columns.micros(lead.nextAttemptAt());
      outcomes[i] = Columns.name(lead.lastOutcome());
      created[i] = Columns.micros(lead.createdAt());
      holds[i] = Columns.name(lead.hold());
    }
    String sql =
        "INSERT INTO "
            + t.leads
            + " ("
            + COLUMNS
            + ") SELECT u.id, ?, ?, u.seq, u.phone, u.name, u.email, u.company, u.variables,"
            + " u.time_zone, u.priority, u.attempts, u.attempts, 'QUEUED', u.due, u.outcome,"
            + " u.created, u.hold FROM unnest(?::varchar[], ?::int8[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::int4[],"
            + " ?::int4[], ?::int8[], ?::varchar[], ?::int8[], ?::varchar[])"
            + " AS u(id, seq, phone, name, email, company, variables, time_zone, priority,"
            + " attempts, due, outcome, created, hold)"
            + " ON CONFLICT (campaign_id, phone) DO NOTHING RETURNING id";
    List<Array> arrays = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, leads.get(0).tenant().value());
      s.setString(2, leads.get(0).campaignId().value());
      Object[][] columns = {
        ids,
        seqs,
        phones,
        names,
        emails,
        companies,
        variables,
        zones,
        priorities,
        attempts,
        due,
        outcomes,
        created,
        holds
      };
      String[] types = {
        "varchar", "int8", "varchar", "varchar", "varchar", "varchar", "text", "varchar", "int4",
        "int4", "int8", "varchar", "int8", "varchar"
      };
      for (int i = 0; i < columns.length; i++) {
        Array array = c.createArrayOf(types[i], columns[i]);
        arrays.add(array);
        s.setArray(3 + i, array);
      }
      Set<String> inserted = new HashSet<>(n * 2);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          inserted.add(r.getString(1));
        }
      }
      return inserted;
    } finally {
      for (Array array : arrays) {
        array.free();
      }
    }
  }

  // ---------------------------------------------------------------- MariaDB and H2

  /**
   * Which of {@code phones} the campaign has, one probe of the unique index {@code (campaign_id,
   * phone)} per number: MariaDB names the index ({@code FORCE INDEX}, so the plan cannot depend on
   * statistics) for an {@code IN} list; H2 would use only {@code campaign_id} of an {@code IN} list
   * (a scan of the campaign), so it joins the numbers as an {@code UNNEST} of an array instead.
   */
  private Set<String> storedPhones(Connection c, CampaignId campaign, List<String> phones)
      throws SQLException {
    Set<String> found = new HashSet<>();
    if (phones.isEmpty()) {
      return found;
    }
    if (dialect == JdbcDialect.H2) {
      Array array = c.createArrayOf("VARCHAR", phones.toArray());
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT l.phone FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS u(p) JOIN "
                  + t.leads
                  + " l ON l.campaign_id = ? AND l.phone = u.p")) {
        s.setArray(1, array);
        s.setString(2, campaign.value());
        collect(s, found);
      } finally {
        array.free();
      }
      return found;
    }
    for (int from = 0; from < phones.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = phones.subList(from, Math.min(phones.size(), from + LOOKUP_CHUNK));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT phone FROM "
                  + t.leads
                  + " FORCE INDEX ("
                  + t.prefix
                  + "leads_phone) WHERE campaign_id = ? AND phone IN ("
                  + "?, ".repeat(chunk.size() - 1)
                  + "?)")) {
        s.setString(1, campaign.value());
        int i = 2;
        for (String phone : chunk) {
          s.setString(i++, phone);
        }
        collect(s, found);
      }
    }
    return found;
  }

  private static void collect(PreparedStatement s, Set<String> into) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        into.add(r.getString(1));
      }
    }
  }

  private void insertValues(Connection c, List<Lead> leads) throws SQLException {
    for (int from = 0; from < leads.size(); from += ROWS_PER_STATEMENT) {
      List<Lead> chunk = leads.subList(from, Math.min(leads.size(), from + ROWS_PER_STATEMENT));
      String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO "
                  + t.leads
                  + " ("
                  + COLUMNS
                  + ") VALUES "
                  + (row + ", ").repeat(chunk.size() - 1)
                  + row)) {
        int i = 1;
        for (Lead lead : chunk) {
          i = bind(s, i, lead);
        }
        s.executeUpdate();
      }
    }
  }

  private static int bind(PreparedStatement s, int first, Lead lead) throws SQLException {
    int i = first;
    s.setString(i++, lead.id().value());
    s.setString(i++, lead.tenant().value());
    s.setString(i++, lead.campaignId().value());
    s.setLong(i++, lead.sequence());
    s.setString(i++, lead.phone().e164());
    s.setString(i++, lead.name());
    s.setString(i++, lead.email());
    s.setString(i++, lead.company());
    s.setString(i++, Json.variables(lead.variables()));
    s.setString(i++, lead.timeZone().getId());
    s.setInt(i++, lead.priority());
    s.setInt(i++, lead.attempts());
    s.setInt(i++, lead.attempts());
    s.setString(i++, lead.state().name());
    Columns.setInstant(s, i++, lead.nextAttemptAt());
    setNullable(s, i++, Columns.name(lead.lastOutcome()));
    Columns.setInstant(s, i++, lead.createdAt());
    setNullable(s, i++, Columns.name(lead.hold()));
    return i;
  }

  private static void setNullable(PreparedStatement s, int i, String value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.VARCHAR);
    } else {
      s.setString(i, value);
    }
  }
}
