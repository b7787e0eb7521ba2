package dev.dialkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.store.jdbc.JdbcDialect;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What a failed {@code ANALYZE} does to the refreshes that follow: a lost connection is tried again
 * at the next insert, a lasting refusal ends them. Never thrown to the insert or the claim, whose
 * rows are committed by then. Against a scripted database, since a lost connection cannot be had on
 * demand from a real one.
 */
class TableStatisticsTest {
  private final List<String> executed = new ArrayList<>();
  private String failWith; // the SQLState the next statements fail with; null: they succeed

  @Test
  void aLostConnectionIsTriedAgainAtTheNextInsert() {
    TableStatistics calls = calls();
    failWith = "08006"; // connection failure: transient
    calls.inserted(1_000);
    assertThat(executed).isEmpty();

    failWith = null;
    calls.inserted(1);
    assertThat(executed).containsExactly("ANALYZE t_calls");
  }

  @Test
  void aLastingRefusalEndsTheRefreshesWithoutThrowing() {
    TableStatistics calls = calls();
    failWith = "42501"; // insufficient privilege
    calls.inserted(1_000);

    failWith = null;
    calls.inserted(10_000);
    assertThat(executed).isEmpty();
  }

  @Test
  void belowTheThresholdNothingIsAnalyzed() {
    TableStatistics calls = calls();
    calls.inserted(999);
    assertThat(executed).isEmpty();
    calls.inserted(1);
    assertThat(executed).containsExactly("ANALYZE t_calls");
  }

  private TableStatistics calls() {
    return TableStatistics.calls(
        new Tx(dataSource(), JdbcDialect.POSTGRESQL), new Tables("t_"), JdbcDialect.POSTGRESQL);
  }

  // a connection whose ANALYZE is recorded and whose size query finds no table
  private DataSource dataSource() {
    return scripted(
        DataSource.class,
        (method, args) -> {
          if (!method.equals("getConnection")) {
            throw new UnsupportedOperationException(method);
          }
          if (failWith != null) {
            throw new SQLException("scripted failure", failWith);
          }
          return connection();
        });
  }

  private Connection connection() {
    return scripted(
        Connection.class,
        (method, args) ->
            switch (method) {
              case "getAutoCommit" -> true;
              case "createStatement", "prepareStatement" -> statement();
              case "close" -> null;
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private Statement statement() {
    return scripted(
        PreparedStatement.class,
        (method, args) ->
            switch (method) {
              case "execute" -> {
                executed.add((String) args[0]);
                yield false; // no result set
              }
              case "executeQuery" -> emptyResult();
              case "setString", "close" -> null;
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private ResultSet emptyResult() {
    return scripted(
        ResultSet.class,
        (method, args) ->
            switch (method) {
              case "next" -> false;
              case "close" -> null;
              default -> throw new UnsupportedOperationException(method);
            });
  }

  /** How a scripted JDBC object answers a call of {@code method}. */
  @FunctionalInterface
  private interface Script {
    Object answer(String method, Object[] args) throws Exception;
  }

  private static <T> T scripted(Class<T> type, Script script) {
    return type.cast(
        Proxy.newProxyInstance(
            TableStatisticsTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> script.answer(method.getName(), args)));
  }
}
