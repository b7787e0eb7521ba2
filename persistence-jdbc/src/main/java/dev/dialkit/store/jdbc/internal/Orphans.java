package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Slots held by a call that is terminal or missing. Every write of this store is transactional, so
 * there are none unless rows were changed by hand; the repair is there for that case, and releases
 * each one as a transition would: by deleting its slot row.
 */
public final class Orphans {
  /** A slot to release. */
  public record Orphan(CallId call, TenantId tenant, CampaignId campaign) {}

  private static final String TERMINAL =
      Arrays.stream(CallStatus.values())
          .filter(CallStatus::isTerminal)
          .map(s -> "'" + s.name() + "'")
          .collect(Collectors.joining(", ", "(", ")"));

  private final Tables t;
  private final SlotRows slots;

  public Orphans(Tables tables, SlotRows slots) {
    this.t = tables;
    this.slots = slots;
  }

  public List<Orphan> find(Connection c) throws SQLException {
    List<Orphan> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT s.call_id, s.tenant, s.campaign_id FROM "
                    + t.slots
                    + " s LEFT JOIN "
                    + t.calls
                    + " c ON c.id = s.call_id WHERE c.id IS NULL OR c.status IN "
                    + TERMINAL);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(
            new Orphan(
                CallId.of(r.getString(1)),
                TenantId.of(r.getString(2)),
                CampaignId.of(r.getString(3))));
      }
    }
    return out;
  }

  /** Releases the slot if it is still held; returns whether it was. */
  public boolean release(Connection c, Orphan orphan) throws SQLException {
    // slots are counted from their rows: deleting it is the whole release
    return slots.delete(c, orphan.call());
  }
}
