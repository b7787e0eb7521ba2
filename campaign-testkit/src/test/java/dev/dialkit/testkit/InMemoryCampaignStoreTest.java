package dev.dialkit.testkit;

import dev.dialkit.campaign.spi.CampaignStore;

/** The in-memory store against the whole store contract. */
class InMemoryCampaignStoreTest extends CampaignStoreContract {
  @Override
  protected CampaignStore createStore() {
    return CampaignStore.inMemory();
  }
}
