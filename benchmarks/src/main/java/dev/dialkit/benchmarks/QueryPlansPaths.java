package dev.dialkit.benchmarks;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The store operations whose statements are recorded, each under its path's label: the claim path
 * in its cases, the dial permit, and the webhook path. Each checks that the store did what the
 * label says (a claim that was to pass over suppressed numbers did), so a plan is never shown for a
 * case that did not happen.
 */
final class QueryPlansPaths {
  /** The paths run at T0 + 10 minutes, inside the lease the fill took. */
  static final Instant NOW = StoreFixtures.T0.plus(Duration.ofMinutes(10));

  private static final AttemptCaps CAP = AttemptCaps.perRolling24Hours(1);

  /** Next due leads of a campaign, in claim order, as their numbers' tenant suppressions. */
  interface NextDue {
    List<dev.dialkit.campaign.Suppression> next(Campaign c, int count);
  }

  private final CampaignStore store;
  private final QueryPlansRecorder recorder;
  private final QueryPlansCalls calls;
  private final NextDue nextDue;
  final List<String> outcomes = new ArrayList<>();

  QueryPlansPaths(CampaignStore store, QueryPlansRecorder recorder, NextDue nextDue) {
    this.store = store;
    this.recorder = recorder;
    this.calls = new QueryPlansCalls(store);
    this.nextDue = nextDue;
  }

  void run(Campaign big, Campaign second, long epoch) {
    ClaimRequest plain = QueryPlansCalls.claim(big, NOW);
    Call first = claimed(path("claimNext", () -> store.claimNext(plain)), 0);
    Call other =
        claimed(
            path(
                "claimNext, zones New York and London",
                () ->
                    store.claimNext(
                        zoned(big, Set.of(QueryPlansData.NEW_YORK, QueryPlansData.LONDON)))),
            0);
    denied(
        path(
            "claimNext, zone Sydney: no lead due there",
            () -> store.claimNext(zoned(big, Set.of(QueryPlansData.SYDNEY)))),
        ClaimResult.Reason.NO_DUE_LEAD);
    denied(
        path(
            "claimNext before any lead is due",
            () -> store.claimNext(QueryPlansCalls.claim(big, StoreFixtures.T0.minusSeconds(60)))),
        ClaimResult.Reason.NO_DUE_LEAD);
    store.addSuppressions(nextDue.next(big, 3));
    claimed(path("claimNext, next 3 numbers suppressed", () -> store.claimNext(plain)), 3);
    claimed(
        path("claimNext, attempt cap, number not called", () -> store.claimNext(capped(big))), 0);
    claimed(
        path(
            "claimNext, attempt cap, first 3 numbers capped",
            () -> store.claimNext(capped(second))),
        3);
    denied(
        path(
            "claimNext, campaign limit reached",
            () -> store.claimNext(limited(big, new SlotLimits(1_000_000, 1_000_000, 1)))),
        ClaimResult.Reason.CAMPAIGN_LIMIT);
    batch(path("claimBatch of 10", () -> store.claimBatch(BatchClaimRequest.of(plain, 10))), 0);
    store.addSuppressions(nextDue.next(big, 10).subList(8, 10));
    batch(
        path(
            "claimBatch of 10, attempt cap, 2 numbers suppressed",
            () -> store.claimBatch(BatchClaimRequest.of(capped(big), 10))),
        2);
    webhooks(first, other, epoch);
  }

  private void webhooks(Call first, Call other, long epoch) {
    Call call = path("requestDialPermit", () -> calls.permitted(first, epoch, NOW));
    Call answered =
        path(
            "applyTransition, provider's answer (non-terminal, no dedupe key)",
            () -> calls.apply(QueryPlansCalls.answered(call, NOW)));
    String providerId = answered.providerCallId();
    check(
        path(
                "findCallByProviderId",
                () -> store.findCallByProviderId(StoreFixtures.PROVIDER, providerId))
            .isPresent(),
        "findCallByProviderId found the call");
    check(
        path("findCall", () -> store.findCall(answered.tenant(), answered.id())).isPresent(),
        "findCall found the call");
    Call ringing =
        path(
            "applyTransition, ringing (non-terminal)",
            () -> calls.apply(QueryPlansCalls.webhook(answered, CallStatus.RINGING, NOW)));
    TransitionResult again =
        path(
            "applyTransition, ringing again (duplicate)",
            () ->
                store.applyTransition(QueryPlansCalls.webhook(answered, CallStatus.RINGING, NOW)));
    check(again.outcome() == TransitionResult.Outcome.DUPLICATE, "the repeat was a duplicate");
    path(
        "applyTransition, completed (terminal: lead done, slot freed)",
        () -> calls.apply(QueryPlansCalls.end(ringing, CallStatus.COMPLETED, NOW)));
    Call second = calls.apply(QueryPlansCalls.answered(calls.permitted(other, epoch, NOW), NOW));
    path(
        "applyTransition, no answer (terminal: lead queued again)",
        () -> calls.apply(QueryPlansCalls.end(second, CallStatus.NO_ANSWER, NOW)));
  }

  private <T> T path(String label, Supplier<T> operation) {
    recorder.path(label);
    try {
      return operation.get();
    } finally {
      recorder.path(null);
    }
  }

  private static ClaimRequest zoned(Campaign c, Set<java.time.ZoneId> zones) {
    return StoreFixtures.claimRequest(c, StoreFixtures.OWNER, NOW, QueryPlansCalls.LIMITS, zones);
  }

  private static ClaimRequest capped(Campaign c) {
    return StoreFixtures.claimRequest(c, StoreFixtures.OWNER, NOW, QueryPlansCalls.LIMITS, CAP);
  }

  private static ClaimRequest limited(Campaign c, SlotLimits limits) {
    return StoreFixtures.claimRequest(c, StoreFixtures.OWNER, NOW, limits);
  }

  private Call claimed(ClaimResult result, int passedOver) {
    check(
        result instanceof ClaimResult.Claimed && result.passedOver().size() == passedOver,
        "claimed, passing over " + passedOver + ": " + describe(result));
    return ((ClaimResult.Claimed) result).call();
  }

  private void denied(ClaimResult result, ClaimResult.Reason reason) {
    check(
        result instanceof ClaimResult.Denied d && d.reason() == reason,
        "denied " + reason + ": " + describe(result));
  }

  private void batch(BatchClaimResult result, int passedOver) {
    check(
        result.claimed().size() == 10 && result.passedOver().size() == passedOver,
        "claimed 10 passing over "
            + passedOver
            + ": claimed "
            + result.claimed().size()
            + ", passed over "
            + result.passedOver().size()
            + ", stopped by "
            + result.stoppedBy());
  }

  private static String describe(ClaimResult result) {
    return result instanceof ClaimResult.Denied d
        ? "denied " + d.reason() + ", passed over " + d.passedOver().size()
        : "claimed, passed over " + result.passedOver().size();
  }

  private void check(boolean held, String what) {
    if (!held) {
      throw new IllegalStateException("a path did not do what its label says: " + what);
    }
    outcomes.add(what);
  }
}
