package dev.dialkit.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.mariadb.jdbc.MariaDbPoolDataSource;

class MariaDbRoundTripTest extends RoundTripTests {
  private MariaDbPoolDataSource pool;

  @Override
  DataSource dataSource() {
    pool = TestDatabases.mariaDb(2);
    return pool;
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
