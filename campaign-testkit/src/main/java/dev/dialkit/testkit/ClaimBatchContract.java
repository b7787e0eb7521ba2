package dev.dialkit.testkit;

import static dev.dialkit.testkit.BatchClaims.caller;
import static dev.dialkit.testkit.StoreFixtures.KOLKATA;
import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.LONDON;
import static dev.dialkit.testkit.StoreFixtures.NEW_YORK;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.PROVIDER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.lead;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotUsage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Batched claims ({@code claimBatch}), one rule of its javadoc at a time: a batch is that many
 * single claims in a row at one instant, the i-th calling from {@code from.get(i)}, with the limits
 * counting the batch's own slots and the batch stopping at the first claim that would be denied.
 * The limits are in {@link ClaimBatchLimitContract}, suppression, attempt caps and passing over in
 * {@link ClaimBatchHoldContract}, races in {@link ClaimBatchConcurrencyContract}.
 */
interface ClaimBatchContract extends BatchClaims {

  @Test
  default void aBatchTakesTheHighestPriorityFirstThenFirstInEachFromItsCallerId() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(
        campaign,
        List.of(
            lead(campaign, 1, 0),
            lead(campaign, 2, 5),
            lead(campaign, 3, 0),
            lead(campaign, 4, 5),
            lead(campaign, 5, 1)));

    BatchClaimResult first = batch(campaign, seconds(7), NO_LIMITS, 3);
    assertThat(leadIds(first))
        .containsExactly(lead(campaign, 2).id(), lead(campaign, 4).id(), lead(campaign, 5).id());
    assertThat(first.stoppedBy()).as("it claimed all it asked for").isNull();
    assertThat(first.passedOver()).isEmpty();
    for (int i = 0; i < 3; i++) {
      ClaimResult.Claimed claimed = first.claimed().get(i);
      Lead lead = claimed.lead();
      assertThat(lead.state()).isEqualTo(LeadState.IN_PROGRESS);
      assertThat(lead.attempts()).isEqualTo(1);
      assertThat(reloadLead(lead)).isEqualTo(lead);
      assertThat(claimed.call())
          .isEqualTo(Call.initiated(lead, 1, PROVIDER, caller(i), seconds(7)));
      assertThat(store().findCall(TENANT_A, claimed.call().id())).contains(claimed.call());
    }
    assertThat(store().findActiveCalls(TENANT_A, campaign.id()))
        .as("oldest first, then in claim order")
        .containsExactlyElementsOf(calls(first));

    BatchClaimResult rest = batch(campaign, seconds(8), NO_LIMITS, 5);
    assertThat(leadIds(rest)).containsExactly(lead(campaign, 1).id(), lead(campaign, 3).id());
    assertThat(rest.claimed().get(1).call().from()).isEqualTo(caller(1));
    assertThat(rest.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
    BatchClaimResult none = batch(campaign, seconds(9), NO_LIMITS, 2);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
  }

  @Test
  default void theCountersAndSlotsMoveByExactlyTheBatch() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 10);
    Campaign other = runningWithLeads(TENANT_A, "c2", 0, 3);

    BatchClaimResult result = batch(campaign, seconds(1), NO_LIMITS, 4);

    assertThat(result.claimed()).hasSize(4);
    assertThat(counter(campaign, Counter.LEADS_TOTAL)).isEqualTo(10);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(6);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isEqualTo(4);
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(4);
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isZero();
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(4, 4, 4));
    assertThat(counter(other, Counter.LEADS_QUEUED)).isEqualTo(3);
    assertThat(counter(other, Counter.CALLS_PLACED)).isZero();
    assertThat(store().slotUsage(TENANT_A, other.id())).isEqualTo(new SlotUsage(4, 4, 0));
    assertThat(allLeads(campaign))
        .filteredOn(l -> l.state() == LeadState.IN_PROGRESS)
        .extracting(Lead::id)
        .containsExactlyElementsOf(leadIds(result));
  }

  @Test
  default void aBatchTakesOnlyDueLeadsOfTheAdmittedZones() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(
        campaign,
        List.of(
            lead(campaign, 1, 0, NEW_YORK),
            lead(campaign, 2, 9, KOLKATA),
            lead(campaign, 3, 0, LONDON),
            lead(campaign, 4, 5, NEW_YORK),
            lead(campaign, lead(campaign, 5).id(), StoreFixtures.phone(5), 9, seconds(600), LONDON),
            lead(campaign, 6, 1, LONDON)));
    Set<java.time.ZoneId> open = Set.of(NEW_YORK, LONDON);

    BatchClaimResult early =
        store()
            .claimBatch(
                BatchClaims.batchRequest(
                    campaign, OWNER, seconds(599), NO_LIMITS, open, AttemptCaps.NONE, 10));
    assertThat(leadIds(early))
        .containsExactly(
            lead(campaign, 4).id(),
            lead(campaign, 6).id(),
            lead(campaign, 1).id(),
            lead(campaign, 3).id());
    assertThat(early.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
    BatchClaimResult due =
        store()
            .claimBatch(
                BatchClaims.batchRequest(
                    campaign, OWNER, seconds(600), NO_LIMITS, open, AttemptCaps.NONE, 10));
    assertThat(leadIds(due)).containsExactly(lead(campaign, 5).id());
    BatchClaimResult noZone =
        store()
            .claimBatch(
                BatchClaims.batchRequest(
                    campaign, OWNER, seconds(600), NO_LIMITS, Set.of(), AttemptCaps.NONE, 10));
    assertThat(noZone.isEmpty()).isTrue();
    assertThat(noZone.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(store().findLead(TENANT_A, lead(campaign, 2).id()).orElseThrow().state())
        .isEqualTo(LeadState.QUEUED);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
  }

  @Test
  default void onlyTheLeaseHolderOfARunningCampaignClaimsABatchAndADeniedOneChangesNothing() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 3);
    Campaign draft = StoreFixtures.draft(TENANT_A, "c2");
    store().createCampaign(draft);
    insert(draft, StoreFixtures.leads(draft, 0, 2));
    assertThat(lease(draft.id(), OWNER, T0, LEASE_TTL)).isTrue();
    Campaign foreign = StoreFixtures.draft(TENANT_B, "c1").withStatus(CampaignStatus.RUNNING, T0);
    Instant expiry = T0.plus(LEASE_TTL);
    Call held = claimed(campaign, T0).call();
    Snapshot before = snapshot(campaign, held.id());

    assertThat(batch(draft, T0, NO_LIMITS, 2).stoppedBy()).isEqualTo(Reason.NOT_RUNNING);
    assertThat(batch(foreign, T0, NO_LIMITS, 2).stoppedBy()).isEqualTo(Reason.NOT_RUNNING);
    assertThat(batch(campaign, OTHER_OWNER, T0, NO_LIMITS, 2).stoppedBy())
        .isEqualTo(Reason.NOT_LEASE_OWNER);
    assertThat(batch(campaign, expiry, NO_LIMITS, 2).stoppedBy()).isEqualTo(Reason.NOT_LEASE_OWNER);
    assertThat(batch(campaign, expiry, NO_LIMITS, 2).isEmpty()).isTrue();
    assertThat(snapshot(campaign, held.id())).isEqualTo(before);
    assertThat(counter(draft, Counter.LEADS_QUEUED)).isEqualTo(2);

    assertThat(batch(campaign, expiry.minusMillis(1), NO_LIMITS, 2).claimed()).hasSize(2);
    move(campaign, CampaignStatus.RUNNING, CampaignStatus.PAUSED, expiry);
    assertThat(batch(campaign, expiry.minusMillis(1), NO_LIMITS, 2).stoppedBy())
        .isEqualTo(Reason.NOT_RUNNING);
  }

  @Test
  default void aCallIdIsNeverReusedAfterARefundedAttempt() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call first = claimed(campaign, seconds(1)).call();
    assertThat(
            store()
                .applyTransition(
                    StoreFixtures.end(
                        first,
                        dev.dialkit.campaign.CallStatus.CANCELED,
                        dev.dialkit.campaign.spi.LeadOutcome.putBack(seconds(2)),
                        null,
                        seconds(2)))
                .outcome())
        .isEqualTo(dev.dialkit.campaign.spi.TransitionResult.Outcome.APPLIED);

    BatchClaimResult again = batch(campaign, seconds(3), NO_LIMITS, 3);

    assertThat(again.claimed()).hasSize(1);
    ClaimResult.Claimed claimed = again.claimed().get(0);
    assertThat(claimed.lead().attempts()).as("the refunded attempt does not count").isEqualTo(1);
    assertThat(claimed.call().attempt()).isEqualTo(2);
    assertThat(claimed.call().id()).isEqualTo(CallId.forAttempt(first.leadId(), 2));
    assertThat(claimed.call().id()).isNotEqualTo(first.id());
    assertThat(store().findCall(TENANT_A, first.id())).isPresent();
  }
}
