package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import org.junit.jupiter.api.Test;

/**
 * Batched claims under the three limits: each counts the slots the batch itself takes (a batch of
 * 10 under a campaign limit of 3 claims 3 and says {@code CAMPAIGN_LIMIT}), the tenant's and the
 * store's count other campaigns' slots, limits reached together are reported in the order global,
 * tenant, campaign, and a limit the next claim would meet comes before the empty queue.
 */
interface ClaimBatchLimitContract extends BatchClaims {

  @Test
  default void aBatchUnderACampaignLimitClaimsUpToItAndSaysCampaignLimit() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 10);
    SlotLimits limits = new SlotLimits(100, 100, 3);

    BatchClaimResult result = batch(campaign, T0, limits, 10);
    assertThat(result.claimed()).hasSize(3);
    assertThat(result.stoppedBy()).isEqualTo(Reason.CAMPAIGN_LIMIT);
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(3, 3, 3));

    BatchClaimResult again = batch(campaign, T0, limits, 10);
    assertThat(again.isEmpty()).isTrue();
    assertThat(again.stoppedBy()).isEqualTo(Reason.CAMPAIGN_LIMIT);
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(3);

    endDone(result.claimed().get(0).call(), seconds(1));
    BatchClaimResult freed = batch(campaign, seconds(2), limits, 10);
    assertThat(freed.claimed()).hasSize(1);
    assertThat(freed.stoppedBy()).isEqualTo(Reason.CAMPAIGN_LIMIT);
  }

  @Test
  default void theTenantLimitCountsTheTenantsOtherCampaignsAndTheBatchsOwnSlots() {
    Campaign one = runningWithLeads(TENANT_A, "a1", 0, 10);
    Campaign two = runningWithLeads(TENANT_A, "a2", 0, 10);
    Campaign foreign = runningWithLeads(TENANT_B, "b1", 0, 10);
    claimed(claim(one, T0, NO_LIMITS));
    claimed(claim(one, T0, NO_LIMITS));
    claimed(claim(foreign, T0, NO_LIMITS));

    BatchClaimResult result = batch(two, T0, new SlotLimits(100, 5, 100), 10);
    assertThat(result.claimed()).as("5 minus the 2 of a1; b1's does not count").hasSize(3);
    assertThat(result.stoppedBy()).isEqualTo(Reason.TENANT_LIMIT);
    assertThat(store().slotUsage(TENANT_A, two.id())).isEqualTo(new SlotUsage(6, 5, 3));
  }

  @Test
  default void theGlobalLimitCountsEveryTenantAndTheBatchsOwnSlots() {
    Campaign a = runningWithLeads(TENANT_A, "a1", 0, 10);
    Campaign b = runningWithLeads(TENANT_B, "b1", 0, 10);
    claimed(claim(b, T0, NO_LIMITS));
    claimed(claim(b, T0, NO_LIMITS));

    BatchClaimResult result = batch(a, T0, new SlotLimits(6, 100, 100), 10);
    assertThat(result.claimed()).hasSize(4);
    assertThat(result.stoppedBy()).isEqualTo(Reason.GLOBAL_LIMIT);
    assertThat(store().slotUsage(TENANT_A, a.id())).isEqualTo(new SlotUsage(6, 4, 4));
  }

  @Test
  default void limitsReachedTogetherAreReportedGlobalThenTenantThenCampaign() {
    Campaign a = runningWithLeads(TENANT_A, "a1", 0, 10);
    Campaign b = runningWithLeads(TENANT_A, "a2", 0, 10);
    Campaign c = runningWithLeads(TENANT_A, "a3", 0, 10);

    assertThat(batch(a, T0, new SlotLimits(2, 100, 2), 5).stoppedBy())
        .isEqualTo(Reason.GLOBAL_LIMIT);
    assertThat(batch(b, T0, new SlotLimits(100, 4, 2), 5).stoppedBy())
        .isEqualTo(Reason.TENANT_LIMIT);
    assertThat(batch(c, T0, new SlotLimits(100, 100, 2), 5).stoppedBy())
        .isEqualTo(Reason.CAMPAIGN_LIMIT);
    assertThat(store().slotUsage(TENANT_A, c.id())).isEqualTo(new SlotUsage(6, 6, 2));
  }

  @Test
  default void theNextClaimsLimitComesBeforeTheEmptyQueueAndAFullBatchStopsByNothing() {
    Campaign exact = runningWithLeads(TENANT_A, "c1", 0, 2);
    Campaign roomy = runningWithLeads(TENANT_A, "c2", 0, 2);
    Campaign full = runningWithLeads(TENANT_A, "c3", 0, 2);

    // after two claims the next single claim would meet the campaign limit before the queue
    BatchClaimResult atLimit = batch(exact, T0, new SlotLimits(100, 100, 2), 5);
    assertThat(atLimit.claimed()).hasSize(2);
    assertThat(atLimit.stoppedBy()).isEqualTo(Reason.CAMPAIGN_LIMIT);
    BatchClaimResult belowLimit = batch(roomy, T0, new SlotLimits(100, 100, 3), 5);
    assertThat(belowLimit.claimed()).hasSize(2);
    assertThat(belowLimit.stoppedBy()).isEqualTo(Reason.NO_DUE_LEAD);
    BatchClaimResult whole = batch(full, T0, new SlotLimits(100, 100, 2), 2);
    assertThat(whole.claimed()).hasSize(2);
    assertThat(whole.stoppedBy()).as("null exactly when it claimed all it asked for").isNull();
  }
}
