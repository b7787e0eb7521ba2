package dev.dialkit.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/** Four dialers, four pools, one MariaDB database ({@value TestDatabases#MARIADB_ENV}). */
class MariaDbMultiInstanceTest extends MultiInstanceTest {
  private static final String PREFIX = "dkm_";
  private final List<MariaDbPoolDataSource> pools = new ArrayList<>();

  @Test
  @Timeout(600)
  void fourDialersShareOneDatabase() {
    MariaDbPoolDataSource setup = TestDatabases.mariaDb(2);
    pools.add(setup);
    TestDatabases.dropTables(setup, PREFIX);
    JdbcCampaignStore.builder(setup).tablePrefix(PREFIX).build().migrate();
    run(
        () -> {
          MariaDbPoolDataSource pool = TestDatabases.mariaDb(4);
          pools.add(pool);
          return pool;
        },
        PREFIX);
  }

  @AfterEach
  void close() {
    pools.forEach(MariaDbPoolDataSource::close);
  }
}
