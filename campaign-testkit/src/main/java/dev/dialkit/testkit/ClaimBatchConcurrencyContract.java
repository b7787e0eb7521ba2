package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Batched claims racing each other and single claims, on campaigns leased to two dialer instances
 * sharing the store, under global and tenant limits that bind: no limit is ever exceeded, no lead
 * is claimed twice, and every lead is claimed once in the end. The timeouts only guard against a
 * hang; nothing waits on time.
 */
interface ClaimBatchConcurrencyContract extends BatchClaims {
  /**
   * Global 4 and tenant 3 bind: tenant A's two campaigns could hold 4 (2 each), and A and B
   * together 5.
   */
  SlotLimits TIGHT = new SlotLimits(4, 3, 2);

  /** Three campaigns: a1 leased to {@code OWNER}, a2 and b1 to {@code OTHER_OWNER}. */
  private BatchRace threeCampaignsOfTwoInstances(int a1, int a2, int b1) {
    Campaign one = runningWithLeads(TENANT_A, "a1", 0, a1);
    Campaign two = runningWithLeads(TENANT_A, "a2", 0, a2);
    Campaign three = runningWithLeads(TENANT_B, "b1", 0, b1);
    for (Campaign moved : List.of(two, three)) {
      dropLease(moved.id(), OWNER, T0);
      assertThat(lease(moved.id(), OTHER_OWNER, T0, LEASE_TTL)).isTrue();
    }
    return new BatchRace(
        store(), List.of(one, two, three), List.of(OWNER, OTHER_OWNER, OTHER_OWNER), TIGHT);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  default void roundsOfBatchAndSingleClaimsNeverExceedALimitAndClaimEveryLeadOnce()
      throws Exception {
    BatchRace race = threeCampaignsOfTwoInstances(60, 40, 50);

    // threads 0-2 claim batches of 3, threads 3-5 single leads, one campaign each in turn
    List<List<LeadId>> claimed = race(6, race.rounds(6, 150));

    assertThat(race.violations()).isEmpty();
    assertThat(race.roundsRun()).isGreaterThanOrEqualTo(150 / TIGHT.global());
    assertEveryLeadClaimedOnce(race, claimed, 150);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  default void freeRunningBatchAndSingleClaimersNeverExceedALimit() throws Exception {
    BatchRace race = threeCampaignsOfTwoInstances(240, 160, 200);

    SlotSampler sampler = new SlotSampler(store(), race);
    List<List<LeadId>> claimed = sampler.during(() -> race(8, race::untilEmpty));

    assertThat(sampler.samples()).isPositive();
    assertThat(race.violations()).isEmpty();
    assertThat(race.held().maxGlobal()).isLessThanOrEqualTo(TIGHT.global());
    assertThat(race.held().maxTenant()).isLessThanOrEqualTo(TIGHT.tenant());
    assertThat(race.held().maxCampaign()).isLessThanOrEqualTo(TIGHT.campaign());
    assertEveryLeadClaimedOnce(race, claimed, 600);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void racingBatchesOnOneSmallQueueClaimEachLeadOnce() throws Exception {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 12);

    List<BatchClaimResult> results = race(8, i -> batch(campaign, T0, NO_LIMITS, 5));

    List<LeadId> all = results.stream().flatMap(r -> leadIds(r).stream()).toList();
    assertThat(all).hasSize(12).doesNotHaveDuplicates();
    assertThat(results)
        .allSatisfy(r -> assertThat(r.stoppedBy()).isIn(null, Reason.NO_DUE_LEAD))
        .allSatisfy(r -> assertThat(r.passedOver()).isEmpty());
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(12);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isEqualTo(12);
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(12, 12, 12));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void racingBatchesOnEightCampaignsSharingANumberNeverExceedItsCap() throws Exception {
    AttemptCaps caps = AttemptCaps.perRolling24Hours(2);
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Campaign campaign = running(TENANT_A, "race-" + i);
      insert(
          campaign,
          List.of(
              StoreFixtures.lead(campaign, LeadId.of("race-" + i + "-shared"), phone(7), 9, T0),
              StoreFixtures.lead(campaign, 100 + i)));
      campaigns.add(campaign);
    }

    List<BatchClaimResult> results =
        race(
            8,
            i ->
                store()
                    .claimBatch(
                        BatchClaims.batchRequest(
                            campaigns.get(i), OWNER, T0, NO_LIMITS, null, caps, 2)));

    List<Call> calls = results.stream().flatMap(r -> calls(r).stream()).toList();
    assertThat(calls).filteredOn(c -> c.to().equals(phone(7))).hasSize(2);
    assertThat(calls).filteredOn(c -> !c.to().equals(phone(7))).hasSize(8);
    assertThat(results.stream().mapToInt(r -> r.passedOver().size()).sum()).isEqualTo(6);
  }

  private void assertEveryLeadClaimedOnce(
      BatchRace race, List<List<LeadId>> claimed, int expected) {
    List<LeadId> all = claimed.stream().flatMap(List::stream).toList();
    assertThat(all).hasSize(expected).doesNotHaveDuplicates();
    Set<LeadId> stored = new HashSet<>();
    for (Campaign campaign : race.campaigns()) {
      allLeads(campaign).forEach(l -> stored.add(l.id()));
      long leads = counter(campaign, Counter.LEADS_TOTAL);
      assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(leads);
      assertThat(counter(campaign, Counter.LEADS_DONE)).isEqualTo(leads);
      assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
      assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isZero();
      assertThat(store().slotUsage(campaign.tenant(), campaign.id()))
          .isEqualTo(new SlotUsage(0, 0, 0));
    }
    assertThat(new HashSet<>(all)).isEqualTo(stored);
  }
}
