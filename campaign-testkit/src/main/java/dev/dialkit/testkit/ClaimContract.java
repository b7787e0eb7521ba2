package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.FROM;
import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.PROVIDER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.claimRequest;
import static dev.dialkit.testkit.StoreFixtures.lead;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Claims: order, due time, every denial reason in its order, and what a claim writes. */
interface ClaimContract extends StoreContractSupport {

  @Test
  default void claimsTakeTheHighestPriorityFirstThenFirstIn() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(
        campaign,
        List.of(
            lead(campaign, 1, 0),
            lead(campaign, 2, 5),
            lead(campaign, 3, 0),
            lead(campaign, 4, 5),
            lead(campaign, 5, 1)));

    for (int expected : new int[] {2, 4, 5, 1, 3}) {
      assertThat(claimed(campaign, T0).lead().id()).isEqualTo(lead(campaign, expected).id());
    }
    assertThat(denial(claim(campaign, T0, NO_LIMITS))).isEqualTo(Reason.NO_DUE_LEAD);
  }

  @Test
  default void aClaimStoresTheLeadInProgressAndAnInitiatedCall() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, StoreFixtures.leads(campaign, 0, 3));

    ClaimResult.Claimed claimed = claimed(campaign, seconds(7));

    Lead lead = claimed.lead();
    assertThat(lead.id()).isEqualTo(lead(campaign, 0).id());
    assertThat(lead.state()).isEqualTo(LeadState.IN_PROGRESS);
    assertThat(lead.attempts()).isEqualTo(1);
    Call call = claimed.call();
    assertThat(call).isEqualTo(Call.initiated(lead, 1, PROVIDER, FROM, seconds(7)));
    assertThat(call.id()).isEqualTo(CallId.forAttempt(lead.id(), 1));
    assertThat(call.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(call.version()).isEqualTo(1);
    assertThat(store().findCall(TENANT_A, call.id())).contains(call);
    assertThat(reloadLead(lead)).isEqualTo(lead);
    assertThat(store().findActiveCalls(TENANT_A, campaign.id())).containsExactly(call);
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(1, 1, 1));
    Campaign reloaded = reload(campaign);
    assertThat(reloaded.counters().get(Counter.LEADS_TOTAL)).isEqualTo(3);
    assertThat(reloaded.counters().get(Counter.LEADS_QUEUED)).isEqualTo(2);
    assertThat(reloaded.counters().get(Counter.LEADS_IN_PROGRESS)).isEqualTo(1);
    assertThat(reloaded.counters().get(Counter.CALLS_PLACED)).isEqualTo(1);
  }

  @Test
  default void aLeadDueLaterIsClaimedOnlyOnceDue() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, List.of(lead(campaign, 1, 9, seconds(600)), lead(campaign, 2, 0, T0)));

    assertThat(claimed(campaign, T0).lead().id()).isEqualTo(lead(campaign, 2).id());
    assertThat(denial(claim(campaign, seconds(599), NO_LIMITS))).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(claimed(campaign, seconds(600)).lead().id()).isEqualTo(lead(campaign, 1).id());
  }

  @Test
  default void aClaimerWhoseClockIsBehindGetsOnlyLeadsDueAtItsTime() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(
        campaign, List.of(lead(campaign, 1, 0, seconds(600)), lead(campaign, 2, 0, seconds(600))));

    assertThat(claimed(campaign, seconds(600)).lead().id()).isEqualTo(lead(campaign, 1).id());
    assertThat(denial(claim(campaign, seconds(300), NO_LIMITS))).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(claimed(campaign, seconds(600)).lead().id()).isEqualTo(lead(campaign, 2).id());
  }

  @Test
  default void onlyARunningCampaignIsClaimedFrom() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, StoreFixtures.leads(campaign, 0, 2));
    Campaign draft = StoreFixtures.draft(TENANT_A, "c2");
    store().createCampaign(draft);
    insert(draft, StoreFixtures.leads(draft, 0, 2));
    assertThat(lease(draft.id(), OWNER, T0, LEASE_TTL)).isTrue();

    assertThat(denial(claim(draft, T0, NO_LIMITS))).isEqualTo(Reason.NOT_RUNNING);
    Campaign unknown = StoreFixtures.draft(TENANT_A, "nope");
    assertThat(denial(claim(unknown, T0, NO_LIMITS))).isEqualTo(Reason.NOT_RUNNING);
    Campaign foreign = StoreFixtures.draft(TENANT_B, "c1").withStatus(CampaignStatus.RUNNING, T0);
    assertThat(denial(claim(foreign, T0, NO_LIMITS))).isEqualTo(Reason.NOT_RUNNING);

    pause(campaign);
    dropLease(campaign.id(), OWNER, T0);
    // not running comes before not holding the lease
    assertThat(denial(claim(campaign, T0, NO_LIMITS))).isEqualTo(Reason.NOT_RUNNING);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(2);
    assertThat(counter(draft, Counter.LEADS_QUEUED)).isEqualTo(2);
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(0, 0, 0));
  }

  @Test
  default void onlyTheLeaseHolderClaimsAndOnlyBeforeExpiry() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, StoreFixtures.leads(campaign, 0, 3));
    Instant expiry = T0.plus(LEASE_TTL);

    assertThat(denial(store().claimNext(claimRequest(campaign, OTHER_OWNER, T0, NO_LIMITS))))
        .isEqualTo(Reason.NOT_LEASE_OWNER);
    assertThat(claimed(campaign, expiry.minusMillis(1)).lead().id())
        .isEqualTo(lead(campaign, 0).id());
    assertThat(denial(claim(campaign, expiry, NO_LIMITS))).isEqualTo(Reason.NOT_LEASE_OWNER);

    dropLease(campaign.id(), OWNER, T0);
    assertThat(denial(claim(campaign, T0, NO_LIMITS))).isEqualTo(Reason.NOT_LEASE_OWNER);
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(1);
  }

  @Test
  default void theCampaignLimitComesBeforeTheDueLead() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, StoreFixtures.leads(campaign, 0, 2));
    SlotLimits limits = new SlotLimits(10, 10, 2);

    claimed(claim(campaign, T0, limits));
    claimed(claim(campaign, T0, limits));

    assertThat(denial(claim(campaign, T0, limits))).isEqualTo(Reason.CAMPAIGN_LIMIT);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isEqualTo(2);
    assertThat(denial(claim(campaign, T0, new SlotLimits(10, 10, 3))))
        .isEqualTo(Reason.NO_DUE_LEAD);
  }

  @Test
  default void theTenantLimitCountsEveryCampaignOfTheTenant() {
    Campaign one = runningWithLeads(TENANT_A, "a1", 0, 5);
    Campaign two = runningWithLeads(TENANT_A, "a2", 0, 5);
    Campaign other = runningWithLeads(TENANT_B, "b1", 0, 5);
    SlotLimits limits = new SlotLimits(10, 3, 10);

    claimed(claim(one, T0, limits));
    claimed(claim(one, T0, limits));
    claimed(claim(two, T0, limits));

    assertThat(denial(claim(two, T0, limits))).isEqualTo(Reason.TENANT_LIMIT);
    assertThat(denial(claim(one, T0, limits))).isEqualTo(Reason.TENANT_LIMIT);
    claimed(claim(other, T0, limits));
    assertThat(counter(two, Counter.CALLS_PLACED)).isEqualTo(1);
  }

  @Test
  default void theGlobalLimitCountsEveryTenantAndComesFirst() {
    Campaign a = runningWithLeads(TENANT_A, "a1", 0, 5);
    Campaign b = runningWithLeads(TENANT_B, "b1", 0, 5);
    SlotLimits limits = new SlotLimits(3, 2, 2);

    claimed(claim(a, T0, limits));
    claimed(claim(a, T0, limits));
    claimed(claim(b, T0, limits));

    // a's tenant and campaign limits are reached too, but the global one is checked first
    assertThat(denial(claim(a, T0, limits))).isEqualTo(Reason.GLOBAL_LIMIT);
    assertThat(denial(claim(b, T0, limits))).isEqualTo(Reason.GLOBAL_LIMIT);
    assertThat(denial(claim(a, T0, new SlotLimits(4, 2, 2)))).isEqualTo(Reason.TENANT_LIMIT);
    assertThat(store().slotUsage(TENANT_B, b.id())).isEqualTo(new SlotUsage(3, 1, 1));
  }

  @Test
  default void anEmptyOrExhaustedQueueHasNoDueLead() {
    Campaign empty = running(TENANT_A, "c1");
    Campaign small = runningWithLeads(TENANT_A, "c2", 0, 1);

    assertThat(denial(claim(empty, T0, NO_LIMITS))).isEqualTo(Reason.NO_DUE_LEAD);
    claimed(small, T0);
    assertThat(denial(claim(small, T0, NO_LIMITS))).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(store().slotUsage(TENANT_A, small.id())).isEqualTo(new SlotUsage(1, 1, 1));
  }

  @Test
  default void slotUsageCountsTheStoreTheTenantAndTheCampaign() {
    Campaign a1 = runningWithLeads(TENANT_A, "a1", 0, 5);
    Campaign a2 = runningWithLeads(TENANT_A, "a2", 0, 5);
    Campaign b1 = runningWithLeads(TENANT_B, "b1", 0, 5);
    claimed(a1, T0);
    claimed(a1, T0);
    claimed(a2, T0);
    claimed(b1, T0);

    assertThat(store().slotUsage(TENANT_A, a1.id())).isEqualTo(new SlotUsage(4, 3, 2));
    assertThat(store().slotUsage(TENANT_A, a2.id())).isEqualTo(new SlotUsage(4, 3, 1));
    assertThat(store().slotUsage(TENANT_B, b1.id())).isEqualTo(new SlotUsage(4, 1, 1));
    assertThat(store().slotUsage(TENANT_B, a1.id())).isEqualTo(new SlotUsage(4, 1, 0));
    assertThat(store().slotUsage(TENANT_A, CampaignId.of("nope")))
        .isEqualTo(new SlotUsage(4, 3, 0));
  }

  private void pause(Campaign campaign) {
    assertThat(
            store()
                .transitionCampaign(
                    campaign.tenant(),
                    campaign.id(),
                    Set.of(CampaignStatus.RUNNING),
                    CampaignStatus.PAUSED,
                    seconds(1)))
        .isPresent();
  }
}
