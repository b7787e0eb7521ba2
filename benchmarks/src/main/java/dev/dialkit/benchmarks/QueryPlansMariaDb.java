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
 * {@code ANALYZE FORMAT=JSON} on MariaDB, {@value QueryPlansPostgres#RUNS} runs, each undone as on
 * PostgreSQL (savepoint, or a transaction rolled back). The plan's lines are one line per table
 * read (access type, key, estimated and actual rows), then the JSON; a full table scan ({@code
 * access_type ALL}) of a big table is flagged as a sequential scan is on PostgreSQL. MariaDB keeps
 * no generic plan: every execution is planned with its values.
 */
final class QueryPlansMariaDb implements QueryPlansRecorder.Explainer {
  private static final Pattern TABLE =
      Pattern.compile("\"table\": \\{(.*?)(?=\"table\": \\{|$)", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("\"table_name\": \"([^\"]+)\"");
  private static final Pattern TIME =
      Pattern.compile("\"query_block\": \\{.*?\"r_total_time_ms\": ([0-9.eE+-]+)", Pattern.DOTALL);

  private final Map<String, Long> tableRows;

  QueryPlansMariaDb(Map<String, Long> tableRows) {
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
      String json = "";
      List<Double> times = new ArrayList<>();
      for (int run = 0; run < QueryPlansPostgres.RUNS; run++) {
        Savepoint before = autoCommit ? null : c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("ANALYZE FORMAT=JSON " + sql)) {
          for (QueryPlansBinding b : bindings) {
            b.bind(s);
          }
          try (ResultSet r = s.executeQuery()) {
            json = r.next() ? r.getString(1) : "";
          }
        } catch (SQLException e) {
          QueryPlansPostgres.undo(c, before);
          return QueryPlansPlan.failed(e.getMessage());
        }
        QueryPlansPostgres.undo(c, before);
        Matcher m = TIME.matcher(json);
        times.add(m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
      }
      List<String> lines = new ArrayList<>();
      List<String> full = new ArrayList<>();
      Matcher t = TABLE.matcher(json);
      while (t.find()) {
        String table = t.group(1);
        String name = field(NAME, table);
        String access = field(Pattern.compile("\"access_type\": \"([^\"]+)\""), table);
        lines.add(
            String.format(
                "%s: %s, key %s (rows %s, r_rows %s, r_filtered %s)",
                name,
                access,
                field(Pattern.compile("\"key\": \"([^\"]+)\""), table),
                field(Pattern.compile("\"rows\": ([0-9.]+)"), table),
                field(Pattern.compile("\"r_rows\": ([0-9.]+)"), table),
                field(Pattern.compile("\"r_filtered\": ([0-9.]+)"), table)));
        if ("ALL".equals(access)
            && tableRows.getOrDefault(name, -1L) > QueryPlansPostgres.BIG_TABLE) {
          full.add(String.format("%s (%,d rows)", name, tableRows.get(name)));
        }
      }
      json.lines().forEach(l -> lines.add("  " + l));
      return new QueryPlansPlan(
          lines, times, full, List.of(), List.of(), null, QueryPlansPlan.loadNow());
    } finally {
      if (autoCommit) {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  private static String field(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : "-";
  }
}
