package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/** The database server the plans are taken on: its fresh database, statistics and explainer. */
enum QueryPlansServer {
  POSTGRESQL("DIALKIT_TEST_POSTGRES_URL", "^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$"),
  MARIADB("DIALKIT_TEST_MARIADB_URL", "^(jdbc:mariadb://[^/]+/)([^?]*)(.*)$");

  static final String DATABASE = "dialkit_bench_plans";

  private final String variable;
  private final Pattern url;

  QueryPlansServer(String variable, String url) {
    this.variable = variable;
    this.url = Pattern.compile(url);
  }

  /** Drops and creates {@value #DATABASE} on the server of the variable's URL; a pool on it. */
  DataSource recreate() throws SQLException {
    String given = System.getenv(variable);
    Matcher m = given == null ? null : url.matcher(given);
    if (m == null || !m.matches()) {
      throw new IllegalStateException("set " + variable + " to a JDBC URL of the server");
    }
    try (Connection c = DriverManager.getConnection(given);
        Statement s = c.createStatement()) {
      s.execute(
          "DROP DATABASE IF EXISTS " + DATABASE + (this == POSTGRESQL ? " WITH (FORCE)" : ""));
      s.execute("CREATE DATABASE " + DATABASE);
    }
    String fresh = m.group(1) + DATABASE + m.group(3);
    if (this == MARIADB) {
      return new MariaDbPoolDataSource(fresh + (fresh.contains("?") ? "&" : "?") + "maxPoolSize=4");
    }
    PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
    ds.setURL(fresh);
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(4);
    return pool;
  }

  /** Fresh statistics for every table (and, on PostgreSQL, a vacuum). */
  void analyze(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (this == POSTGRESQL) {
        s.execute("VACUUM ANALYZE");
        return;
      }
      for (String table : tableRows(c).keySet()) {
        s.execute("ANALYZE TABLE " + table);
      }
    }
  }

  /** Row counts by table, as the statistics have them. */
  Map<String, Long> tableRows(Connection c) throws SQLException {
    String sql =
        this == POSTGRESQL
            ? "SELECT relname, reltuples::bigint FROM pg_class"
                + " WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
            : "SELECT table_name, table_rows FROM information_schema.tables"
                + " WHERE table_schema = DATABASE()";
    Map<String, Long> rows = new TreeMap<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.put(r.getString(1), r.getLong(2));
      }
    }
    return rows;
  }

  QueryPlansRecorder.Explainer explainer(Map<String, Long> tableRows) {
    return this == POSTGRESQL
        ? new QueryPlansPostgres(tableRows)
        : new QueryPlansMariaDb(tableRows);
  }

  static QueryPlansServer named(String name) {
    for (QueryPlansServer s : values()) {
      if (s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("--db is one of " + List.of(values()) + ", not " + name);
  }
}
