package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.util.Set;

/**
 * A campaign created, started and leased by {@link StoreFixtures#OWNER} at {@link
 * StoreFixtures#T0}: how every store measurement begins before it claims.
 *
 * @param campaign the running campaign
 * @param epoch the lease's epoch, for dial permits
 */
record LeasedCampaign(Campaign campaign, long epoch) {
  static LeasedCampaign create(CampaignStore store, TenantId tenant, String id) {
    Campaign draft = StoreFixtures.draft(tenant, id);
    store.createCampaign(draft);
    Campaign running =
        store
            .transitionCampaign(
                tenant,
                draft.id(),
                Set.of(CampaignStatus.DRAFT),
                CampaignStatus.RUNNING,
                StoreFixtures.T0)
            .orElseThrow();
    long epoch =
        store
            .tryLease(
                running.id(), StoreFixtures.OWNER, 0, StoreFixtures.T0, StoreFixtures.LEASE_TTL)
            .orElseThrow()
            .epoch();
    return new LeasedCampaign(running, epoch);
  }
}
