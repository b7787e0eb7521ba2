package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A database as a Dialkit of schema version 2 left it, for the V3 upgrade tests: scripts V1 and V2
 * only, and a row in every table, written with the version 2 jar's SQL (plain inserts for leads,
 * whose columns changed since).
 */
public final class SchemaV2 {
  private SchemaV2() {}

  /** What {@link #create} stored. */
  public record Stored(Call call, String dedupeKey, String instance) {}

  /**
   * Creates the version 2 schema under {@code prefix} and stores {@code running} with its lease
   * (epoch 1, {@code owner} until {@code expiry}), {@code claimed} in progress with a sent call
   * that holds a slot (with a dedupe key and a log entry), {@code queued} waiting, and an instance.
   */
  public static Stored create(
      DataSource ds,
      JdbcDialect dialect,
      String prefix,
      Campaign running,
      Lead claimed,
      Lead queued,
      String owner,
      Instant expiry,
      CallLogEntry entry)
      throws SQLException {
    Tables t = new Tables(prefix);
    new Migrator(ds, dialect, t).migrateTo(2);
    CampaignRows campaigns = new CampaignRows(t);
    Lead inProgress = claimed.withSequence(1).claimed();
    Call call =
        Call.initiated(inProgress, 1, "sim", queued.phone(), claimed.createdAt()).toBuilder()
            .sentAt(claimed.createdAt().plusSeconds(1))
            .nextVersion(claimed.createdAt().plusSeconds(1))
            .build();
    String key = "sim:ringing:1";
    String instance = "instance-v2";
    try (Connection c = ds.getConnection()) {
      campaigns.create(c, running, SchemaV1.V1_COUNTERS);
      OldLeads.insert(c, t, inProgress);
      OldLeads.insert(c, t, queued.withSequence(2));
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE "
                  + t.campaigns
                  + " SET last_lead_seq = 2, lease_owner = ?, lease_expiry = ?, lease_epoch = 1"
                  + " WHERE id = ?")) {
        s.setString(1, owner);
        s.setLong(2, Columns.micros(expiry));
        s.setString(3, running.id().value());
        s.executeUpdate();
      }
      campaigns.addCounters(
          c,
          running.id(),
          CounterDelta.of(Counter.LEADS_TOTAL, 2)
              .plus(Counter.LEADS_QUEUED, 1)
              .plus(Counter.LEADS_IN_PROGRESS, 1)
              .plus(Counter.CALLS_PLACED, 1));
      new CallRows(t).insert(c, call);
      new SlotRows(t).hold(c, List.of(call.id()), running.tenant(), running.id());
      // the slot counts as version 2 kept them: a column of the campaign, a row per tenant
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE " + t.campaigns + " SET slots_held = 1");
        s.executeUpdate("UPDATE " + t.slotCounters + " SET held = 1 WHERE scope_key = '*'");
        s.executeUpdate(
            "INSERT INTO "
                + t.slotCounters
                + " (scope_key, held) VALUES ('"
                + running.tenant().value()
                + "', 1)");
      }
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO " + t.dedupe + " (call_id, dedupe_key) VALUES (?, ?)")) {
        s.setString(1, call.id().value());
        s.setString(2, Transitions.storedKey(key));
        s.executeUpdate();
      }
      new LogRows(t).append(c, List.of(entry));
      new InstanceRows(t).heartbeat(c, instance, claimed.createdAt());
    }
    return new Stored(call, key, instance);
  }

  /** The number of rows in every data table of version 2, by table. */
  public static Map<String, Long> rowCounts(DataSource ds, String prefix) throws SQLException {
    Tables t = new Tables(prefix);
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              t.campaigns,
              t.leads,
              t.calls,
              t.dedupe,
              t.slots,
              t.slotCounters,
              t.callLog,
              t.instances)) {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          r.next();
          counts.put(table, r.getLong(1));
        }
      }
    }
    return counts;
  }
}
