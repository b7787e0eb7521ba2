package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.AttemptCapRules;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.ScheduleRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claim, in this order of single-document writes:
 *
 * <ol>
 *   <li>read the campaign: running, lease held ({@code now < leaseExpiry}), and the lead inserts
 *       still open or rolled back, whose leads are not claimable ({@link InsertIntents});
 *   <li>read the ledger: a limit already reached is the answer, before any lead is touched;
 *   <li>pick the best due lead ({@link LeadPick}: queued, due, admitted zone, not of an open
 *       insert; priority desc, sequence asc): in progress, one more attempt and call number, the
 *       claim recorded and marked {@code checking};
 *   <li>its number: on the tenant's do-not-call list, the lead is skipped for good ({@link
 *       PassOver}); under {@code request.caps()}, the caps are checked and the number reserved
 *       ({@link NumberGate}), or the lead is deferred with its hold. Either way it is passed over
 *       and the claim goes back to step 3, at most {@value #MAX_PASSED_OVER} times;
 *   <li>the lead confirmed ({@code checking} and its hold removed): from here the repair recreates
 *       the call if this claimer dies;
 *   <li>the call, inserted {@code INITIATED} with an outbox holding the claim's counters;
 *   <li>the slot: one conditional update of the ledger under all three limits; if it fails (another
 *       claim took the last slot since step 2) the claim is undone ({@link ClaimUndo});
 *   <li>the outbox: the counters, then the outbox cleared.
 * </ol>
 */
final class Claimer {
  /**
   * The most due leads one claim passes over (suppressed or capped) before it answers {@code
   * NO_DUE_LEAD} with them: each costs a few round trips, and the dialer's next claim goes on where
   * this one stopped, so a campaign full of listed numbers does not hold one claim for long.
   */
  static final int MAX_PASSED_OVER = dev.dialkit.campaign.spi.CampaignStore.MAX_PASSED_OVER;

  private static final Logger log = LoggerFactory.getLogger(Claimer.class);

  private final Collections db;
  private final Ledger ledger;
  private final Outbox outbox;
  private final ClaimUndo undo;
  private final LeadPick picks;
  private final PassOver passOver;
  private final DoNotCallList doNotCall;
  private final NumberGate numbers;

  Claimer(
      Collections db,
      Ledger ledger,
      Outbox outbox,
      ClaimUndo undo,
      PassOver passOver,
      DoNotCallList doNotCall) {
    this.db = db;
    this.ledger = ledger;
    this.outbox = outbox;
    this.undo = undo;
    this.picks = new LeadPick(db);
    this.passOver = passOver;
    this.doNotCall = doNotCall;
    this.numbers = new NumberGate(db);
  }

  /** Why a claim of the campaign is denied before any lead is touched, or null; its read. */
  record Gate(Reason denied, List<String> unclaimable) {}

  /** A lead claimed and its call stored, with the claim outbox, but no slot yet. */
  record Staged(Lead lead, Call call) {}

  ClaimResult claim(ClaimRequest request) {
    Gate gate = gate(request);
    if (gate.denied() != null) {
      return ClaimResult.denied(gate.denied());
    }
    Reason full = ledger.fullUnder(request.tenant(), request.campaignId(), request.limits());
    if (full != null) {
      return ClaimResult.denied(full);
    }
    if (request.zones() != null && request.zones().isEmpty()) {
      return ClaimResult.denied(Reason.NO_DUE_LEAD);
    }
    List<Lead> passedOver = new ArrayList<>();
    Staged staged = stage(request, gate.unclaimable(), passedOver);
    if (staged == null) {
      return new ClaimResult.Denied(Reason.NO_DUE_LEAD, passedOver);
    }
    Call call = staged.call();
    Seams.at(Seams.Point.BEFORE_SLOT);
    Reason denied =
        ledger.hold(call.id(), request.tenant(), request.campaignId(), request.limits());
    if (denied != null) {
      undo.undo(call);
      return new ClaimResult.Denied(denied, passedOver);
    }
    Document doc = Codec.call(call).append("pending", Outbox.claim(Outbox.CLAIM_DELTA));
    outbox.finish(Outbox.Work.of(doc));
    return new ClaimResult.Claimed(staged.lead(), call, passedOver);
  }

  /** Step 1: the campaign is running and leased to the claimer; the inserts not claimable. */
  Gate gate(ClaimRequest request) {
    Document campaign =
        db.campaigns()
            .find(MongoStore.owned(request.tenant(), request.campaignId()))
            .projection(
                Projections.include(
                    "status",
                    "leaseOwner",
                    "leaseExpiry",
                    "spec.schedule",
                    InsertIntents.OPEN,
                    InsertIntents.VOIDED))
            .first();
    if (campaign == null || !CampaignStatus.RUNNING.name().equals(campaign.getString("status"))) {
      return new Gate(Reason.NOT_RUNNING, List.of());
    }
    Date expiry = campaign.getDate("leaseExpiry");
    if (!request.owner().equals(campaign.getString("leaseOwner"))
        || expiry == null
        || !request.now().isBefore(expiry.toInstant())) {
      return new Gate(Reason.NOT_LEASE_OWNER, List.of());
    }
    if (ScheduleRules.outside(
        SpecCodec.schedule(campaign.get("spec", Document.class)), request.now())) {
      return new Gate(Reason.OUTSIDE_SCHEDULE, List.of());
    }
    return new Gate(null, InsertIntents.unclaimable(campaign));
  }

  /**
   * Steps 3 to 6 (the slot aside): the best due lead whose number may be called now, in progress,
   * and its call stored with a claim outbox. Null when no lead is due (or this claim passed over
   * {@value #MAX_PASSED_OVER} leads, added to {@code passedOver}).
   */
  Staged stage(ClaimRequest request, List<String> unclaimable, List<Lead> passedOver) {
    int passedBefore = passedOver.size();
    // a lost pick (put back by the repair while this claim stalled) passes nothing over: bound the
    // picks too, so that no interleaving keeps one claim looping
    for (int round = 0;
        round < 2 * MAX_PASSED_OVER && passedOver.size() - passedBefore < MAX_PASSED_OVER;
        round++) {
      LeadPick.Picked picked = picks.pick(request, unclaimable);
      if (picked == null) {
        return null;
      }
      Lead lead = checkNumber(picked, request, passedOver);
      if (lead == null) {
        continue; // passed over, or the pick was lost while this claim stalled
      }
      Call call =
          insertCall(lead, picked.attempt(), request.provider(), request.from(), request.now());
      if (call == null) {
        // this claim stalled so long that its call was recreated and settled by others
        return null;
      }
      return new Staged(lead, call);
    }
    return null;
  }

  /**
   * Step 4 and 5 for a picked lead: the lead as claimed (confirmed, no hold) if its number may be
   * called now; null if it was passed over (added to {@code passedOver}) or the pick was lost.
   */
  private Lead checkNumber(LeadPick.Picked picked, ClaimRequest request, List<Lead> passedOver) {
    Lead lead = picked.lead();
    if (doNotCall.isListed(lead.tenant(), lead.phone())) {
      Lead skipped = passOver.skip(picked);
      if (skipped != null) {
        log.debug(
            "lead {} skipped: {} is on the do-not-call list", lead.id(), lead.phone().masked());
        passedOver.add(skipped);
      }
      return null;
    }
    if (!request.caps().isNone()) {
      Optional<AttemptCapRules.Held> held;
      try {
        held =
            numbers.reserve(
                lead,
                CallId.forAttempt(lead.id(), picked.attempt()),
                picked.token(),
                request.caps(),
                request.now());
      } catch (MongoException | StoreException e) {
        // give the lead back now rather than after the repair's passes (a crash leaves it to them)
        try {
          picks.putBack(picked);
        } catch (MongoException again) {
          e.addSuppressed(again);
        }
        throw e;
      }
      if (held.isPresent()) {
        Lead deferred = picks.defer(picked, held.get().cap(), held.get().allowedAt());
        if (deferred != null) {
          log.debug(
              "lead {} deferred to {}: {} at {}",
              lead.id(),
              held.get().allowedAt(),
              lead.phone().masked(),
              held.get().cap());
          passedOver.add(deferred);
        }
        return null;
      }
      Seams.at(Seams.Point.NUMBER_RESERVED);
    }
    if (!picks.confirm(picked)) {
      return null;
    }
    Seams.at(Seams.Point.LEAD_CONFIRMED);
    return lead.withHold(null);
  }

  /**
   * Inserts the call of {@code attempt}. If that id is taken, the repair recreated this very
   * claim's call (it found the lead in progress without one): unchanged, that is the call; changed,
   * others settled it while this claim stalled, and this claim gives up (null). No other call can
   * have the id: the lead's call number was raised by this claim alone, and calls are never
   * deleted.
   */
  private Call insertCall(
      Lead lead, int attempt, String provider, dev.dialkit.campaign.PhoneNumber from, Instant now) {
    Call call = Call.initiated(lead, attempt, provider, from, now);
    try {
      db.calls().insertOne(Codec.call(call).append("pending", Outbox.claim(Outbox.CLAIM_DELTA)));
      return call;
    } catch (MongoException e) {
      if (!Errors.isDuplicateKey(e)) {
        throw e;
      }
    }
    Document existing = db.calls().find(Filters.eq("_id", call.id().value())).first();
    boolean recreated =
        existing != null && Codec.call(existing).equals(call) && existing.get("pending") != null;
    return recreated ? call : null;
  }
}
