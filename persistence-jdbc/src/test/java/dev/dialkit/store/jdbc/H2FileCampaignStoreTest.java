package dev.dialkit.store.jdbc;

import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.CampaignStoreContract;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 file database, a new file per test. */
class H2FileCampaignStoreTest extends CampaignStoreContract {
  @TempDir static Path dir;
  private static int files;
  private JdbcConnectionPool pool;

  @Override
  protected CampaignStore createStore() {
    pool = TestDatabases.h2("jdbc:h2:file:" + dir.resolve("dialkit-" + ++files).toAbsolutePath());
    JdbcCampaignStore store = JdbcCampaignStore.create(pool);
    store.migrate();
    return store;
  }

  @Override
  protected void closeStore(CampaignStore store) {
    TestDatabases.shutdownH2(pool);
  }
}
