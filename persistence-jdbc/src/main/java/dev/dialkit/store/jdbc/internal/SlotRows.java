package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.SlotUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Concurrency slots: one row per held slot, keyed by call id (so a slot is released at most once).
 * The slots held in the store, by a tenant and by a campaign are counted from these rows, never
 * kept in a counter: releasing a slot deletes its row and touches no row another call shares.
 *
 * <p>Counts are exact only under the <b>claim lock</b>, the {@code '*'} row of {@code
 * slot_counters}, which every claim takes {@code FOR UPDATE} ({@link #lockForClaim}) before it
 * counts and holds until it commits its new slot rows; nothing else takes it. Claims thus count one
 * after another and each sees the slots of every claim before it; a release running at the same
 * time can only make a count too high, never too low, so no limit is ever exceeded.
 */
public final class SlotRows {
  static final String CLAIM_LOCK = "*";

  private final Tables t;
  private final String countSql;

  public SlotRows(Tables tables) {
    this.t = tables;
    this.countSql =
        "SELECT (SELECT COUNT(*) FROM "
            + t.slots
            + "), (SELECT COUNT(*) FROM "
            + t.slots
            + " WHERE tenant = ?), (SELECT COUNT(*) FROM "
            + t.slots
            + " WHERE campaign_id = ? AND tenant = ?)";
  }

  /**
   * Takes the claim lock until commit. Must be its own statement, before {@link #usage}: a count
   * read in the statement that waits for the lock would be as of before the wait.
   */
  public void lockForClaim(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT scope_key FROM " + t.slotCounters + " WHERE scope_key = ? FOR UPDATE")) {
      s.setString(1, CLAIM_LOCK);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("the claim lock row '*' of " + t.slotCounters + " is missing");
        }
      }
    }
  }

  /**
   * Slots held now: in the store, by the tenant, by the campaign if it is the tenant's (one
   * statement).
   */
  public SlotUsage usage(Connection c, TenantId tenant, CampaignId campaign) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(countSql)) {
      bindUsage(s, 1, tenant, campaign);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new SlotUsage(r.getInt(1), r.getInt(2), r.getInt(3));
      }
    }
  }

  /** Binds the parameters of {@link #usageColumns} from {@code first}; returns the next index. */
  static int bindUsage(PreparedStatement s, int first, TenantId tenant, CampaignId campaign)
      throws SQLException {
    s.setString(first, tenant.value());
    s.setString(first + 1, campaign.value());
    s.setString(first + 2, tenant.value());
    return first + 3;
  }

  /** The SQL of {@link #usage} as three scalar subqueries, for a caller's own select list. */
  String usageColumns() {
    return countSql.substring("SELECT ".length());
  }

  /** Holds a slot for each call, in one batch. */
  public void hold(Connection c, List<CallId> calls, TenantId tenant, CampaignId campaign)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO " + t.slots + " (call_id, tenant, campaign_id) VALUES (?, ?, ?)")) {
      for (CallId call : calls) {
        s.setString(1, call.value());
        s.setString(2, tenant.value());
        s.setString(3, campaign.value());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Deletes the call's slot row; returns whether there was one (a slot is released once). */
  public boolean delete(Connection c, CallId call) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + t.slots + " WHERE call_id = ?")) {
      s.setString(1, call.value());
      return s.executeUpdate() > 0;
    }
  }
}
