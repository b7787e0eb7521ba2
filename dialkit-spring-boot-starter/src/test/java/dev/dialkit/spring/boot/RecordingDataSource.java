package dev.dialkit.spring.boot;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 DataSource that records when the application context closes it. */
public final class RecordingDataSource implements DataSource, AutoCloseable {
  private final JdbcDataSource h2 = new JdbcDataSource();
  private final List<String> events;

  RecordingDataSource(String url, List<String> events) {
    h2.setURL(url);
    this.events = events;
  }

  /** The configured URL, as connection pools show theirs. */
  public String getURL() {
    return h2.getURL();
  }

  @Override
  public void close() {
    events.add("data source closed");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return h2.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return h2.getConnection(user, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return h2.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    h2.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    h2.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return h2.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return h2.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return h2.isWrapperFor(type);
  }
}
