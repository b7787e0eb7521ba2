package dev.dialkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.store.jdbc.JdbcDialect;
import java.lang.reflect.Proxy;
import java.sql.Connection;
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
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (p, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
              }
              if (failWith != null) {
                throw new SQLException("scripted failure", failWith);
              }
              return connection();
            });
  }

  private Connection connection() {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "getAutoCommit" -> true;
                  case "createStatement" -> statement();
                  case "prepareStatement" -> statement();
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private Statement statement() {
    return (Statement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {java.sql.PreparedStatement.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "execute" -> {
                    executed.add((String) args[0]);
                    yield false;
                  }
                  case "executeQuery" -> emptyResult();
                  case "setString", "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private ResultSet emptyResult() {
    return (ResultSet)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "next" -> false;
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
