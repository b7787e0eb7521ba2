package dev.dialkit.store.jdbc;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

class H2NumberLockTest extends NumberLockTests {
  private final String url = TestDatabases.h2MemoryUrl();
  private final JdbcConnectionPool pool = TestDatabases.h2(url);
  private final JdbcConnectionPool impatient = TestDatabases.h2Impatient(url);

  @Override
  DataSource dataSource() {
    return pool;
  }

  @Override
  DataSource impatient() {
    return impatient;
  }

  @AfterEach
  void close() {
    impatient.dispose();
    TestDatabases.shutdownH2(pool);
  }
}
