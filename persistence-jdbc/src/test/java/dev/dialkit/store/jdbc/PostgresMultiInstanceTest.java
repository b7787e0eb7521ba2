package dev.dialkit.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Four dialers, four pools, one PostgreSQL database ({@value TestDatabases#POSTGRES_ENV}). */
class PostgresMultiInstanceTest extends MultiInstanceTest {
  private static final String PREFIX = "dkm_";
  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  @Test
  @Timeout(600)
  void fourDialersShareOneDatabase() {
    JdbcConnectionPool setup = TestDatabases.postgres(2);
    pools.add(setup);
    TestDatabases.dropTables(setup, PREFIX);
    JdbcCampaignStore.builder(setup).tablePrefix(PREFIX).build().migrate();
    run(
        () -> {
          JdbcConnectionPool pool = TestDatabases.postgres(4);
          pools.add(pool);
          return pool;
        },
        PREFIX);
  }

  @AfterEach
  void close() {
    pools.forEach(JdbcConnectionPool::dispose);
  }
}
