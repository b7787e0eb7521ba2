package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The claim transaction. In order: lock the campaign row and check status, tenant and lease; check
 * the three limits against the committed counts (a cheap early "no"); pick the best due lead with
 * {@code FOR UPDATE SKIP LOCKED}; write the lead, the call, the slot row and the campaign's
 * counters; and last take the global and tenant counters with guarded increments ({@code held + 1
 * ... WHERE held < limit}), so that the two hot rows every claim in the store shares stay locked
 * only from that increment to the commit. A guarded increment that fails (another instance took the
 * last slot in between) rolls the whole claim back and reports the limit.
 */
public final class Claims {
  private static final CounterDelta CLAIM_DELTA =
      CounterDelta.of(Counter.LEADS_QUEUED, -1)
          .plus(Counter.LEADS_IN_PROGRESS, 1)
          .plus(Counter.CALLS_PLACED, 1);

  private final Tables t;
  private final CampaignRows campaigns;
  private final LeadRows leads;
  private final CallRows calls;
  private final SlotRows slots;

  public Claims(
      Tables tables, CampaignRows campaigns, LeadRows leads, CallRows calls, SlotRows slots) {
    this.t = tables;
    this.campaigns = campaigns;
    this.leads = leads;
    this.calls = calls;
    this.slots = slots;
  }

  public ClaimResult claim(Connection c, ClaimRequest request) throws SQLException {
    // a denial found by plain reads costs no lock and no commit flush; it is the hot path of a
    // dialer waiting for a free slot or a due lead
    ClaimResult.Reason early = precheck(c, request);
    if (early != null) {
      return ClaimResult.denied(early);
    }
    int campaignSlots;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tenant, status, lease_owner, lease_expiry, slots_held FROM "
                + t.campaigns
                + " WHERE id = ? FOR UPDATE")) {
      s.setString(1, request.campaignId().value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()
            || !request.tenant().value().equals(r.getString("tenant"))
            || !CampaignStatus.RUNNING.name().equals(r.getString("status"))) {
          return ClaimResult.denied(Reason.NOT_RUNNING);
        }
        long expiry = r.getLong("lease_expiry");
        boolean leased =
            !r.wasNull()
                && request.owner().equals(r.getString("lease_owner"))
                && Columns.micros(request.now()) < expiry;
        if (!leased) {
          return ClaimResult.denied(Reason.NOT_LEASE_OWNER);
        }
        campaignSlots = r.getInt("slots_held");
      }
    }
    int[] held = slots.counts(c, request.tenant());
    if (held[0] >= request.limits().global()) {
      return ClaimResult.denied(Reason.GLOBAL_LIMIT);
    }
    if (held[1] >= request.limits().tenant()) {
      return ClaimResult.denied(Reason.TENANT_LIMIT);
    }
    if (campaignSlots >= request.limits().campaign()) {
      return ClaimResult.denied(Reason.CAMPAIGN_LIMIT);
    }
    if (request.zones() != null && request.zones().isEmpty()) {
      return ClaimResult.denied(Reason.NO_DUE_LEAD);
    }
    LeadRows.Picked picked = leads.pickDue(c, request.campaignId(), request.now(), request.zones());
    if (picked == null) {
      return ClaimResult.denied(Reason.NO_DUE_LEAD);
    }
    Lead lead = picked.lead().claimed();
    // a call id is never reused: one more than the lead's last call, even after a refund
    int attempt = Math.max(picked.callsMade(), picked.lead().attempts()) + 1;
    Call call = Call.initiated(lead, attempt, request.provider(), request.from(), request.now());
    leads.markClaimed(c, lead.id(), attempt);
    calls.insert(c, call);
    slots.hold(c, call.id(), request.tenant(), request.campaignId());
    campaigns.addCounters(c, request.campaignId(), CLAIM_DELTA, 1);
    if (!slots.tryIncrement(c, SlotRows.GLOBAL, request.limits().global())) {
      c.rollback();
      return ClaimResult.denied(Reason.GLOBAL_LIMIT);
    }
    if (!slots.tryIncrement(c, request.tenant().value(), request.limits().tenant())) {
      c.rollback();
      return ClaimResult.denied(Reason.TENANT_LIMIT);
    }
    return new ClaimResult.Claimed(lead, call);
  }

  /** The denial the committed state already decides, by unlocked reads; null if none. */
  private Reason precheck(Connection c, ClaimRequest request) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT c.tenant, c.status, c.lease_owner, c.lease_expiry, c.slots_held,"
                + " (SELECT g.held FROM "
                + t.slotCounters
                + " g WHERE g.scope_key = ?),"
                + " (SELECT n.held FROM "
                + t.slotCounters
                + " n WHERE n.scope_key = ?)"
                + " FROM "
                + t.campaigns
                + " c WHERE c.id = ?")) {
      s.setString(1, SlotRows.GLOBAL);
      s.setString(2, request.tenant().value());
      s.setString(3, request.campaignId().value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()
            || !request.tenant().value().equals(r.getString(1))
            || !CampaignStatus.RUNNING.name().equals(r.getString(2))) {
          return Reason.NOT_RUNNING;
        }
        long expiry = r.getLong(4);
        if (r.wasNull()
            || !request.owner().equals(r.getString(3))
            || Columns.micros(request.now()) >= expiry) {
          return Reason.NOT_LEASE_OWNER;
        }
        if (r.getInt(6) >= request.limits().global()) {
          return Reason.GLOBAL_LIMIT;
        }
        if (r.getInt(7) >= request.limits().tenant()) {
          return Reason.TENANT_LIMIT;
        }
        if (r.getInt(5) >= request.limits().campaign()) {
          return Reason.CAMPAIGN_LIMIT;
        }
      }
    }
    if ((request.zones() != null && request.zones().isEmpty())
        || !leads.anyDue(c, request.campaignId(), request.now(), request.zones())) {
      return Reason.NO_DUE_LEAD;
    }
    return null;
  }
}
