package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.PROVIDER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static dev.dialkit.testkit.StoreFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Call transitions: each outcome, all-or-nothing writes, slots, and what happens to the lead. */
interface TransitionContract extends StoreContractSupport {

  @Test
  default void anAppliedEndWritesTheCallSlotLeadCountersAndLog() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    Call call = claimed(campaign, T0).call();
    CallTransition ended =
        end(call, CallStatus.COMPLETED, LeadOutcome.finalState(LeadState.DONE), "k1", seconds(60));

    TransitionResult result = store().applyTransition(ended);

    assertThat(result).isEqualTo(new TransitionResult(Outcome.APPLIED, ended.call()));
    assertThat(reloadCall(call)).isEqualTo(ended.call());
    assertThat(store().findActiveCalls(TENANT_A, campaign.id())).isEmpty();
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(0, 0, 0));
    Lead lead = reloadLead(StoreFixtures.lead(campaign, 0));
    assertThat(lead.state()).isEqualTo(LeadState.DONE);
    assertThat(lead.lastOutcome()).isEqualTo(CallStatus.COMPLETED);
    assertThat(lead.attempts()).isEqualTo(1);
    assertThat(lead.nextAttemptAt()).isEqualTo(T0);
    Campaign reloaded = reload(campaign);
    assertThat(reloaded.counters().get(Counter.LEADS_IN_PROGRESS)).isZero();
    assertThat(reloaded.counters().get(Counter.LEADS_DONE)).isEqualTo(1);
    assertThat(reloaded.counters().get(Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(reloaded.counters().get(Counter.CALLS_COMPLETED)).isEqualTo(1);
    List<CallLogEntry> log = callLog(call);
    assertThat(log).hasSize(1);
    assertThat(log.get(0).sequence()).isPositive();
    assertThat(log.get(0)).isEqualTo(ended.log().get(0).withSequence(log.get(0).sequence()));
  }

  @Test
  default void aProgressUpdateKeepsTheCallActiveAndTheLeadAndSlotAsTheyWere() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call call = claimed(campaign, T0).call();
    Lead before = reloadLead(StoreFixtures.lead(campaign, 0));
    CallTransition ringing = update(call, CallStatus.RINGING, "k1", seconds(2));

    assertThat(store().applyTransition(ringing).outcome()).isEqualTo(Outcome.APPLIED);

    assertThat(reloadCall(call).version()).isEqualTo(2);
    assertThat(store().findActiveCalls(TENANT_A, campaign.id())).containsExactly(ringing.call());
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(1, 1, 1));
    assertThat(reloadLead(before)).isEqualTo(before);
  }

  @Test
  default void aRecordedDedupeKeyIsADuplicateAndWritesNothing() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call call = claimed(campaign, T0).call();
    Call ringing = apply(update(call, CallStatus.RINGING, "k1", seconds(2)));
    Snapshot before = snapshot(campaign, call.id());

    CallTransition again =
        end(ringing, CallStatus.COMPLETED, LeadOutcome.finalState(LeadState.DONE), "k1", T0);
    CallTransition staleAgain = update(call, CallStatus.ANSWERED, "k1", seconds(3));

    assertThat(store().applyTransition(again))
        .isEqualTo(new TransitionResult(Outcome.DUPLICATE, ringing));
    assertThat(store().applyTransition(staleAgain))
        .isEqualTo(new TransitionResult(Outcome.DUPLICATE, ringing));
    assertThat(snapshot(campaign, call.id())).isEqualTo(before);
  }

  @Test
  default void dedupeKeysBelongToOneCall() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    Call one = claimed(campaign, T0).call();
    Call two = claimed(campaign, T0).call();
    apply(update(one, CallStatus.RINGING, "ringing", seconds(1)));

    assertThat(store().applyTransition(update(two, CallStatus.RINGING, "ringing", seconds(1))))
        .extracting(TransitionResult::outcome)
        .isEqualTo(Outcome.APPLIED);
  }

  @Test
  default void transitionsWithoutADedupeKeyAreNeverDuplicates() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call call = claimed(campaign, T0).call();

    Call queued = apply(update(call, CallStatus.QUEUED, null, seconds(1)));
    Call ringing = apply(update(queued, CallStatus.RINGING, null, seconds(2)));

    assertThat(ringing.version()).isEqualTo(3);
    assertThat(reloadCall(call)).isEqualTo(ringing);
  }

  @Test
  default void aStaleVersionConflictsAndWritesNothing() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call call = claimed(campaign, T0).call();
    Call ringing = apply(update(call, CallStatus.RINGING, "k1", seconds(2)));
    Snapshot before = snapshot(campaign, call.id());

    CallTransition stale =
        end(call, CallStatus.NO_ANSWER, LeadOutcome.finalState(LeadState.FAILED), "k2", T0);

    assertThat(store().applyTransition(stale))
        .isEqualTo(new TransitionResult(Outcome.CONFLICT, ringing));
    assertThat(snapshot(campaign, call.id())).isEqualTo(before);
    // the conflicting key was not recorded: recomputed from the stored version it applies
    CallTransition recomputed =
        end(ringing, CallStatus.NO_ANSWER, LeadOutcome.finalState(LeadState.FAILED), "k2", T0);
    assertThat(store().applyTransition(recomputed).outcome()).isEqualTo(Outcome.APPLIED);
  }

  @Test
  default void anUnknownCallOrOneOfAnotherTenantIsNotFoundAndNothingIsWritten() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    Call call = claimed(campaign, T0).call();
    Lead second = StoreFixtures.lead(campaign, 1);
    Call neverClaimed = Call.initiated(second, 1, PROVIDER, StoreFixtures.FROM, T0);
    Lead foreignLead =
        StoreFixtures.lead(StoreFixtures.draft(TENANT_B, "c1"), call.leadId(), call.to(), 0, T0);
    Call foreign = Call.initiated(foreignLead, 1, PROVIDER, StoreFixtures.FROM, T0);
    assertThat(foreign.id()).isEqualTo(call.id());
    Snapshot before = snapshot(campaign, call.id());

    LeadOutcome done = LeadOutcome.finalState(LeadState.DONE);
    assertThat(store().applyTransition(end(neverClaimed, CallStatus.COMPLETED, done, "k", T0)))
        .isEqualTo(new TransitionResult(Outcome.NOT_FOUND, null));
    assertThat(store().applyTransition(end(foreign, CallStatus.COMPLETED, done, "k", T0)))
        .isEqualTo(new TransitionResult(Outcome.NOT_FOUND, null));

    assertThat(snapshot(campaign, call.id())).isEqualTo(before);
    assertThat(store().findCall(TENANT_A, neverClaimed.id())).isEmpty();
    assertThat(store().findCall(TENANT_B, call.id())).isEmpty();
  }

  @Test
  default void aTransitionMovingTheCallToAnotherCampaignIsRejected() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Campaign other = running(TENANT_A, "c2");
    Call call = claimed(campaign, T0).call();
    Lead moved = StoreFixtures.lead(other, call.leadId(), call.to(), 0, T0);
    Call elsewhere = Call.initiated(moved, 1, PROVIDER, StoreFixtures.FROM, T0);
    Snapshot before = snapshot(campaign, call.id());

    assertThatThrownBy(
            () -> store().applyTransition(update(elsewhere, CallStatus.RINGING, "k", T0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(snapshot(campaign, call.id())).isEqualTo(before);
  }

  @Test
  default void aSlotIsReleasedOnceHoweverOftenAsked() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 3);
    SlotLimits limits = new SlotLimits(10, 10, 2);
    Call one = claimed(claim(campaign, T0, limits)).call();
    claimed(claim(campaign, T0, limits));
    assertThat(denial(claim(campaign, T0, limits))).isEqualTo(Reason.CAMPAIGN_LIMIT);

    Call ended =
        apply(
            end(one, CallStatus.BUSY, LeadOutcome.finalState(LeadState.FAILED), "end", seconds(5)));
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(1, 1, 1));
    Call later =
        ended.toBuilder().recordingUrl("https://rec.example/1").nextVersion(seconds(6)).build();
    apply(
        new CallTransition(
            later, ended.version(), "late", true, null, CounterDelta.NONE, List.of()));

    // the second release did not free the other call's slot
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(1, 1, 1));
    claimed(claim(campaign, T0, limits));
    assertThat(denial(claim(campaign, T0, limits))).isEqualTo(Reason.CAMPAIGN_LIMIT);
  }

  @Test
  default void aRetryRequeuesTheLeadForItsNextAttemptAtThatTime() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call first = claimed(campaign, T0).call();
    apply(end(first, CallStatus.NO_ANSWER, LeadOutcome.retryAt(seconds(1800)), "end", seconds(30)));

    Lead queued = reloadLead(StoreFixtures.lead(campaign, 0));
    assertThat(queued.state()).isEqualTo(LeadState.QUEUED);
    assertThat(queued.attempts()).isEqualTo(1);
    assertThat(queued.nextAttemptAt()).isEqualTo(seconds(1800));
    assertThat(queued.lastOutcome()).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(denial(claim(campaign, seconds(1799), NO_LIMITS))).isEqualTo(Reason.NO_DUE_LEAD);

    var second = claimed(campaign, seconds(1800));
    assertThat(second.lead().id()).isEqualTo(queued.id());
    assertThat(second.lead().attempts()).isEqualTo(2);
    assertThat(second.call().attempt()).isEqualTo(2);
    assertThat(second.call().id()).isEqualTo(CallId.forAttempt(queued.id(), 2));
    assertThat(second.call().createdAt()).isEqualTo(seconds(1800));
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(2);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isEqualTo(1);
    assertThat(reloadCall(first).status()).isEqualTo(CallStatus.NO_ANSWER);
  }

  /** Every counter a transition carries is stored, once: a store must keep each of them. */
  @Test
  default void everyCounterOfATransitionIsStoredOnceAndSurvivesAReload() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call first = claimed(campaign, T0).call();
    CallTransition end =
        end(first, CallStatus.NO_ANSWER, LeadOutcome.retryAt(seconds(1800)), "end", seconds(30));
    CounterDelta all = end.counters().plus(Counter.FAILOVERS, 1).plus(Counter.RETRIES, 1);
    CallTransition withAll =
        new CallTransition(
            end.call(),
            end.expectedVersion(),
            end.dedupeKey(),
            end.releaseSlot(),
            end.leadOutcome(),
            all,
            end.log());
    apply(withAll);
    store().applyTransition(withAll);

    assertThat(counter(campaign, Counter.FAILOVERS)).isEqualTo(1);
    assertThat(counter(campaign, Counter.RETRIES)).isEqualTo(1);
    assertThat(counter(campaign, Counter.CALLS_NO_ANSWER)).isEqualTo(1);
  }

  @Test
  default void aRefundedAttemptDoesNotCountAndItsCallIdIsNotReused() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call first = claimed(campaign, T0).call();
    Call failed =
        apply(end(first, CallStatus.FAILED, LeadOutcome.putBack(seconds(60)), null, seconds(1)));

    Lead queued = reloadLead(StoreFixtures.lead(campaign, 0));
    assertThat(queued.state()).isEqualTo(LeadState.QUEUED);
    assertThat(queued.attempts()).isZero();
    assertThat(queued.nextAttemptAt()).isEqualTo(seconds(60));

    var again = claimed(campaign, seconds(60));
    assertThat(again.lead().attempts()).isEqualTo(1);
    assertThat(again.call().id()).isNotEqualTo(first.id());
    assertThat(again.call().attempt()).isEqualTo(2);
    assertThat(again.call().id()).isEqualTo(CallId.forAttempt(queued.id(), 2));
    assertThat(reloadCall(first)).isEqualTo(failed);
  }

  @Test
  default void findCallIsScopedByTenant() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call call = claimed(campaign, T0).call();

    assertThat(store().findCall(TENANT_A, call.id())).contains(call);
    assertThat(store().findCall(TENANT_B, call.id())).isEmpty();
    assertThat(store().findCall(TENANT_A, CallId.of("nope.1"))).isEmpty();
  }

  @Test
  default void findCallByProviderIdMatchesTheCallIdOrTheRequestIdOfThatProvider() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    Call one = claimed(campaign, T0).call();
    Call two = claimed(campaign, T0).call();
    Call placed = apply(withProviderIds(one, "CA-1", "req-1"));
    Call requested = apply(withProviderIds(two, null, "req-2"));

    assertThat(store().findCallByProviderId(PROVIDER, "CA-1")).contains(placed);
    assertThat(store().findCallByProviderId(PROVIDER, "req-1")).contains(placed);
    assertThat(store().findCallByProviderId(PROVIDER, "req-2")).contains(requested);
    assertThat(store().findCallByProviderId("other", "CA-1")).isEmpty();
    assertThat(store().findCallByProviderId(PROVIDER, "CA-9")).isEmpty();

    Call known = apply(withProviderIds(requested, "CA-2", "req-2"));
    assertThat(store().findCallByProviderId(PROVIDER, "CA-2")).contains(known);
    assertThat(store().findCallByProviderId(PROVIDER, "req-2")).contains(known);
    Call renamed = apply(withProviderIds(known, "CA-3", "req-2"));
    assertThat(store().findCallByProviderId(PROVIDER, "CA-3")).contains(renamed);
    assertThat(store().findCallByProviderId(PROVIDER, "CA-2")).isEmpty();
  }

  @Test
  default void activeCallsAreTheCampaignsUnendedCallsOldestFirst() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 4);
    Campaign other = runningWithLeads(TENANT_A, "c2", 10, 1);
    Call first = claimed(campaign, seconds(1)).call();
    Call second = claimed(campaign, seconds(2)).call();
    Call third = claimed(campaign, seconds(3)).call();
    claimed(other, seconds(1));
    apply(end(second, CallStatus.BUSY, LeadOutcome.finalState(LeadState.FAILED), "e", T0));
    Call ringing = apply(update(third, CallStatus.RINGING, "r", seconds(4)));

    assertThat(store().findActiveCalls(TENANT_A, campaign.id())).containsExactly(first, ringing);
    assertThat(store().findActiveCalls(TENANT_B, campaign.id())).isEmpty();
  }

  private Call apply(CallTransition transition) {
    TransitionResult result = store().applyTransition(transition);
    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    return result.call();
  }

  private static CallTransition withProviderIds(Call call, String callId, String requestId) {
    Call next =
        call.toBuilder()
            .providerCallId(callId)
            .providerRequestId(requestId)
            .nextVersion(call.updatedAt())
            .build();
    return new CallTransition(
        next, call.version(), null, false, null, CounterDelta.NONE, List.of());
  }
}
