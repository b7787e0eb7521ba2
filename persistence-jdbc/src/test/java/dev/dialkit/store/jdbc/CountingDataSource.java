package dev.dialkit.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts what costs a round trip to the database: statements executed (a
 * JDBC batch is one), commits and rollbacks, and the isolation-level reads and writes (PostgreSQL's
 * driver asks the server for {@code getTransactionIsolation}).
 */
final class CountingDataSource {
  final AtomicInteger statements = new AtomicInteger();
  final AtomicInteger commits = new AtomicInteger();
  final AtomicInteger isolationCalls = new AtomicInteger();
  final DataSource dataSource;

  CountingDataSource(DataSource inner) {
    this.dataSource = proxy(DataSource.class, inner, this::connection);
  }

  /** Round trips counted so far. */
  int roundTrips() {
    return statements.get() + commits.get() + isolationCalls.get();
  }

  void reset() {
    statements.set(0);
    commits.set(0);
    isolationCalls.set(0);
  }

  private Object connection(String method, Object result) {
    return result instanceof Connection c ? proxy(Connection.class, c, this::statement) : result;
  }

  private Object statement(String method, Object result) {
    switch (method) {
      case "commit", "rollback" -> commits.incrementAndGet();
      case "getTransactionIsolation", "setTransactionIsolation" -> isolationCalls.incrementAndGet();
      default -> {}
    }
    if (result instanceof PreparedStatement s) {
      return proxy(PreparedStatement.class, s, this::executed);
    }
    if (result instanceof Statement s) {
      return proxy(Statement.class, s, this::executed);
    }
    return result;
  }

  private Object executed(String method, Object result) {
    if (method.startsWith("execute")) {
      statements.incrementAndGet();
    }
    return result;
  }

  /** What to do with a method's result: wrap it, count it. */
  private interface After {
    Object apply(String method, Object result);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T inner, After after) {
    InvocationHandler handler =
        (p, method, args) -> {
          try {
            return after.apply(method.getName(), method.invoke(inner, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
