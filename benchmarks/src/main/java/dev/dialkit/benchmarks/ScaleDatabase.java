package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The scale runs' own PostgreSQL database, {@value #NAME}, on the server of {@code
 * DIALKIT_TEST_POSTGRES_URL}: dropped and created for every run, so that no run sees another's rows
 * and the tests' database is never touched.
 */
final class ScaleDatabase {
  static final String NAME = "dialkit_bench_scale";
  static final String ENV = "DIALKIT_TEST_POSTGRES_URL";

  private ScaleDatabase() {}

  /** The test URL from the environment, or null. */
  static String testUrl() {
    String url = System.getenv(ENV);
    return url == null || url.isBlank() ? null : url;
  }

  /**
   * Drops and creates {@value #NAME}; a pool of at most {@code connections} connections to it (the
   * H2 project's small pool over the driver's pooled data source, as the import benchmark uses).
   */
  static JdbcConnectionPool fresh(String testUrl, int connections) throws Exception {
    String admin = testUrl.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME);
      s.execute("CREATE DATABASE " + NAME);
    }
    PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
    ds.setURL(testUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + NAME + "$1"));
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(connections);
    return pool;
  }
}
