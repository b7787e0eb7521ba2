package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Lead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts the queued leads a claim would take before a given one ({@code
 * CampaignStore.countLeadsAhead}): two ranges of the {@code leads_pick} index (schema version 6),
 * the higher priorities and the same priority's lower sequences, each filtered on the due time and
 * zone that the index holds, so that the database reads the leads ahead and nothing else (the plan
 * is in the module README).
 */
public final class LeadsAheadRows {
  private final Tables t;

  public LeadsAheadRows(Tables tables) {
    this.t = tables;
  }

  public long count(Connection c, Lead lead, Instant dueBy, Set<ZoneId> zones) throws SQLException {
    if (!owned(c, lead)) {
      return 0;
    }
    List<String> zoneIds = new ArrayList<>();
    String zoneFilter = "";
    if (zones != null) {
      zones.forEach(z -> zoneIds.add(z.getId()));
      zoneFilter = " AND time_zone IN (" + "?, ".repeat(zoneIds.size() - 1) + "?)";
    }
    String from = "SELECT COUNT(*) FROM " + t.leads + " WHERE campaign_id = ? AND state = 'QUEUED'";
    String sql =
        from
            + " AND priority > ? AND next_attempt_at <= ?"
            + zoneFilter
            + " UNION ALL "
            + from
            + " AND priority = ? AND seq < ? AND next_attempt_at <= ?"
            + zoneFilter;
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      s.setString(i++, lead.campaignId().value());
      s.setInt(i++, lead.priority());
      s.setLong(i++, Columns.micros(dueBy));
      for (String zone : zoneIds) {
        s.setString(i++, zone);
      }
      s.setString(i++, lead.campaignId().value());
      s.setInt(i++, lead.priority());
      s.setLong(i++, lead.sequence());
      s.setLong(i++, Columns.micros(dueBy));
      for (String zone : zoneIds) {
        s.setString(i++, zone);
      }
      long count = 0;
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          count += r.getLong(1);
        }
      }
      return count;
    }
  }

  /** Whether the lead's campaign belongs to its tenant: nothing of another tenant is counted. */
  private boolean owned(Connection c, Lead lead) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM " + t.campaigns + " WHERE id = ? AND tenant = ?")) {
      s.setString(1, lead.campaignId().value());
      s.setString(2, lead.tenant().value());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
