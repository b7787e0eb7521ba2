package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Campaigns: rows, counters as columns, the status compare-and-set and completion. Leases live in
 * the same row but in {@link LeaseRows}.
 */
public final class CampaignRows {
  private static final String COUNTERS =
      java.util.Arrays.stream(Counter.values())
          .map(CampaignRows::column)
          .collect(Collectors.joining(", "));

  private final Tables t;
  private final JdbcDialect dialect;
  private final String select;

  public CampaignRows(Tables tables, JdbcDialect dialect) {
    this.t = tables;
    this.dialect = dialect;
    this.select =
        "SELECT id, tenant, spec, status, created_at, started_at, ended_at, updated_at, "
            + COUNTERS
            + " FROM "
            + t.campaigns;
  }

  static String column(Counter counter) {
    return counter.name().toLowerCase(Locale.ROOT);
  }

  public void create(Connection c, Campaign campaign) throws SQLException {
    create(c, campaign, List.of(Counter.values()));
  }

  /**
   * Inserts {@code campaign} with only {@code counters} as columns: how tests write the rows of an
   * older schema, which lacks the counters added since.
   */
  void create(Connection c, Campaign campaign, List<Counter> counters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(insertIgnoreTenantCounter())) {
      s.setString(1, campaign.tenant().value());
      s.executeUpdate();
    }
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(t.campaigns)
            .append(" (id, tenant, spec, status, created_at, started_at, ended_at, updated_at, ")
            .append(counters.stream().map(CampaignRows::column).collect(Collectors.joining(", ")))
            .append(") VALUES (?, ?, ?, ?, ?, ?, ?, ?");
    sql.append(", ?".repeat(counters.size())).append(')');
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      s.setString(1, campaign.id().value());
      s.setString(2, campaign.tenant().value());
      s.setString(3, Json.spec(campaign.spec()));
      s.setString(4, campaign.status().name());
      Columns.setInstant(s, 5, campaign.createdAt());
      Columns.setInstant(s, 6, campaign.startedAt());
      Columns.setInstant(s, 7, campaign.endedAt());
      Columns.setInstant(s, 8, campaign.updatedAt());
      int i = 9;
      for (Counter counter : counters) {
        s.setLong(i++, campaign.counters().get(counter));
      }
      s.executeUpdate();
    } catch (SQLException e) {
      if (SqlErrors.isDuplicateKey(e)) {
        throw new StoreException("campaign " + campaign.id() + " already exists", false, e);
      }
      throw e;
    }
  }

  private String insertIgnoreTenantCounter() {
    return switch (dialect) {
      case POSTGRESQL ->
          "INSERT INTO "
              + t.slotCounters
              + " (scope_key, held) VALUES (?, 0) ON CONFLICT DO NOTHING";
      case MARIADB -> "INSERT IGNORE INTO " + t.slotCounters + " (scope_key, held) VALUES (?, 0)";
      case H2 -> "MERGE INTO " + t.slotCounters + " (scope_key) KEY (scope_key) VALUES (?)";
    };
  }

  public Optional<Campaign> find(Connection c, TenantId tenant, CampaignId id, boolean lock)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(select + " WHERE id = ? AND tenant = ?" + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, id.value());
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(map(r)) : Optional.empty();
      }
    }
  }

  public List<Campaign> byTenant(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(select + " WHERE tenant = ? ORDER BY created_at, created_seq")) {
      s.setString(1, tenant.value());
      return list(s);
    }
  }

  public List<Campaign> byStatus(Connection c, Set<CampaignStatus> statuses) throws SQLException {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String marks = statuses.stream().map(x -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement s =
        c.prepareStatement(
            select + " WHERE status IN (" + marks + ") ORDER BY created_at, created_seq")) {
      int i = 1;
      for (CampaignStatus status : statuses) {
        s.setString(i++, status.name());
      }
      return list(s);
    }
  }

  public Optional<Campaign> transition(
      Connection c,
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      Instant at)
      throws SQLException {
    Optional<Campaign> current = find(c, tenant, id, true);
    if (current.isEmpty() || !expected.contains(current.get().status())) {
      return Optional.empty();
    }
    Campaign moved = current.get().withStatus(next, at);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.campaigns
                + " SET status = ?, started_at = ?, ended_at = ?, updated_at = ? WHERE id = ?")) {
      s.setString(1, next.name());
      Columns.setInstant(s, 2, moved.startedAt());
      Columns.setInstant(s, 3, moved.endedAt());
      Columns.setInstant(s, 4, moved.updatedAt());
      s.setString(5, id.value());
      s.executeUpdate();
    }
    return Optional.of(moved);
  }

  /**
   * Completes the campaign if it is done ({@link Campaign#isDone()}), in one guarded UPDATE: the
   * status and the counters are checked in its WHERE clause, on the row as last committed (the
   * UPDATE waits for the row lock of a lead insert or a claim in progress and then checks the row
   * those left). Then reads it back. {@code COMPLETED} is final, so the end time is {@code at} and
   * the start time stays, as {@link Campaign#withStatus} stamps them.
   */
  public Optional<Campaign> completeIfDone(Connection c, TenantId tenant, CampaignId id, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.campaigns
                + " SET status = ?, ended_at = ?, updated_at = ? WHERE id = ? AND tenant = ?"
                + " AND status IN (?, ?) AND "
                + column(Counter.LEADS_TOTAL)
                + " > 0 AND "
                + column(Counter.LEADS_QUEUED)
                + " = 0 AND "
                + column(Counter.LEADS_IN_PROGRESS)
                + " = 0")) {
      s.setString(1, CampaignStatus.COMPLETED.name());
      Columns.setInstant(s, 2, at);
      Columns.setInstant(s, 3, at);
      s.setString(4, id.value());
      s.setString(5, tenant.value());
      s.setString(6, CampaignStatus.RUNNING.name());
      s.setString(7, CampaignStatus.SCHEDULED.name());
      if (s.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    return find(c, tenant, id, false);
  }

  /** The sequence of the campaign's last lead; call it with the campaign row locked. */
  public long lastLeadSequence(Connection c, CampaignId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT last_lead_seq FROM " + t.campaigns + " WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * Adds {@code delta} to the counters and {@code slots} to the slots held by the campaign, in one
   * statement (the row is locked until commit).
   */
  public void addCounters(Connection c, CampaignId id, CounterDelta delta, int slots)
      throws SQLException {
    if (delta.isEmpty() && slots == 0) {
      return;
    }
    StringBuilder sql = new StringBuilder("UPDATE ").append(t.campaigns).append(" SET ");
    List<Long> amounts = new ArrayList<>();
    if (slots != 0) {
      sql.append("slots_held = slots_held + ?");
      amounts.add((long) slots);
    }
    for (Map.Entry<Counter, Long> e : delta.amounts().entrySet()) {
      String col = column(e.getKey());
      sql.append(amounts.isEmpty() ? "" : ", ")
          .append(col)
          .append(" = ")
          .append(col)
          .append(" + ?");
      amounts.add(e.getValue());
    }
    sql.append(" WHERE id = ?");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (long amount : amounts) {
        s.setLong(i++, amount);
      }
      s.setString(i, id.value());
      s.executeUpdate();
    }
  }

  private List<Campaign> list(PreparedStatement s) throws SQLException {
    List<Campaign> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(map(r));
      }
    }
    return List.copyOf(out);
  }

  private static Campaign map(ResultSet r) throws SQLException {
    Map<Counter, Long> counters = new EnumMap<>(Counter.class);
    for (Counter counter : Counter.values()) {
      counters.put(counter, r.getLong(column(counter)));
    }
    return new Campaign(
        CampaignId.of(r.getString("id")),
        TenantId.of(r.getString("tenant")),
        Json.spec(r.getString("spec")),
        CampaignStatus.valueOf(r.getString("status")),
        new CampaignCounters(counters),
        Columns.getInstant(r, "created_at"),
        Columns.getInstant(r, "started_at"),
        Columns.getInstant(r, "ended_at"),
        Columns.getInstant(r, "updated_at"));
  }
}
