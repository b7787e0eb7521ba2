package dev.dialkit.store.jdbc;

import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.CampaignStoreContract;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL ({@value TestDatabases#POSTGRES_ENV}; skipped when unset). The
 * schema is made once per class under its own table prefix and emptied before each test.
 */
class PostgresCampaignStoreTest extends CampaignStoreContract {
  private static final String PREFIX = "dkc_";
  private static JdbcConnectionPool pool;

  @BeforeAll
  static void migrate() {
    pool = TestDatabases.postgres(20);
    TestDatabases.dropTables(pool, PREFIX);
    JdbcCampaignStore.builder(pool).tablePrefix(PREFIX).build().migrate();
  }

  @AfterAll
  static void close() {
    if (pool != null) {
      pool.dispose();
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
