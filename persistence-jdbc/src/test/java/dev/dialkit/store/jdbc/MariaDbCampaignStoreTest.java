package dev.dialkit.store.jdbc;

import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.CampaignStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * The store contract on MariaDB ({@value TestDatabases#MARIADB_ENV}; skipped when unset). The
 * schema is made once per class under its own table prefix and emptied before each test.
 */
class MariaDbCampaignStoreTest extends CampaignStoreContract {
  private static final String PREFIX = "dkc_";
  private static MariaDbPoolDataSource pool;

  @BeforeAll
  static void migrate() {
    pool = TestDatabases.mariaDb(20);
    TestDatabases.dropTables(pool, PREFIX);
    JdbcCampaignStore.builder(pool).tablePrefix(PREFIX).build().migrate();
  }

  @AfterAll
  static void close() {
    if (pool != null) {
      pool.close();
    }
  }

  @Override
  protected CampaignStore createStore() {
    TestDatabases.emptyTables(pool, PREFIX);
    return JdbcCampaignStore.builder(pool).tablePrefix(PREFIX).build();
  }

  /** Every operation is a round trip to the server: the two dialers share 1,000 leads here. */
  @Override
  public int twoDialersLeads() {
    return 1000;
  }
}
