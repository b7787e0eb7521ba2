package dev.dialkit.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link DataSource} wrapper, a {@link Proxy} chain DataSource, Connection, (Prepared)Statement,
 * that records every statement the store runs while a path is {@linkplain #path(String) set}, with
 * its bound parameters, and hands the first execution of each statement text of a path to an {@link
 * Explainer} on the same connection, right before the store's own execution: the plan is taken in
 * exactly the state the statement meets (the row it inserts not there yet, the lead it picks still
 * queued). The statements are the store's own, never a copy of its SQL.
 */
final class QueryPlansRecorder {
  /** Explains a statement on the connection the store is using, leaving no trace of its own. */
  @FunctionalInterface
  interface Explainer {
    QueryPlansPlan explain(Connection connection, String sql, List<QueryPlansBinding> bindings)
        throws SQLException;
  }

  /**
   * One round trip the store made: a statement (with the parameters of its first batch row and the
   * batch's size) or a commit or rollback ({@code sql} is then {@code COMMIT} or {@code ROLLBACK}).
   *
   * @param plan the plan, on the first execution of this text in this path only; else null
   */
  record Step(
      String path,
      String sql,
      List<QueryPlansBinding> bindings,
      int batchRows,
      boolean autoCommit,
      QueryPlansPlan plan) {}

  /** What EXPLAIN takes; a SET TRANSACTION, say, is recorded but not explained. */
  private static final Pattern EXPLAINABLE =
      Pattern.compile("\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\b", Pattern.CASE_INSENSITIVE);

  private final Explainer explainer;
  private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> explained = Collections.synchronizedSet(new java.util.HashSet<>());
  private volatile String path;

  QueryPlansRecorder(Explainer explainer) {
    this.explainer = explainer;
  }

  /** Records what follows under {@code label}; null stops recording. */
  void path(String label) {
    this.path = label;
  }

  List<Step> steps() {
    synchronized (steps) {
      return List.copyOf(steps);
    }
  }

  DataSource wrap(DataSource real) {
    return proxy(
        DataSource.class,
        (p, m, args) -> {
          Object result = call(real, m, args);
          return result instanceof Connection c ? connection(c) : result;
        });
  }

  private Connection connection(Connection real) {
    return proxy(
        Connection.class,
        (p, m, args) -> {
          String name = m.getName();
          if (path != null && args == null && (name.equals("commit") || name.equals("rollback"))) {
            steps.add(new Step(path, name.toUpperCase(), List.of(), 0, false, null));
          }
          Object result = call(real, m, args);
          if (result instanceof PreparedStatement s && name.equals("prepareStatement")) {
            return prepared(real, s, (String) args[0]);
          }
          if (result instanceof Statement s && name.equals("createStatement")) {
            return plain(real, s);
          }
          return result;
        });
  }

  private PreparedStatement prepared(Connection c, PreparedStatement real, String sql) {
    Map<Integer, QueryPlansBinding> bound = new TreeMap<>();
    List<List<QueryPlansBinding>> batch = new ArrayList<>();
    return proxy(
        PreparedStatement.class,
        (p, m, args) -> {
          String name = m.getName();
          if (m.getDeclaringClass() == PreparedStatement.class
              && name.startsWith("set")
              && args != null
              && args.length >= 2
              && args[0] instanceof Integer index) {
            bound.put(index, new QueryPlansBinding(m, args.clone()));
          } else if (name.equals("clearParameters")) {
            bound.clear();
          } else if (name.equals("addBatch") && args == null) {
            batch.add(List.copyOf(bound.values()));
          } else if (name.equals("executeBatch") && !batch.isEmpty()) {
            executing(c, sql, batch.get(0), batch.size());
            batch.clear();
          } else if (name.startsWith("execute") && args == null) {
            executing(c, sql, List.copyOf(bound.values()), 1);
          }
          return call(real, m, args);
        });
  }

  private Statement plain(Connection c, Statement real) {
    return proxy(
        Statement.class,
        (p, m, args) -> {
          if (m.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
            executing(c, sql, List.of(), 1);
          }
          return call(real, m, args);
        });
  }

  private void executing(Connection c, String sql, List<QueryPlansBinding> bindings, int rows)
      throws SQLException {
    String label = path;
    if (label == null) {
      return;
    }
    QueryPlansPlan plan = null;
    if (EXPLAINABLE.matcher(sql).lookingAt() && explained.add(label + "\n" + sql)) {
      plan = explainer.explain(c, sql, bindings);
    }
    steps.add(new Step(label, sql, bindings, rows, c.getAutoCommit(), plan));
  }

  private static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            QueryPlansRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
