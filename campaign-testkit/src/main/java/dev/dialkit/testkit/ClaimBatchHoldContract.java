package dev.dialkit.testkit;

import static dev.dialkit.testkit.BatchClaims.caller;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.lead;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batched claims and the leads they pass over: suppressed numbers skipped for good, capped numbers
 * deferred, each listed once in the batch's {@code passedOver}; a batch denied at its first claim
 * passes nothing over; a batch stopped by the pass-over bound is resumed by asking again.
 */
interface ClaimBatchHoldContract extends BatchClaims {

  private void suppress(TenantId tenant, int... numbers) {
    List<Suppression> entries = new ArrayList<>();
    for (int n : numbers) {
      entries.add(
          new Suppression(tenant, phone(n), SuppressionSource.OPT_OUT, "r", null, seconds(1)));
    }
    store().addSuppressions(entries);
  }

  @Test
  default void aBatchSkipsSuppressedLeadsListsThemOnceAndGivesTheNextCallerIdToTheNextClaim() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 6);
    suppress(TENANT_A, 1, 3);
    suppress(TENANT_B, 2);

    BatchClaimResult result = batch(campaign, seconds(2), NO_LIMITS, 3);

    assertThat(leadIds(result))
        .as("B's list does not apply")
        .containsExactly(lead(campaign, 0).id(), lead(campaign, 2).id(), lead(campaign, 4).id());
    assertThat(result.stoppedBy()).isNull();
    assertThat(calls(result))
        .extracting(Call::from)
        .containsExactly(caller(0), caller(1), caller(2));
    assertThat(result.claimed()).allSatisfy(c -> assertThat(c.lead().hold()).isNull());
    assertThat(ids(result.passedOver()))
        .containsExactly(lead(campaign, 1).id(), lead(campaign, 3).id());
    for (Lead skipped : result.passedOver()) {
      assertThat(skipped.state()).isEqualTo(LeadState.SKIPPED);
      assertThat(skipped.hold()).isEqualTo(LeadHold.SUPPRESSED);
      assertThat(reloadLead(skipped)).isEqualTo(skipped);
    }
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(2);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isEqualTo(3);
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(3);
  }

  @Test
  default void whenTheRestIsSuppressedTheBatchSaysNoDueLeadWithThem() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 3);
    suppress(TENANT_A, 1, 2);

    BatchClaimResult result = batch(campaign, seconds(2), NO_LIMITS, 5);

    assertThat(leadIds(result)).containsExactly(lead(campaign, 0).id());
    assertThat(result.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(ids(result.passedOver()))
        .containsExactly(lead(campaign, 1).id(), lead(campaign, 2).id());
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(2);
  }

  @Test
  default void aBatchDeniedAtItsFirstClaimPassesNothingOverAndChangesNothing() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, List.of(lead(campaign, 9, 5), lead(campaign, 0, 0), lead(campaign, 1, 0)));
    suppress(TENANT_A, 0);
    Call held = claimed(claim(campaign, seconds(2), NO_LIMITS)).call();
    Snapshot before = snapshot(campaign, held.id());

    List<SlotLimits> limits =
        List.of(new SlotLimits(1, 9, 9), new SlotLimits(9, 1, 9), new SlotLimits(9, 9, 1));
    List<Reason> reasons = List.of(Reason.GLOBAL_LIMIT, Reason.TENANT_LIMIT, Reason.CAMPAIGN_LIMIT);
    for (int i = 0; i < limits.size(); i++) {
      BatchClaimResult denied = batch(campaign, seconds(3), limits.get(i), 3);
      assertThat(denied.isEmpty()).isTrue();
      assertThat(denied.stoppedBy()).isEqualTo(reasons.get(i));
      assertThat(denied.passedOver()).isEmpty();
    }
    move(campaign, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(4));
    BatchClaimResult paused = batch(campaign, seconds(5), NO_LIMITS, 3);
    assertThat(paused.stoppedBy()).isEqualTo(Reason.NOT_RUNNING);
    assertThat(paused.passedOver()).isEmpty();
    move(campaign, CampaignStatus.PAUSED, CampaignStatus.RUNNING, seconds(6));

    Snapshot after = snapshot(campaign, held.id());
    assertThat(after.leads()).isEqualTo(before.leads());
    assertThat(after.slots()).isEqualTo(before.slots());
    assertThat(after.active()).isEqualTo(before.active());
    assertThat(after.campaign().counters()).isEqualTo(before.campaign().counters());
    assertThat(reloadLead(lead(campaign, 0)).state()).isEqualTo(LeadState.QUEUED);
  }

  @Test
  default void aBatchDefersANumberAtItsCapAndTheCapCountsEarlierBatchesCalls() {
    AttemptCaps caps = AttemptCaps.perRolling24Hours(1);
    int shared = 7;
    Campaign a = running(TENANT_A, "a");
    Campaign b = running(TENANT_A, "b");
    insert(a, List.of(sharedLead(a, shared), lead(a, 1)));
    insert(b, List.of(sharedLead(b, shared), lead(b, 2)));

    BatchClaimResult first = capped(a, T0, caps, 5);
    assertThat(first.claimed()).hasSize(2);
    assertThat(first.passedOver()).isEmpty();

    Instant later = seconds(60);
    BatchClaimResult second = capped(b, later, caps, 5);
    assertThat(leadIds(second)).containsExactly(lead(b, 2).id());
    assertThat(second.claimed().get(0).call().from()).isEqualTo(caller(0));
    assertThat(second.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(second.passedOver()).hasSize(1);
    Lead deferred = second.passedOver().get(0);
    assertThat(deferred.id()).isEqualTo(sharedLead(b, shared).id());
    assertThat(deferred.state()).isEqualTo(LeadState.QUEUED);
    assertThat(deferred.hold()).isEqualTo(LeadHold.ROLLING_24_HOUR_CAP);
    assertThat(deferred.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(reloadLead(deferred)).isEqualTo(deferred);
    assertThat(counter(b, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(b, Counter.CALLS_PLACED)).isEqualTo(1);
  }

  @Test
  default void aBatchStoppedByThePassOverBoundIsResumedByAskingAgain() {
    int listed = CampaignStore.MAX_PASSED_OVER + 20;
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, listed + 2);
    int[] numbers = new int[listed];
    for (int n = 0; n < listed; n++) {
      numbers[n] = n;
    }
    suppress(TENANT_A, numbers);

    List<LeadId> passed = new ArrayList<>();
    List<LeadId> claimed = new ArrayList<>();
    for (int round = 0; round < 4 && claimed.size() < 2; round++) {
      BatchClaimResult result = batch(campaign, seconds(2 + round), NO_LIMITS, 2 - claimed.size());
      claimed.addAll(leadIds(result));
      passed.addAll(ids(result.passedOver()));
      if (claimed.size() < 2) {
        assertThat(result.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
        assertThat(result.passedOver())
            .as("a stop short of the leads passed some over")
            .isNotEmpty();
      }
    }
    assertThat(claimed)
        .containsExactly(lead(campaign, listed).id(), lead(campaign, listed + 1).id());
    assertThat(passed).hasSize(listed).doesNotHaveDuplicates();
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(listed);
  }

  private BatchClaimResult capped(Campaign campaign, Instant now, AttemptCaps caps, int size) {
    assertThat(lease(campaign.id(), OWNER, now, StoreFixtures.LEASE_TTL)).isTrue();
    return store()
        .claimBatch(BatchClaims.batchRequest(campaign, OWNER, now, NO_LIMITS, null, caps, size));
  }

  private static Lead sharedLead(Campaign campaign, int number) {
    return StoreFixtures.lead(campaign, LeadId.of(campaign.id() + "-shared"), phone(number), 9, T0);
  }
}
