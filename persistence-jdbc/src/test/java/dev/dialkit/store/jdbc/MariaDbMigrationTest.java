package dev.dialkit.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.mariadb.jdbc.MariaDbPoolDataSource;

class MariaDbMigrationTest extends MigrationTests {
  private MariaDbPoolDataSource pool;

  @Override
  DataSource dataSource() {
    pool = TestDatabases.mariaDb(4);
    return pool;
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
