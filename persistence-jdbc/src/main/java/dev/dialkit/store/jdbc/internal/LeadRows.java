package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Leads: insert with de-duplication, reads, the claim's pick and the end of a call. */
public final class LeadRows {
  private static final String COLUMNS = LeadInserts.COLUMNS;

  private final Tables t;
  private final CampaignRows campaigns;
  private final LeadInserts inserts;

  public LeadRows(Tables tables, CampaignRows campaigns, JdbcDialect dialect) {
    this.t = tables;
    this.campaigns = campaigns;
    this.inserts = new LeadInserts(tables, dialect);
  }

  public LeadInsertResult insert(
      Connection c, TenantId tenant, CampaignId campaignId, List<Lead> input) throws SQLException {
    // the campaign row lock orders this insert with completeIfDone: either the completion
    // committed first and the status read here is final, or it waits and then sees the new leads;
    // it also keeps other inserts of the campaign out until commit, so the numbers checked stay so
    Campaign campaign =
        campaigns
            .find(c, tenant, campaignId, true)
            .orElseThrow(
                () ->
                    new StoreException(
                        "campaign " + campaignId + " does not exist for tenant " + tenant, false));
    StoreArguments.acceptsLeads(campaign);
    long lastSeq = campaigns.lastLeadSequence(c, campaignId);
    LeadInserts.Plan plan;
    try {
      plan = inserts.insert(c, campaignId, lastSeq, input);
    } catch (SQLException e) {
      if (SqlErrors.isDuplicateKey(e)) {
        throw new StoreException("a lead id is already stored: " + e.getMessage(), false, e);
      }
      throw e;
    }
    List<Lead> accepted = plan.accepted();
    if (!accepted.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement("UPDATE " + t.campaigns + " SET last_lead_seq = ? WHERE id = ?")) {
        s.setLong(1, accepted.get(accepted.size() - 1).sequence());
        s.setString(2, campaignId.value());
        s.executeUpdate();
      }
      campaigns.addCounters(
          c,
          campaignId,
          CounterDelta.of(Counter.LEADS_TOTAL, accepted.size())
              .plus(Counter.LEADS_QUEUED, accepted.size()));
    }
    return new LeadInsertResult(accepted, plan.duplicates());
  }

  public Optional<Lead> find(Connection c, TenantId tenant, LeadId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM " + t.leads + " WHERE id = ? AND tenant = ?")) {
      s.setString(1, id.value());
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(map(r)) : Optional.empty();
      }
    }
  }

  public Set<ZoneId> queuedZones(Connection c, TenantId tenant, CampaignId campaign)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT DISTINCT time_zone FROM "
                + t.leads
                + " WHERE campaign_id = ? AND state = 'QUEUED' AND tenant = ?")) {
      s.setString(1, campaign.value());
      s.setString(2, tenant.value());
      Set<ZoneId> zones = new HashSet<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          zones.add(ZoneId.of(r.getString(1)));
        }
      }
      return Set.copyOf(zones);
    }
  }

  public Page<Lead> page(Connection c, TenantId tenant, CampaignId campaign, PageRequest page)
      throws SQLException {
    long total;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM " + t.leads + " WHERE campaign_id = ? AND tenant = ?")) {
      s.setString(1, campaign.value());
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        total = r.getLong(1);
      }
    }
    List<Lead> items = new ArrayList<>();
    if (total > 0) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM "
                  + t.leads
                  + " WHERE campaign_id = ? AND tenant = ? AND seq > ? ORDER BY seq LIMIT ? OFFSET ?")) {
        s.setString(1, campaign.value());
        s.setString(2, tenant.value());
        s.setLong(3, page.afterSequence());
        s.setInt(4, page.limit());
        s.setInt(5, page.offset());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            items.add(map(r));
          }
        }
      }
    }
    long cursor = items.isEmpty() ? page.afterSequence() : items.get(items.size() - 1).sequence();
    return new Page<>(items, total, cursor);
  }

  /**
   * Up to {@code limit} of the campaign's best due queued leads (priority, then sequence), locked,
   * skipping leads other transactions hold. {@code zones} null admits every zone; it must not be
   * empty. Leads of {@code exclude} are left out: this transaction picked them already.
   */
  public List<Picked> pickDue(
      Connection c,
      CampaignId campaign,
      Instant now,
      Set<ZoneId> zones,
      List<LeadId> exclude,
      int limit)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM ")
            .append(t.leads)
            .append(" WHERE campaign_id = ? AND state = 'QUEUED' AND next_attempt_at <= ?");
    if (zones != null) {
      sql.append(
          zones.stream()
              .map(z -> "?")
              .collect(Collectors.joining(", ", " AND time_zone IN (", ")")));
    }
    if (!exclude.isEmpty()) {
      sql.append(" AND id NOT IN (").append("?, ".repeat(exclude.size() - 1)).append("?)");
    }
    sql.append(" ORDER BY priority DESC, seq LIMIT ? FOR UPDATE SKIP LOCKED");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      s.setString(1, campaign.value());
      s.setLong(2, Columns.micros(now));
      int i = 3;
      if (zones != null) {
        for (ZoneId zone : zones) {
          s.setString(i++, zone.getId());
        }
      }
      for (LeadId id : exclude) {
        s.setString(i++, id.value());
      }
      s.setInt(i, limit);
      List<Picked> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Picked(map(r), r.getInt("calls_made")));
        }
      }
      return out;
    }
  }

  /**
   * A lead picked for a claim, and how many calls were ever stored for it (a refund lowers its
   * attempts, never this).
   */
  public record Picked(Lead lead, int callsMade) {}

  /** Marks the leads claimed, the i-th with {@code callsMade.get(i)} calls made: one batch. */
  public void markClaimed(Connection c, List<LeadId> ids, List<Integer> callsMade)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.leads
                + " SET state = 'IN_PROGRESS', attempts = attempts + 1, calls_made = ?, hold = NULL"
                + " WHERE id = ?")) {
      for (int i = 0; i < ids.size(); i++) {
        s.setInt(1, callsMade.get(i));
        s.setString(2, ids.get(i).value());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Passes a queued lead over for good: its number is on the tenant's do-not-call list. */
  public void markSuppressed(Connection c, LeadId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE " + t.leads + " SET state = 'SKIPPED', hold = 'SUPPRESSED' WHERE id = ?")) {
      s.setString(1, id.value());
      s.executeUpdate();
    }
  }

  /** Defers a queued lead to {@code allowedAt}: its number is at attempt cap {@code cap}. */
  public void markCapped(Connection c, LeadId id, LeadHold cap, Instant allowedAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE " + t.leads + " SET next_attempt_at = ?, hold = ? WHERE id = ?")) {
      s.setLong(1, Columns.micros(allowedAt));
      s.setString(2, cap.name());
      s.setString(3, id.value());
      s.executeUpdate();
    }
  }

  /** Applies a call's end to its lead, as the store contract says. */
  public void end(Connection c, LeadId id, CallStatus callStatus, LeadOutcome outcome)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(endUpdate())) {
      bindEnd(s, 1, id, callStatus, outcome);
      s.executeUpdate();
    }
  }

  /** The update of {@link #end}, with no trailing clause, for a statement that extends it. */
  String endUpdate() {
    return "UPDATE "
        + t.leads
        + " SET state = ?, hold = NULL, next_attempt_at = COALESCE(?, next_attempt_at),"
        + " last_outcome = COALESCE(?, last_outcome),"
        + " attempts = CASE WHEN ? AND attempts > 0 THEN attempts - 1 ELSE attempts END"
        + " WHERE id = ?";
  }

  /** Binds {@link #endUpdate}'s five parameters from {@code first}; returns the next index. */
  static int bindEnd(
      PreparedStatement s, int first, LeadId id, CallStatus callStatus, LeadOutcome outcome)
      throws SQLException {
    s.setString(first, outcome.state().name());
    Columns.setInstant(s, first + 1, outcome.nextAttemptAt());
    if (callStatus.isTerminal()) {
      s.setString(first + 2, callStatus.name());
    } else {
      s.setNull(first + 2, Types.VARCHAR);
    }
    s.setBoolean(first + 3, outcome.refundAttempt());
    s.setString(first + 4, id.value());
    return first + 5;
  }

  static Lead map(ResultSet r) throws SQLException {
    return new Lead(
        LeadId.of(r.getString("id")),
        TenantId.of(r.getString("tenant")),
        CampaignId.of(r.getString("campaign_id")),
        PhoneNumber.of(r.getString("phone")),
        r.getString("name"),
        r.getString("email"),
        r.getString("company"),
        Json.variables(r.getString("variables")),
        ZoneId.of(r.getString("time_zone")),
        r.getInt("priority"),
        r.getLong("seq"),
        r.getInt("attempts"),
        LeadState.valueOf(r.getString("state")),
        Columns.getInstant(r, "next_attempt_at"),
        Columns.getEnum(r, "last_outcome", CallStatus.class),
        Columns.getInstant(r, "created_at"),
        Columns.getEnum(r, "hold", LeadHold.class));
  }
}
