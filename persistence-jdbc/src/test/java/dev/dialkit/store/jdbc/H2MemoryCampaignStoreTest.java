package dev.dialkit.store.jdbc;

import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.CampaignStoreContract;
import org.h2.jdbcx.JdbcConnectionPool;

/** The store contract on a private in-memory H2 database per test. */
class H2MemoryCampaignStoreTest extends CampaignStoreContract {
  private JdbcConnectionPool pool;

  @Override
  protected CampaignStore createStore() {
    pool = TestDatabases.h2Memory();
    JdbcCampaignStore store = JdbcCampaignStore.create(pool);
    store.migrate();
    return store;
  }

  @Override
  protected void closeStore(CampaignStore store) {
    TestDatabases.shutdownH2(pool);
  }
}
