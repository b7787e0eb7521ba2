package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ScheduleRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Expiry of a campaign's queued leads at its schedule end. It locks the campaign row first, as a
 * claim does, so an expiry and a claim of one campaign never interleave: no lead is both claimed
 * and expired, and two instances expiring at once count each lead once (the second finds none
 * queued).
 */
public final class ScheduleRows {
  private final Tables t;
  private final CampaignRows campaigns;

  public ScheduleRows(Tables tables, CampaignRows campaigns) {
    this.t = tables;
    this.campaigns = campaigns;
  }

  /** As {@code CampaignStore.expireLeads}, inside the caller's transaction. */
  public long expire(Connection c, TenantId tenant, CampaignId id, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT schedule_end FROM "
                + t.campaigns
                + " WHERE id = ? AND tenant = ? FOR UPDATE")) {
      s.setString(1, id.value());
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return 0;
        }
        long end = r.getLong(1);
        if (r.wasNull() || Columns.micros(now) < end) {
          return 0;
        }
      }
    }
    int n;
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.leads
                + " SET state = 'SKIPPED', hold = 'EXPIRED' WHERE campaign_id = ? AND state ="
                + " 'QUEUED'")) {
      s.setString(1, id.value());
      n = s.executeUpdate();
    }
    if (n > 0) {
      campaigns.addCounters(c, id, ScheduleRules.expiredDelta(n));
    }
    return n;
  }
}
