package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A database as a Dialkit of schema version 1 left it, for the upgrade tests: the V1 tables only,
 * and rows written with the V1 columns (no lease epoch, no {@code sent_at}).
 */
public final class SchemaV1 {
  /** The campaign counters version 1 to 3 have as columns (version 4 added the later ones). */
  static final java.util.List<Counter> V1_COUNTERS =
      java.util.List.of(Counter.values()).subList(0, Counter.TIMED_CALLS.ordinal() + 1);

  private SchemaV1() {}

  /**
   * Creates the version 1 schema under {@code prefix} and stores {@code running} with {@code lead},
   * the lease held by {@code owner} until {@code expiry}, and the lead claimed by a first call that
   * was never sent. Returns that call as the current jar reads it.
   */
  public static Call create(
      DataSource ds,
      JdbcDialect dialect,
      String prefix,
      Campaign running,
      Lead lead,
      String owner,
      Instant expiry)
      throws SQLException {
    Tables t = new Tables(prefix);
    new Migrator(ds, dialect, t).migrateTo(1);
    CampaignRows campaigns = new CampaignRows(t);
    Call call = Call.initiated(lead, 1, "sim", lead.phone(), lead.createdAt());
    try (Connection c = ds.getConnection()) {
      campaigns.create(c, running, V1_COUNTERS);
      // the lead as the V1 jar stored and then claimed it
      OldLeads.insert(c, t, lead.withSequence(1).claimed());
      try (PreparedStatement s =
          c.prepareStatement("UPDATE " + t.campaigns + " SET last_lead_seq = 1 WHERE id = ?")) {
        s.setString(1, running.id().value());
        s.executeUpdate();
      }
      campaigns.addCounters(
          c,
          running.id(),
          CounterDelta.of(Counter.LEADS_TOTAL, 1).plus(Counter.LEADS_IN_PROGRESS, 1));
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE " + t.campaigns + " SET lease_owner = ?, lease_expiry = ? WHERE id = ?")) {
        s.setString(1, owner);
        s.setLong(2, Columns.micros(expiry));
        s.setString(3, running.id().value());
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO "
                  + t.calls
                  + " (id, tenant, campaign_id, lead_id, attempt, provider, from_number,"
                  + " to_number, status, created_at, version, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, call.id().value());
        s.setString(2, call.tenant().value());
        s.setString(3, call.campaignId().value());
        s.setString(4, call.leadId().value());
        s.setInt(5, call.attempt());
        s.setString(6, call.provider());
        s.setString(7, call.from().e164());
        s.setString(8, call.to().e164());
        s.setString(9, call.status().name());
        s.setLong(10, Columns.micros(call.createdAt()));
        s.setLong(11, call.version());
        s.setLong(12, Columns.micros(call.updatedAt()));
        s.executeUpdate();
      }
    }
    return call;
  }
}
