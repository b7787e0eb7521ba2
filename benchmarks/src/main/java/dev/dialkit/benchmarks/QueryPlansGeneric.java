package dev.dialkit.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The generic plan of a statement, as PostgreSQL may run it on a pooled connection: pgjdbc prepares
 * a statement on the server from its fifth execution, and after five custom plans the server may
 * keep one generic plan, made without the parameters' values. PostgreSQL 15 has no {@code EXPLAIN
 * (GENERIC_PLAN)}, so this prepares the statement by name under {@code plan_cache_mode =
 * force_generic_plan} and explains its execution with the same values, written as literals. The
 * caller undoes it (savepoint or transaction rolled back); the name is freed here.
 */
final class QueryPlansGeneric {
  private static final String NAME = "dk_generic_plan";

  private QueryPlansGeneric() {}

  /** Prepares and explains; the caller rolls back afterwards and then calls {@link #free}. */
  static List<String> explain(Connection c, String sql, List<QueryPlansBinding> bindings)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      s.execute("PREPARE " + NAME + " AS " + numbered(sql));
      String args =
          bindings.isEmpty()
              ? ""
              : bindings.stream()
                  .map(QueryPlansGeneric::literal)
                  .collect(Collectors.joining(", ", "(", ")"));
      List<String> lines = new ArrayList<>();
      try (ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE " + NAME + args)) {
        while (r.next()) {
          lines.add(r.getString(1));
        }
      }
      return lines;
    }
  }

  /** Frees the prepared name, if it was prepared; the transaction must be usable again. */
  static void free(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM pg_prepared_statements WHERE name = '" + NAME + "'")) {
      r.next();
      if (r.getInt(1) > 0) {
        s.execute("DEALLOCATE " + NAME);
      }
    }
  }

  /** JDBC's {@code ?} placeholders as {@code $1, $2...}, outside quoted text. */
  static String numbered(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    boolean quoted = false;
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
      }
      if (ch == '?' && !quoted) {
        out.append('$').append(++n);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static String literal(QueryPlansBinding b) {
    if (b.setter().getName().equals("setNull")) {
      return "NULL";
    }
    Object value = b.args()[1];
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Array a) {
      value = a.toString();
    }
    return "'" + String.valueOf(value).replace("'", "''") + "'";
  }
}
