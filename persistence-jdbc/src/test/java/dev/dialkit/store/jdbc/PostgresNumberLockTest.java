package dev.dialkit.store.jdbc;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@value TestDatabases#POSTGRES_ENV}; skipped when unset. */
class PostgresNumberLockTest extends NumberLockTests {
  private static JdbcConnectionPool pool;
  private static JdbcConnectionPool impatient;

  @BeforeAll
  static void open() {
    pool = TestDatabases.postgres(4);
    impatient = TestDatabases.postgresImpatient(4);
  }

  @AfterAll
  static void close() {
    if (pool != null) {
      pool.dispose();
      impatient.dispose();
    }
  }

  @Override
  DataSource dataSource() {
    return pool;
  }

  @Override
  DataSource impatient() {
    return impatient;
  }
}
