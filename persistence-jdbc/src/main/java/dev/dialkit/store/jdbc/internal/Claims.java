package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.spi.AttemptCapRules;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim transaction. In order: lock the campaign row and check status, tenant and lease; check
 * the three limits against the committed counts (a cheap early "no"); pick the best due lead with
 * {@code FOR UPDATE SKIP LOCKED}, passing over leads whose number is suppressed or at an attempt
 * cap ({@link #nextDialable}); write the lead, the call, the slot row and the campaign's counters;
 * and last take the global and tenant counters with guarded increments ({@code held + 1 ... WHERE
 * held < limit}), so that the two hot rows every claim in the store shares stay locked only from
 * that increment to the commit. A guarded increment that fails (another instance took the last slot
 * in between) rolls the whole claim back, the leads passed over included, and reports the limit.
 *
 * <p>Lock order: campaign row, lead rows, number rows ({@link NumberLocks}: the first one waited
 * for, later ones only if free), then the global and tenant counters.
 */
public final class Claims {
  private static final Logger log = LoggerFactory.getLogger(Claims.class);

  /**
   * The most due leads one claim passes over (suppressed, capped, or their number busy) before it
   * returns {@code NO_DUE_LEAD} with what it did: the campaign row stays locked meanwhile, so a
   * list full of suppressed numbers is worked through over several claims, not in one long one.
   */
  static final int MAX_PASSED_OVER = dev.dialkit.campaign.spi.CampaignStore.MAX_PASSED_OVER;

  private static final CounterDelta SKIP_DELTA =
      CounterDelta.of(Counter.LEADS_QUEUED, -1).plus(Counter.LEADS_SKIPPED, 1);

  private static final CounterDelta CLAIM_DELTA =
      CounterDelta.of(Counter.LEADS_QUEUED, -1)
          .plus(Counter.LEADS_IN_PROGRESS, 1)
          .plus(Counter.CALLS_PLACED, 1);

  private final Tables t;
  private final CampaignRows campaigns;
  private final LeadRows leads;
  private final CallRows calls;
  private final SlotRows slots;
  private final SuppressionRows suppressions;
  private final NumberLocks numbers;

  public Claims(
      Tables tables,
      CampaignRows campaigns,
      LeadRows leads,
      CallRows calls,
      SlotRows slots,
      SuppressionRows suppressions,
      NumberLocks numbers) {
    this.t = tables;
    this.campaigns = campaigns;
    this.leads = leads;
    this.calls = calls;
    this.slots = slots;
    this.suppressions = suppressions;
    this.numbers = numbers;
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
    List<Lead> passedOver = new ArrayList<>();
    LeadRows.Picked picked = nextDialable(c, request, passedOver);
    if (picked == null) {
      return new ClaimResult.Denied(Reason.NO_DUE_LEAD, passedOver);
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
    return new ClaimResult.Claimed(lead, call, passedOver);
  }

  /**
   * The best due lead whose number is neither suppressed nor at a cap, locked, or null; the leads
   * passed over on the way are written (skipped or deferred) and added to {@code passedOver}.
   */
  private LeadRows.Picked nextDialable(Connection c, ClaimRequest request, List<Lead> passedOver)
      throws SQLException {
    List<LeadId> busy = new ArrayList<>();
    boolean holdsNumber = false;
    while (passedOver.size() + busy.size() < MAX_PASSED_OVER) {
      LeadRows.Picked picked =
          leads.pickDue(c, request.campaignId(), request.now(), request.zones(), busy);
      if (picked == null) {
        return null;
      }
      Lead lead = picked.lead();
      if (suppressions.contains(c, lead.tenant(), lead.phone())) {
        leads.markSuppressed(c, lead.id());
        campaigns.addCounters(c, request.campaignId(), SKIP_DELTA, 0);
        passedOver.add(lead.suppressed());
        continue;
      }
      if (request.caps().isNone()) {
        return picked;
      }
      // wait for the number only while holding no other: two claims then never wait for each
      // other's numbers (a busy later number is left queued for the next claim)
      if (!numbers.lock(c, lead.tenant(), lead.phone(), !holdsNumber)) {
        busy.add(lead.id());
        continue;
      }
      holdsNumber = true;
      Optional<AttemptCapRules.Held> held =
          AttemptCapRules.check(
              request.caps(),
              lead.timeZone(),
              request.now(),
              numbers.countedCallTimes(
                  c, lead.tenant(), lead.phone(), AttemptCapRules.countedSince(request.now())));
      if (held.isEmpty()) {
        return picked;
      }
      leads.markCapped(c, lead.id(), held.get().cap(), held.get().allowedAt());
      passedOver.add(lead.capped(held.get().cap(), held.get().allowedAt()));
    }
    log.debug(
        "campaign {}: passed {} due leads over in one claim, the rest waits for the next",
        request.campaignId(),
        passedOver.size() + busy.size());
    return null;
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
