package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A database the throughput benchmark measures, in a scratch database of its own ({@value
 * #SCRATCH}) on the configured server, dropped and created anew for each run, so that the test
 * databases are never touched.
 *
 * @param name as printed
 * @param kind which server
 * @param serverUrl the configured URL (used only to drop and create the scratch database), or the
 *     scratch URL itself for H2
 * @param url the scratch database's URL
 */
record BenchDatabase(String name, Kind kind, String serverUrl, String url) {
  static final String SCRATCH = "dialkit_bench_throughput";

  enum Kind {
    H2,
    POSTGRESQL,
    MARIADB
  }

  BenchDatabase {
    if (name == null || kind == null || serverUrl == null || url == null) {
      throw new IllegalArgumentException("a benchmark database needs a name, a kind and URLs");
    }
  }

  /**
   * H2 in memory always; PostgreSQL and MariaDB when {@code DIALKIT_TEST_POSTGRES_URL} and {@code
   * DIALKIT_TEST_MARIADB_URL} are set; only the kinds {@code only} names (lower case), if not
   * empty.
   */
  static List<BenchDatabase> configured(List<String> only) {
    List<BenchDatabase> all = new ArrayList<>();
    String h2 = "jdbc:h2:mem:" + SCRATCH + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    all.add(new BenchDatabase("H2 2.3 (in memory)", Kind.H2, h2, h2));
    String pg = System.getenv("DIALKIT_TEST_POSTGRES_URL");
    if (pg != null && !pg.isBlank()) {
      all.add(new BenchDatabase("PostgreSQL", Kind.POSTGRESQL, pg, withDatabase(pg, SCRATCH)));
    }
    String maria = System.getenv("DIALKIT_TEST_MARIADB_URL");
    if (maria != null && !maria.isBlank()) {
      all.add(new BenchDatabase("MariaDB", Kind.MARIADB, maria, withDatabase(maria, SCRATCH)));
    }
    all.removeIf(d -> !only.isEmpty() && !only.contains(d.kind().name().toLowerCase()));
    return all;
  }

  /** {@code url} with its database (the path after host and port) replaced by {@code database}. */
  static String withDatabase(String url, String database) {
    int query = url.indexOf('?') < 0 ? url.length() : url.indexOf('?');
    int slash = url.lastIndexOf('/', query - 1);
    if (slash < 0 || slash < url.indexOf("//") + 2) {
      throw new IllegalArgumentException("no database in the URL " + redacted(url));
    }
    return url.substring(0, slash + 1) + database + url.substring(query);
  }

  /** The URL without its query, which may hold a password. */
  static String redacted(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }

  /** Drops the scratch database if it exists and creates it empty. */
  void recreate() throws SQLException {
    if (kind == Kind.H2) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DROP ALL OBJECTS");
      }
      return;
    }
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + SCRATCH);
      s.execute("CREATE DATABASE " + SCRATCH);
    }
  }

  /**
   * A pool of at most {@code size} connections (one per client thread), opened on demand and kept:
   * MariaDB's own pool (its pooled connections close for real when H2's pool closes them), and H2's
   * small pool over the driver's {@link ConnectionPoolDataSource} for the others. Close it with
   * {@link #close(DataSource)}.
   */
  DataSource pool(int size) throws SQLException {
    switch (kind) {
      case H2 -> {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return h2Pool(ds, size);
      }
      case POSTGRESQL -> {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(url);
        return h2Pool(ds, size);
      }
      default -> {
        return new MariaDbPoolDataSource(
            url + (url.contains("?") ? "&" : "?") + "maxPoolSize=" + size + "&minPoolSize=0");
      }
    }
  }

  /** Closes a pool made by {@link #pool(int)}. */
  static void close(DataSource pool) {
    if (pool instanceof JdbcConnectionPool h2) {
      h2.dispose();
    } else if (pool instanceof MariaDbPoolDataSource maria) {
      maria.close();
    }
  }

  private static JdbcConnectionPool h2Pool(ConnectionPoolDataSource ds, int size) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(size);
    return pool;
  }
}
