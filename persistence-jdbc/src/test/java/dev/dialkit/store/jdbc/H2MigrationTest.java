package dev.dialkit.store.jdbc;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

class H2MigrationTest extends MigrationTests {
  private JdbcConnectionPool pool;

  @Override
  DataSource dataSource() {
    pool = TestDatabases.h2Memory();
    return pool;
  }

  @AfterEach
  void close() {
    TestDatabases.shutdownH2(pool);
  }
}
