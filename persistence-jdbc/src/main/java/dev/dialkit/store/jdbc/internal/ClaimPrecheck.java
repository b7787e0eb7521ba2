package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * The denial of a claim that the committed state already decides, found by one plain read (no lock,
 * no write, so no commit flush): the campaign's status and lease, the slots held against the three
 * limits, and whether any lead is due. A dialer waiting for a free slot or a due lead asks this
 * many times for each claim it makes. The claim itself checks all of it again under its locks.
 */
final class ClaimPrecheck {
  /**
   * The most due leads one claim passes over (suppressed or capped) before it returns {@code
   * NO_DUE_LEAD} with what it did: the campaign row stays locked meanwhile, so a list full of
   * suppressed numbers is worked through over several claims, not in one long one.
   */
  static final int MAX_PASSED_OVER = CampaignStore.MAX_PASSED_OVER;

  private final Tables t;
  private final SlotRows slots;

  ClaimPrecheck(Tables tables, SlotRows slots) {
    this.t = tables;
    this.slots = slots;
  }

  /** The denial the committed state decides, or null if a claim may succeed. */
  Reason denial(Connection c, ClaimRequest request) throws SQLException {
    boolean noZone = request.zones() != null && request.zones().isEmpty();
    String due =
        noZone
            ? "0"
            : "CASE WHEN EXISTS (SELECT 1 FROM "
                + t.leads
                + " WHERE campaign_id = c.id AND state = 'QUEUED' AND next_attempt_at <= ?"
                + (request.zones() == null
                    ? ""
                    : request.zones().stream()
                        .map(z -> "?")
                        .collect(Collectors.joining(", ", " AND time_zone IN (", ")")))
                + ") THEN 1 ELSE 0 END";
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT c.tenant, c.status, c.lease_owner, c.lease_expiry, "
                + slots.usageColumns()
                + ", "
                + due
                + ", c.schedule_start, c.schedule_end FROM "
                + t.campaigns
                + " c WHERE c.id = ?")) {
      int i = SlotRows.bindUsage(s, 1, request.tenant(), request.campaignId());
      if (!noZone) {
        s.setLong(i++, Columns.micros(request.now()));
        if (request.zones() != null) {
          for (ZoneId zone : request.zones()) {
            s.setString(i++, zone.getId());
          }
        }
      }
      s.setString(i, request.campaignId().value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Reason.NOT_RUNNING;
        }
        Reason campaign = Claims.campaignDenial(r, request);
        if (campaign != null) {
          return campaign;
        }
        Reason full =
            Claims.full(new SlotUsage(r.getInt(5), r.getInt(6), r.getInt(7)), request.limits(), 0);
        if (full != null) {
          return full;
        }
        return r.getInt(8) == 0 ? Reason.NO_DUE_LEAD : null;
      }
    }
  }
}
