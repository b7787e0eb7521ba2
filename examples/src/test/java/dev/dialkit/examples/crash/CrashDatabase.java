package dev.dialkit.examples.crash;

import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.store.jdbc.internal.Tables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The database the crash test and its child dialers share: PostgreSQL when {@value #POSTGRES_ENV}
 * is set (in fresh tables of a random prefix, dropped afterwards; unreachable means the test
 * fails), otherwise an H2 file under the run's directory.
 */
final class CrashDatabase {
  static final String POSTGRES_ENV = "DIALKIT_TEST_POSTGRES_URL";

  /**
   * H2 settings for a database whose owner is killed: {@code WRITE_DELAY=0} writes every commit to
   * the file at once (H2 otherwise keeps up to 500 ms of commits in the JVM, and a SIGKILL loses
   * them: the store would forget permits it granted); {@code FILE_LOCK=FS} takes an OS file lock,
   * which dies with the process, so the restarted child does not wait out H2's lock-file protocol.
   */
  private static final String H2_SETTINGS = ";WRITE_DELAY=0;FILE_LOCK=FS;LOCK_TIMEOUT=10000";

  final String url;
  final String tablePrefix;
  final boolean postgres;

  private CrashDatabase(String url, String tablePrefix, boolean postgres) {
    this.url = url;
    this.tablePrefix = tablePrefix;
    this.postgres = postgres;
  }

  /** PostgreSQL if configured, else an H2 file in {@code dir}. */
  static CrashDatabase choose(Path dir) {
    String postgres = System.getenv(POSTGRES_ENV);
    if (postgres != null && !postgres.isBlank()) {
      String prefix = "crash_" + UUID.randomUUID().toString().substring(0, 8) + "_";
      return new CrashDatabase(postgres, prefix, true);
    }
    String file = dir.resolve("dialkit").toAbsolutePath().toString();
    return new CrashDatabase("jdbc:h2:file:" + file + H2_SETTINGS, "crash_", false);
  }

  /**
   * A small pool on {@code url}. The pool matters for the H2 file: H2 closes a file database
   * whenever its last connection closes. PostgreSQL goes through H2's pool over pgJDBC's connection
   * source, as the other modules' tests do (pgJDBC has no pool of its own).
   */
  static JdbcConnectionPool pool(String url) {
    JdbcConnectionPool pool;
    if (url.startsWith("jdbc:postgresql:")) {
      PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
      postgres.setURL(url);
      pool = JdbcConnectionPool.create(postgres);
    } else {
      pool = JdbcConnectionPool.create(url, "sa", "");
    }
    pool.setMaxConnections(10);
    pool.setLoginTimeout(10);
    return pool;
  }

  static JdbcCampaignStore store(DataSource dataSource, String tablePrefix) {
    return JdbcCampaignStore.builder(dataSource).tablePrefix(tablePrefix).build();
  }

  /** Closes a pool; an H2 file is shut down so that the next process can open it. */
  static void close(JdbcConnectionPool pool, boolean postgres) {
    if (!postgres) {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already closed
      }
    }
    pool.dispose();
  }

  /**
   * Drops the run's tables on PostgreSQL (an H2 file stays under target/ for inspection). A failure
   * is printed, not thrown, so that it does not hide the test's own.
   */
  void dropTables() {
    if (!postgres) {
      return;
    }
    Tables tables = new Tables(tablePrefix);
    JdbcConnectionPool pool = pool(url);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String table : tables.dataTables()) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
      s.execute("DROP TABLE IF EXISTS " + tables.schemaVersion);
      s.execute("DROP TABLE IF EXISTS " + tablePrefix + "schema_lock");
    } catch (SQLException e) {
      System.out.println("could not drop the tables " + tablePrefix + "*: " + e);
    } finally {
      pool.dispose();
    }
  }

  /** What to print: the database without credentials. */
  String describe() {
    return postgres
        ? "PostgreSQL " + url.replaceAll("(?i)password=[^&;]*", "password=***") + " " + tablePrefix
        : "H2 file " + url.substring(0, url.indexOf(';'));
  }
}
