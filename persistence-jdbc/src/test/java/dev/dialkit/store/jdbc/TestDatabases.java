package dev.dialkit.store.jdbc;

import dev.dialkit.store.jdbc.internal.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases the tests run on. PostgreSQL and MariaDB come from {@value #POSTGRES_ENV} and
 * {@value #MARIADB_ENV}: unset, their tests are skipped with a message saying how to enable them;
 * set, they must be reachable or the tests fail. Each pool is small and the drivers' own (H2's
 * {@link JdbcConnectionPool} over PostgreSQL's {@link PGConnectionPoolDataSource}, since pgJDBC has
 * no pool of its own; {@link MariaDbPoolDataSource}), so no pool library is needed.
 */
final class TestDatabases {
  static final String POSTGRES_ENV = "DIALKIT_TEST_POSTGRES_URL";
  static final String MARIADB_ENV = "DIALKIT_TEST_MARIADB_URL";
  private static final AtomicInteger H2_COUNTER = new AtomicInteger();

  private TestDatabases() {}

  static String url(String env, String example) {
    String url = System.getenv(env);
    Assumptions.assumeTrue(
        url != null && !url.isBlank(),
        () ->
            env
                + " is not set: skipping. To run these tests, start the database and set e.g. "
                + env
                + "="
                + example
                + " (.ci/run does this)");
    return url;
  }

  static String postgresUrl() {
    return url(POSTGRES_ENV, "jdbc:postgresql://127.0.0.1:5432/dialkit_test?user=postgres");
  }

  static String mariaDbUrl() {
    return url(MARIADB_ENV, "'jdbc:mariadb://127.0.0.1:3306/dialkit_test?user=root&password='");
  }

  /** A pool of at most {@code max} connections to PostgreSQL. */
  static JdbcConnectionPool postgres(int max) {
    PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
    ds.setURL(postgresUrl());
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(max);
    pool.setLoginTimeout(30);
    return pool;
  }

  /**
   * A pool of at most {@code max} connections to PostgreSQL that give up waiting for a row lock
   * after 100 ms: shows that an operation waits for a lock, without a sleep.
   */
  static JdbcConnectionPool postgresImpatient(int max) {
    PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
    ds.setURL(postgresUrl());
    ds.setOptions("-c lock_timeout=100");
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(max);
    pool.setLoginTimeout(30);
    return pool;
  }

  /** A pool of at most {@code max} connections to MariaDB. */
  static MariaDbPoolDataSource mariaDb(int max) {
    return mariaDb(max, "");
  }

  /**
   * A pool of at most {@code max} connections to MariaDB that give up waiting for a row lock at
   * once (InnoDB's lock wait timeout is in whole seconds; 0 fails without waiting).
   */
  static MariaDbPoolDataSource mariaDbImpatient(int max) {
    return mariaDb(max, "&sessionVariables=innodb_lock_wait_timeout=0");
  }

  /**
   * A pool of at most {@code max} connections to MariaDB that give up waiting for a row lock after
   * one second: for tests that also use {@code SKIP LOCKED}, which with a timeout of 0 makes
   * MariaDB 10.11 fail the transaction's commit ("Got error 1 during COMMIT", 1180).
   */
  static MariaDbPoolDataSource mariaDbImpatientOneSecond(int max) {
    return mariaDb(max, "&sessionVariables=innodb_lock_wait_timeout=1");
  }

  private static MariaDbPoolDataSource mariaDb(int max, String options) {
    String url = mariaDbUrl();
    try {
      return new MariaDbPoolDataSource(
          url
              + (url.contains("?") ? "&" : "?")
              + "maxPoolSize="
              + max
              + "&minPoolSize=1"
              + options);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot make a MariaDB pool for " + url, e);
    }
  }

  /** A fresh private in-memory H2 database, alive until its pool is disposed. */
  static JdbcConnectionPool h2Memory() {
    return h2(h2MemoryUrl());
  }

  /**
   * The URL of a fresh private in-memory H2 database (for {@link #h2} and {@link #h2Impatient}).
   */
  static String h2MemoryUrl() {
    return "jdbc:h2:mem:dialkit-" + H2_COUNTER.incrementAndGet();
  }

  /**
   * A pool on the H2 database {@code url} whose sessions give up waiting for a lock after 100 ms.
   */
  static JdbcConnectionPool h2Impatient(String url) {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(url + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=100", "sa", "");
    pool.setMaxConnections(4);
    return pool;
  }

  static JdbcConnectionPool h2(String url) {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(url + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    pool.setMaxConnections(20);
    return pool;
  }

  static void shutdownH2(JdbcConnectionPool pool) {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // already closed
    }
    pool.dispose();
  }

  /** Drops the tables of {@code prefix}, so that a test class starts from nothing. */
  static void dropTables(DataSource ds, String prefix) {
    Tables tables = new Tables(prefix);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String table : tables.dataTables()) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
      s.execute("DROP TABLE IF EXISTS " + tables.schemaVersion);
      s.execute("DROP TABLE IF EXISTS " + prefix + "schema_lock");
      // dropped by version 5; a database left at an older version still has it
      s.execute("DROP TABLE IF EXISTS " + prefix + "number_locks");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Empties the tables of {@code prefix}, keeping the schema: a fresh store for the next test. */
  static void emptyTables(DataSource ds, String prefix) {
    Tables tables = new Tables(prefix);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String table : tables.dataTables()) {
        s.execute("DELETE FROM " + table);
      }
      s.execute("INSERT INTO " + tables.slotCounters + " (scope_key, held) VALUES ('*', 0)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
