package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.spi.CallbackRequest;
import dev.dialkit.campaign.spi.CallbackResult;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Callbacks on the lead's {@code nextAttemptAt}, marked {@link LeadHold#CALLBACK}: a queued lead
 * waits for it, a finished one is queued again with its counters moved, the claim takes it when due
 * and not before, and a lead in a call, of an ended campaign, suppressed, or of another tenant is
 * left alone. And {@code stopLead}: a queued lead ends, others stay.
 */
interface CallbackContract extends StoreContractSupport {

  private CallbackResult callback(Lead lead, Instant at, boolean refund, Instant now) {
    return store().scheduleCallback(new CallbackRequest(lead.tenant(), lead.id(), at, refund, now));
  }

  private Call end(Call call, LeadOutcome outcome) {
    store()
        .applyTransition(
            StoreFixtures.end(call, CallStatus.COMPLETED, outcome, "end", seconds(30)));
    return reloadCall(call);
  }

  @Test
  default void aFinishedLeadIsRequeuedForTheCallbackAndClaimedWhenDueNotBefore() {
    Campaign campaign = runningWithLeads(TENANT_A, "cb-1", 0, 2);
    ClaimResult.Claimed first = claimed(campaign, T0);
    end(first.call(), LeadOutcome.finalState(LeadState.DONE));
    assertThat(counter(campaign, Counter.LEADS_DONE)).isEqualTo(1);

    Instant at = seconds(1800); // within the lease (an hour from T0)
    CallbackResult result = callback(first.lead(), at, false, seconds(60));
    assertThat(result.result()).isEqualTo(CallbackResult.Result.REQUEUED);
    assertThat(result.lead().state()).isEqualTo(LeadState.QUEUED);
    assertThat(result.lead().nextAttemptAt()).isEqualTo(at);
    assertThat(result.lead().hold()).isEqualTo(LeadHold.CALLBACK);
    assertThat(result.lead().attempts()).isEqualTo(1);
    assertThat(reloadLead(first.lead())).isEqualTo(result.lead());
    assertThat(counter(campaign, Counter.LEADS_DONE)).isZero();
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(2);
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), seconds(61)))
        .as("a requeued lead keeps its campaign running")
        .isEmpty();
    assertThat(store().queuedLeadZones(TENANT_A, campaign.id())).contains(first.lead().timeZone());

    ClaimResult.Claimed other = claimed(campaign, seconds(120));
    assertThat(other.lead().id()).as("the other lead, due now").isNotEqualTo(first.lead().id());
    assertThat(denial(claim(campaign, at.minusSeconds(1), NO_LIMITS)))
        .as("the callback is not due yet")
        .isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
    ClaimResult.Claimed back = claimed(campaign, at);
    assertThat(back.lead().id()).isEqualTo(first.lead().id());
    assertThat(back.lead().hold()).as("cleared by the claim").isNull();
    assertThat(back.lead().attempts()).isEqualTo(2);
    assertThat(back.call().attempt()).isEqualTo(2);
  }

  @Test
  default void aCallbackAskedDuringTheLastCallReopensTheCompletedCampaign() {
    Campaign campaign = runningWithLeads(TENANT_A, "cb-reopen", 0, 1);
    ClaimResult.Claimed last = claimed(campaign, T0);
    end(last.call(), LeadOutcome.finalState(LeadState.DONE));
    Campaign completed = store().completeIfDone(TENANT_A, campaign.id(), seconds(31)).orElseThrow();
    assertThat(completed.status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThat(completed.endedAt()).isEqualTo(seconds(31));

    // the agent's disposition ("call me at five") arrives after the campaign completed
    Instant at = seconds(1800);
    CallbackResult result = callback(last.lead(), at, false, seconds(40));

    assertThat(result.result()).isEqualTo(CallbackResult.Result.REOPENED);
    assertThat(result.scheduled()).isTrue();
    assertThat(result.lead().state()).isEqualTo(LeadState.QUEUED);
    assertThat(result.lead().hold()).isEqualTo(LeadHold.CALLBACK);
    Campaign reopened = reload(campaign);
    assertThat(reopened.status()).isEqualTo(CampaignStatus.RUNNING);
    assertThat(reopened.endedAt()).as("running again: no end time").isNull();
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_DONE)).isZero();
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), seconds(41)))
        .as("the callback keeps it running")
        .isEmpty();

    assertThat(lease(campaign.id(), StoreFixtures.OWNER, seconds(42), StoreFixtures.LEASE_TTL))
        .isTrue();
    ClaimResult.Claimed back = claimed(campaign, at);
    assertThat(back.lead().id()).isEqualTo(last.lead().id());
    end(back.call(), LeadOutcome.finalState(LeadState.DONE));
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), at.plusSeconds(60)))
        .as("and completes again once it is done")
        .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CampaignStatus.COMPLETED));
  }

  @Test
  default void aCompletedCampaignWhoseScheduleEndsFirstIsNotReopened() {
    Campaign plain = StoreFixtures.draft(TENANT_A, "cb-ended");
    Campaign draft =
        Campaign.draft(
            plain.id(),
            TENANT_A,
            dev.dialkit.campaign.CampaignSpec.from(plain.spec())
                .schedule(dev.dialkit.campaign.CampaignSchedule.endingAt(seconds(600)))
                .build(),
            T0);
    store().createCampaign(draft);
    Campaign campaign = move(draft, CampaignStatus.DRAFT, CampaignStatus.RUNNING, T0);
    assertThat(lease(campaign.id(), StoreFixtures.OWNER, T0, StoreFixtures.LEASE_TTL)).isTrue();
    insert(campaign, StoreFixtures.leads(campaign, 0, 1));
    ClaimResult.Claimed last = claimed(campaign, T0);
    end(last.call(), LeadOutcome.finalState(LeadState.DONE));
    store().completeIfDone(TENANT_A, campaign.id(), seconds(31)).orElseThrow();
    Lead done = reloadLead(last.lead());

    assertThat(callback(done, seconds(600), false, seconds(40)).result())
        .as("the schedule ends by the callback time")
        .isEqualTo(CallbackResult.Result.CAMPAIGN_ENDED);
    assertThat(reload(campaign).status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThat(reloadLead(done)).isEqualTo(done);
    assertThat(callback(done, seconds(599), false, seconds(40)).result())
        .as("before the end it reopens")
        .isEqualTo(CallbackResult.Result.REOPENED);
  }

  @Test
  default void aQueuedLeadWaitsForTheCallbackAndARefundGivesAnAttemptBack() {
    Campaign campaign = runningWithLeads(TENANT_A, "cb-2", 0, 1);
    ClaimResult.Claimed first = claimed(campaign, T0);
    end(first.call(), LeadOutcome.retryAt(seconds(300)));
    long queued = counter(campaign, Counter.LEADS_QUEUED);

    CallbackResult result = callback(first.lead(), seconds(2400), true, seconds(60));
    assertThat(result.result()).isEqualTo(CallbackResult.Result.SCHEDULED);
    assertThat(result.lead().attempts()).as("refunded").isZero();
    assertThat(result.lead().nextAttemptAt()).isEqualTo(seconds(2400));
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(queued);
    assertThat(denial(claim(campaign, seconds(300), NO_LIMITS)))
        .as("the earlier retry time is replaced")
        .isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
    ClaimResult.Claimed back = claimed(campaign, seconds(2400));
    assertThat(back.lead().attempts()).isEqualTo(1);
    assertThat(back.call().attempt()).as("a call id is never reused").isEqualTo(2);
  }

  @Test
  default void aLeadInACallOfAnEndedCampaignSuppressedOrOfAnotherTenantIsLeftAlone() {
    Campaign campaign = runningWithLeads(TENANT_A, "cb-3", 0, 3);
    ClaimResult.Claimed inCall = claimed(campaign, T0);
    assertThat(callback(inCall.lead(), seconds(600), false, seconds(1)).result())
        .isEqualTo(CallbackResult.Result.IN_PROGRESS);
    assertThat(reloadLead(inCall.lead())).isEqualTo(inCall.lead());

    Lead queued = allLeads(campaign).get(1);
    assertThat(
            store()
                .scheduleCallback(
                    new CallbackRequest(TENANT_B, queued.id(), seconds(600), false, seconds(1)))
                .result())
        .isEqualTo(CallbackResult.Result.NOT_FOUND);
    assertThat(reloadLead(queued)).isEqualTo(queued);
    assertThat(
            store()
                .scheduleCallback(
                    new CallbackRequest(
                        TENANT_A,
                        dev.dialkit.campaign.LeadId.of("no-such"),
                        seconds(600),
                        false,
                        T0))
                .result())
        .isEqualTo(CallbackResult.Result.NOT_FOUND);

    Lead third = allLeads(campaign).get(2);
    store()
        .addSuppressions(
            List.of(
                new Suppression(
                    TENANT_A, third.phone(), SuppressionSource.MANUAL, null, null, seconds(1))));
    ClaimResult.Claimed second = claimed(campaign, seconds(2));
    assertThat(second.lead().id()).isEqualTo(queued.id());
    assertThat(denial(claim(campaign, seconds(2), NO_LIMITS)))
        .as("passes the suppressed lead over")
        .isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
    assertThat(reloadLead(third).hold()).isEqualTo(LeadHold.SUPPRESSED);
    assertThat(callback(third, seconds(600), false, seconds(3)).result())
        .isEqualTo(CallbackResult.Result.SUPPRESSED);

    end(inCall.call(), LeadOutcome.finalState(LeadState.DONE));
    move(campaign, CampaignStatus.RUNNING, CampaignStatus.CANCELED, seconds(40));
    Lead done = reloadLead(inCall.lead());
    assertThat(callback(done, seconds(600), false, seconds(41)).result())
        .isEqualTo(CallbackResult.Result.CAMPAIGN_ENDED);
    assertThat(reloadLead(done)).isEqualTo(done);
  }

  @Test
  default void stopLeadEndsAQueuedLeadOnlyAndCountsIt() {
    Campaign campaign = runningWithLeads(TENANT_A, "cb-4", 0, 2);
    ClaimResult.Claimed first = claimed(campaign, T0);
    Lead queued =
        allLeads(campaign).stream()
            .filter(l -> l.state() == LeadState.QUEUED)
            .findFirst()
            .orElseThrow();

    assertThat(store().stopLead(TENANT_A, first.lead().id(), seconds(1)))
        .as("in a call: unchanged")
        .contains(reloadLead(first.lead()));
    assertThat(store().stopLead(TENANT_B, queued.id(), seconds(1))).isEmpty();

    Lead stopped = store().stopLead(TENANT_A, queued.id(), seconds(1)).orElseThrow();
    assertThat(stopped.state()).isEqualTo(LeadState.DONE);
    assertThat(reloadLead(queued)).isEqualTo(stopped);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
    assertThat(counter(campaign, Counter.LEADS_DONE)).isEqualTo(1);
    assertThat(store().stopLead(TENANT_A, queued.id(), seconds(2)))
        .as("again: nothing moves")
        .contains(stopped);
    assertThat(counter(campaign, Counter.LEADS_DONE)).isEqualTo(1);
    assertThat(denial(claim(campaign, seconds(3), NO_LIMITS)))
        .isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
  }
}
