package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.SlotUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Concurrency slots: one row per held slot (keyed by call id, so a slot is released at most once)
 * and guarded counters, one store-wide row ({@code '*'}) and one per tenant, that every claim
 * increments only while below the limit. The campaign's own count is a column of its row. Lock
 * order everywhere: campaign row, then lead, then the global counter, then the tenant counter.
 */
public final class SlotRows {
  static final String GLOBAL = "*";

  private final Tables t;

  public SlotRows(Tables tables) {
    this.t = tables;
  }

  /** The global and tenant counters as last committed: [global, tenant]. */
  public int[] counts(Connection c, TenantId tenant) throws SQLException {
    int[] out = new int[2];
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT scope_key, held FROM " + t.slotCounters + " WHERE scope_key IN (?, ?)")) {
      s.setString(1, GLOBAL);
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out[GLOBAL.equals(r.getString(1)) ? 0 : 1] = r.getInt(2);
        }
      }
    }
    return out;
  }

  /** Adds one to the counter if it is below {@code limit}; false (nothing changed) otherwise. */
  public boolean tryIncrement(Connection c, String scope, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE " + t.slotCounters + " SET held = held + 1 WHERE scope_key = ? AND held < ?")) {
      s.setString(1, scope);
      s.setInt(2, limit);
      return s.executeUpdate() == 1;
    }
  }

  public void hold(Connection c, CallId call, TenantId tenant, CampaignId campaign)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO " + t.slots + " (call_id, tenant, campaign_id) VALUES (?, ?, ?)")) {
      s.setString(1, call.value());
      s.setString(2, tenant.value());
      s.setString(3, campaign.value());
      s.executeUpdate();
    }
  }

  /**
   * Deletes the call's slot row; returns whether there was one (a slot is released at most once).
   * Only then must the caller decrement the campaign's count and {@link #decrement} the counters.
   */
  public boolean delete(Connection c, CallId call) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + t.slots + " WHERE call_id = ?")) {
      s.setString(1, call.value());
      return s.executeUpdate() > 0;
    }
  }

  /** Decrements the global, then the tenant counter. */
  public void decrement(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE " + t.slotCounters + " SET held = held - 1 WHERE scope_key = ?")) {
      s.setString(1, GLOBAL);
      s.executeUpdate();
      s.setString(1, tenant.value());
      s.executeUpdate();
    }
  }

  public SlotUsage usage(Connection c, TenantId tenant, CampaignId campaign) throws SQLException {
    int[] counts = counts(c, tenant);
    int held = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT slots_held FROM " + t.campaigns + " WHERE id = ? AND tenant = ?")) {
      s.setString(1, campaign.value());
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          held = r.getInt(1);
        }
      }
    }
    return new SlotUsage(counts[0], counts[1], held);
  }
}
