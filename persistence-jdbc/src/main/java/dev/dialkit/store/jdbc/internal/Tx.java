package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.StoreException;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a connection of the host's {@link DataSource}: in a READ COMMITTED transaction that
 * commits on return and rolls back on any exception, or as single auto-committed statements. A
 * deadlock or lock timeout (the database rolled the whole transaction back) is retried a few times;
 * every other {@link SQLException} becomes a {@link StoreException}. Connections are returned to
 * the pool as they were taken (auto-commit and isolation restored).
 *
 * <p>The pool's isolation level is read once, from the first connection, and taken to hold for
 * every connection it hands out (pools set it alike on all of them, and reset a connection that a
 * user changed): asking each time costs PostgreSQL's driver a {@code SHOW TRANSACTION ISOLATION
 * LEVEL} round trip per transaction. MariaDB is told {@code READ COMMITTED} for each transaction, a
 * statement that applies to the next transaction only, so nothing needs restoring there.
 */
public final class Tx {
  /** Attempts of a transaction that keeps deadlocking before the failure is thrown (transient). */
  static final int MAX_ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(Tx.class);

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final JdbcDialect dialect;

  /** The isolation level the pool's connections come with; -1 until the first is seen. */
  private volatile int poolIsolation = -1;

  public Tx(DataSource dataSource, JdbcDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  public JdbcDialect dialect() {
    return dialect;
  }

  /**
   * Whether the pool's connections run at READ COMMITTED as they come, so that an auto-committed
   * statement runs at that level too; false until a transaction has shown it.
   */
  public boolean readCommittedByDefault() {
    return poolIsolation == Connection.TRANSACTION_READ_COMMITTED;
  }

  /** Runs {@code work} in one transaction, retrying it after a deadlock or lock timeout. */
  public <T> T inTransaction(String operation, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work);
      } catch (SQLException e) {
        if (attempt < MAX_ATTEMPTS && SqlErrors.isRetryableConflict(e)) {
          log.debug("{}: conflict ({}), retrying, attempt {}", operation, e.getSQLState(), attempt);
          backoff(attempt);
          continue;
        }
        throw SqlErrors.translate(operation, e);
      }
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode (each statement its own transaction). */
  public <T> T autoCommit(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.run(c);
    } catch (SQLException e) {
      throw SqlErrors.translate(operation, e);
    }
  }

  private <T> T once(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = Connection.TRANSACTION_READ_COMMITTED;
      if (dialect == JdbcDialect.MARIADB) {
        // applies to the next transaction only, so the connection goes back to the pool as it was
        if (!autoCommit) {
          c.commit();
        }
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
      } else {
        isolation = poolIsolation;
        if (isolation < 0) {
          isolation = c.getTransactionIsolation();
          poolIsolation = isolation;
        }
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
          c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
      }
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        if (autoCommit) {
          c.setAutoCommit(true);
        }
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
          c.setTransactionIsolation(isolation);
        }
      }
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(Math.min(50, 2L << attempt) + (long) (Math.random() * 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while retrying after a deadlock", true, e);
    }
  }
}
