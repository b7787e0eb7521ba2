package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.AttemptCapRules;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.DialPermits;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claim transaction, for a batch of leads at once. In order: a plain read that denies without
 * any lock what the committed state already decides ({@link ClaimPrecheck}); the campaign row,
 * locked, for status and lease; the claim lock ({@link SlotRows#lockForClaim}) and the slots held,
 * counted from their rows, which bound the batch under all three limits; the best due leads, locked
 * {@code FOR UPDATE SKIP LOCKED}, passing over those whose number is suppressed or at an attempt
 * cap (one lookup each for the whole batch); then the leads, calls, slot rows and the campaign's
 * counters, each written in one batched statement. About eleven round trips for up to {@value
 * CampaignStore#MAX_CLAIM_BATCH} leads, where a single claim used to cost thirteen.
 *
 * <p>Every claim in the store holds the claim lock from its count to its commit, so claims count
 * one after another: no limit is exceeded across instances, and two claims of one number (the
 * attempt caps count a tenant's calls to a number across campaigns) never run at once, which is why
 * version 5 dropped the per-number locks. Nothing but a claim takes the claim lock, and a claim
 * waits for nothing once it holds it (lead rows are skipped when locked, its own campaign row is
 * already its own), so it cannot deadlock. Lock order: campaign row, claim lock, lead rows.
 */
public final class Claims {
  private final Tables t;
  private final CampaignRows campaigns;
  private final LeadRows leads;
  private final CallRows calls;
  private final SlotRows slots;
  private final SuppressionRows suppressions;
  private final LogRows callLog;
  private final ClaimPrecheck precheck;

  public Claims(
      Tables tables,
      CampaignRows campaigns,
      LeadRows leads,
      CallRows calls,
      SlotRows slots,
      SuppressionRows suppressions,
      LogRows callLog) {
    this.t = tables;
    this.callLog = callLog;
    this.campaigns = campaigns;
    this.leads = leads;
    this.calls = calls;
    this.slots = slots;
    this.suppressions = suppressions;
    this.precheck = new ClaimPrecheck(tables, slots);
  }

  /** A single claim: a batch of one. */
  public ClaimResult claim(Connection c, ClaimRequest request) throws SQLException {
    BatchClaimResult batch = claim(c, BatchClaimRequest.of(request, 1));
    if (batch.claimed().isEmpty()) {
      return new ClaimResult.Denied(batch.stoppedBy(), batch.passedOver());
    }
    ClaimResult.Claimed one = batch.claimed().get(0);
    return new ClaimResult.Claimed(one.lead(), one.call(), batch.passedOver());
  }

  public BatchClaimResult claim(Connection c, BatchClaimRequest batch) throws SQLException {
    ClaimRequest request = batch.request();
    // a denial found by plain reads costs no lock and no commit flush; it is the hot path of a
    // dialer waiting for a free slot or a due lead
    Reason early = precheck.denial(c, request);
    if (early != null) {
      return denied(early);
    }
    long[] leaseEpoch = new long[1];
    Reason campaign = lockCampaign(c, request, leaseEpoch);
    if (campaign != null) {
      return denied(campaign);
    }
    slots.lockForClaim(c);
    SlotUsage used = slots.usage(c, request.tenant(), request.campaignId());
    Reason full = full(used, request.limits(), 0);
    if (full != null) {
      return denied(full);
    }
    if (request.zones() != null && request.zones().isEmpty()) {
      return denied(Reason.NO_DUE_LEAD);
    }
    int room = Math.min(batch.max(), room(used, request.limits()));
    List<Lead> passedOver = new ArrayList<>();
    List<LeadRows.Picked> chosen = dialable(c, request, room, passedOver);
    // the permits ride in this transaction: it already checked status, lease and suppression
    // under the campaign row's lock; only the epoch is the permit's own
    boolean permitted = batch.grantsPermits() && batch.permitEpoch() == leaseEpoch[0];
    List<ClaimResult.Claimed> claimed = write(c, batch, chosen, permitted);
    long skipped = passedOver.stream().filter(l -> l.state() == LeadState.SKIPPED).count();
    int n = claimed.size();
    campaigns.addCounters(
        c,
        request.campaignId(),
        CounterDelta.of(Counter.LEADS_QUEUED, -n - skipped)
            .plus(Counter.LEADS_SKIPPED, skipped)
            .plus(Counter.LEADS_IN_PROGRESS, n)
            .plus(Counter.CALLS_PLACED, n));
    Reason stoppedBy =
        n == batch.max() ? null : n == room ? full(used, request.limits(), n) : Reason.NO_DUE_LEAD;
    return new BatchClaimResult(claimed, passedOver, stoppedBy);
  }

  private static BatchClaimResult denied(Reason reason) {
    return new BatchClaimResult(List.of(), List.of(), reason);
  }

  /**
   * Locks the campaign row; the denial its status or lease gives, or null. The lease's epoch goes
   * to {@code epoch[0]}.
   */
  private Reason lockCampaign(Connection c, ClaimRequest request, long[] epoch)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tenant, status, lease_owner, lease_expiry, schedule_start, schedule_end,"
                + " lease_epoch FROM "
                + t.campaigns
                + " WHERE id = ? FOR UPDATE")) {
      s.setString(1, request.campaignId().value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Reason.NOT_RUNNING;
        }
        epoch[0] = r.getLong("lease_epoch");
        return campaignDenial(r, request);
      }
    }
  }

  /**
   * The denial the campaign's row gives ({@code tenant, status, lease_owner, lease_expiry} as its
   * first four columns, and {@code schedule_start, schedule_end} by name): not the tenant's or not
   * running, the lease not held at {@code now}, or {@code now} outside the schedule; null if none.
   */
  static Reason campaignDenial(ResultSet r, ClaimRequest request) throws SQLException {
    if (!request.tenant().value().equals(r.getString(1))
        || !CampaignStatus.RUNNING.name().equals(r.getString(2))) {
      return Reason.NOT_RUNNING;
    }
    long expiry = r.getLong(4);
    if (r.wasNull()
        || !request.owner().equals(r.getString(3))
        || Columns.micros(request.now()) >= expiry) {
      return Reason.NOT_LEASE_OWNER;
    }
    long now = Columns.micros(request.now());
    long start = r.getLong("schedule_start");
    if (!r.wasNull() && now < start) {
      return Reason.OUTSIDE_SCHEDULE;
    }
    long end = r.getLong("schedule_end");
    if (!r.wasNull() && now >= end) {
      return Reason.OUTSIDE_SCHEDULE;
    }
    return null;
  }

  /** The first limit, in the order global, tenant, campaign, that {@code more} slots reach. */
  static Reason full(SlotUsage used, SlotLimits limits, int more) {
    if (used.global() + more >= limits.global()) {
      return Reason.GLOBAL_LIMIT;
    }
    if (used.tenant() + more >= limits.tenant()) {
      return Reason.TENANT_LIMIT;
    }
    if (used.campaign() + more >= limits.campaign()) {
      return Reason.CAMPAIGN_LIMIT;
    }
    return null;
  }

  private static int room(SlotUsage used, SlotLimits limits) {
    long free =
        Math.min(
            (long) limits.global() - used.global(),
            Math.min(
                (long) limits.tenant() - used.tenant(),
                (long) limits.campaign() - used.campaign()));
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, free));
  }

  /**
   * Up to {@code room} due leads whose numbers are neither suppressed nor at a cap, locked, best
   * first; the leads passed over on the way are written (skipped or deferred) and added to {@code
   * passedOver}. A campaign has each number once, so no two leads of one batch share a number.
   */
  private List<LeadRows.Picked> dialable(
      Connection c, ClaimRequest request, int room, List<Lead> passedOver) throws SQLException {
    List<LeadRows.Picked> chosen = new ArrayList<>();
    while (chosen.size() < room && passedOver.size() < ClaimPrecheck.MAX_PASSED_OVER) {
      int want = room - chosen.size();
      List<LeadId> mine = chosen.stream().map(p -> p.lead().id()).toList();
      List<LeadRows.Picked> picked =
          leads.pickDue(c, request.campaignId(), request.now(), request.zones(), mine, want);
      List<PhoneNumber> numbers = picked.stream().map(p -> p.lead().phone()).toList();
      Set<PhoneNumber> suppressed =
          picked.isEmpty() ? Set.of() : suppressions.findAll(c, request.tenant(), numbers).keySet();
      Map<PhoneNumber, List<Instant>> counted =
          request.caps().isNone() || picked.isEmpty()
              ? Map.of()
              : calls.countedCallTimes(
                  c, request.tenant(), numbers, AttemptCapRules.countedSince(request.now()));
      for (LeadRows.Picked p : picked) {
        Lead lead = p.lead();
        if (suppressed.contains(lead.phone())) {
          leads.markSuppressed(c, lead.id());
          passedOver.add(lead.suppressed());
          continue;
        }
        Optional<AttemptCapRules.Held> held =
            request.caps().isNone()
                ? Optional.empty()
                : AttemptCapRules.check(
                    request.caps(),
                    lead.timeZone(),
                    request.now(),
                    counted.getOrDefault(lead.phone(), List.of()));
        if (held.isPresent()) {
          leads.markCapped(c, lead.id(), held.get().cap(), held.get().allowedAt());
          passedOver.add(lead.capped(held.get().cap(), held.get().allowedAt()));
          continue;
        }
        chosen.add(p);
      }
      if (picked.size() < want) {
        break; // no more due leads
      }
    }
    return chosen;
  }

  /**
   * Claims the chosen leads: leads, calls and slot rows, one batched statement each, and with
   * {@code permitted} the calls' {@code CALL_INITIATED} entries, one more.
   */
  private List<ClaimResult.Claimed> write(
      Connection c, BatchClaimRequest batch, List<LeadRows.Picked> chosen, boolean permitted)
      throws SQLException {
    if (chosen.isEmpty()) {
      return List.of();
    }
    ClaimRequest request = batch.request();
    List<ClaimResult.Claimed> claimed = new ArrayList<>(chosen.size());
    List<Call> newCalls = new ArrayList<>(chosen.size());
    List<CallId> ids = new ArrayList<>(chosen.size());
    List<Integer> callsMade = new ArrayList<>(chosen.size());
    List<CallLogEntry> entries = new ArrayList<>(permitted ? chosen.size() : 0);
    for (int i = 0; i < chosen.size(); i++) {
      LeadRows.Picked picked = chosen.get(i);
      Lead lead = picked.lead().claimed();
      // a call id is never reused: one more than the lead's last call, even after a refund
      int attempt = Math.max(picked.callsMade(), picked.lead().attempts()) + 1;
      Call call =
          Call.initiated(lead, attempt, request.provider(), batch.from().get(i), request.now());
      if (permitted) {
        call = DialPermits.grantedAtClaim(call, request.now());
        entries.add(DialPermits.sentEntry(call, lead, call.sentAt(), false));
      }
      claimed.add(new ClaimResult.Claimed(lead, call));
      newCalls.add(call);
      ids.add(call.id());
      callsMade.add(attempt);
    }
    leads.markClaimed(c, claimed.stream().map(x -> x.lead().id()).toList(), callsMade);
    calls.insert(c, newCalls);
    slots.hold(c, ids, request.tenant(), request.campaignId());
    callLog.append(c, entries);
    return claimed;
  }
}
