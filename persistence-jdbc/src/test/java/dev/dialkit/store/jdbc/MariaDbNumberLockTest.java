package dev.dialkit.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/** {@value TestDatabases#MARIADB_ENV}; skipped when unset. */
class MariaDbNumberLockTest extends NumberLockTests {
  private static MariaDbPoolDataSource pool;
  private static MariaDbPoolDataSource impatient;

  @BeforeAll
  static void open() {
    pool = TestDatabases.mariaDb(4);
    // not 0: MariaDB fails the commit of a transaction that used SKIP LOCKED with a timeout of 0
    impatient = TestDatabases.mariaDbImpatientOneSecond(4);
  }

  @AfterAll
  static void close() {
    if (pool != null) {
      pool.close();
      impatient.close();
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
