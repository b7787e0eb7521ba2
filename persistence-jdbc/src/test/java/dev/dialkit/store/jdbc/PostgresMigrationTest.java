package dev.dialkit.store.jdbc;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

class PostgresMigrationTest extends MigrationTests {
  private JdbcConnectionPool pool;

  @Override
  DataSource dataSource() {
    pool = TestDatabases.postgres(4);
    return pool;
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.dispose();
    }
  }
}
