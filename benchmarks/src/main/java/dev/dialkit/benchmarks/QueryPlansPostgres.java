package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} on PostgreSQL, {@value #RUNS} runs, each undone: inside the
 * store's transaction by a savepoint rolled back, outside one in a transaction rolled back. ANALYZE
 * executes the statement, writes included; the rollback is what keeps the store's state as it was.
 */
final class QueryPlansPostgres implements QueryPlansRecorder.Explainer {
  /** A sequential scan of a table with more rows than this is flagged. */
  static final long BIG_TABLE = 10_000;

  static final int RUNS = 3;

  private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

  private final Map<String, Long> tableRows;

  /**
   * @param tableRows the row count of each table by name, as of the last ANALYZE
   */
  QueryPlansPostgres(Map<String, Long> tableRows) {
    this.tableRows = Map.copyOf(tableRows);
  }

  @Override
  public QueryPlansPlan explain(Connection c, String sql, List<QueryPlansBinding> bindings)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    if (autoCommit) {
      c.setAutoCommit(false);
    }
    try {
      List<String> lines = List.of();
      List<Double> times = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        Savepoint before = autoCommit ? null : c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
          for (QueryPlansBinding b : bindings) {
            b.bind(s);
          }
          lines = read(s);
        } catch (SQLException e) {
          undo(c, before);
          return QueryPlansPlan.failed(e.getMessage());
        }
        undo(c, before);
        times.add(QueryPlansPlan.executionMillis(lines));
      }
      List<String> generic = List.of();
      String error = null;
      Savepoint before = autoCommit ? null : c.setSavepoint();
      try {
        generic = QueryPlansGeneric.explain(c, sql, bindings);
      } catch (SQLException e) {
        error = "generic plan: " + e.getMessage();
      }
      undo(c, before);
      QueryPlansGeneric.free(c);
      return new QueryPlansPlan(
          lines,
          times,
          bigSeqScans(lines),
          generic,
          bigSeqScans(generic),
          error,
          QueryPlansPlan.loadNow());
    } finally {
      if (autoCommit) {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  static void undo(Connection c, Savepoint before) throws SQLException {
    if (before == null) {
      c.rollback();
    } else {
      c.rollback(before);
      c.releaseSavepoint(before);
    }
  }

  private static List<String> read(PreparedStatement s) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        lines.add(r.getString(1));
      }
    }
    return lines;
  }

  private List<String> bigSeqScans(List<String> lines) {
    List<String> big = new ArrayList<>();
    for (String line : lines) {
      Matcher m = SEQ_SCAN.matcher(line);
      while (m.find()) {
        long rows = tableRows.getOrDefault(m.group(1), -1L);
        if (rows > BIG_TABLE) {
          big.add(String.format("%s (%,d rows)", m.group(1), rows));
        }
      }
    }
    return big;
  }
}
