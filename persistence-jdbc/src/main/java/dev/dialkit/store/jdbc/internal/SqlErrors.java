package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.StoreException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Sorts database errors into "already done", "retry may help" and the rest. */
public final class SqlErrors {
  private SqlErrors() {}

  /** A unique-key violation: SQLState 23505 (PostgreSQL, H2), MySQL/MariaDB error 1062. */
  public static boolean isDuplicateKey(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if ("23505".equals(s.getSQLState()) || s.getErrorCode() == 1062) {
        return true;
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return false;
  }

  /**
   * A deadlock, serialization failure or lock wait timeout: the transaction was rolled back as a
   * whole, so running it again is safe.
   */
  public static boolean isRetryableConflict(SQLException e) {
    String state = e.getSQLState();
    int code = e.getErrorCode();
    return "40001".equals(state) // serialization failure; MySQL deadlock; H2 deadlock
        || "40P01".equals(state) // PostgreSQL deadlock
        || "55P03".equals(state) // PostgreSQL lock_not_available (lock_timeout)
        || "HYT00".equals(state) // H2 lock timeout (50200)
        || code == 1213 // MySQL/MariaDB deadlock
        || code == 1205 // MySQL/MariaDB lock wait timeout
        || code == 50200 // H2 lock timeout
        || code == 40001; // H2 deadlock
  }

  /** Whether the same operation may succeed later: connection trouble, conflicts, timeouts. */
  public static boolean isTransient(SQLException e) {
    if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
      return true;
    }
    if (isRetryableConflict(e)) {
      return true;
    }
    String state = e.getSQLState();
    int code = e.getErrorCode();
    if (state != null
        && (state.startsWith("08") // connection exception
            || state.equals("57P01") // PostgreSQL admin shutdown
            || state.equals("57P02") // crash shutdown
            || state.equals("57P03") // cannot connect now
            || state.equals("57014") // query canceled (statement timeout)
            || state.equals("53300"))) { // too many connections
      return true;
    }
    // MariaDB/MySQL: server gone away, lost connection, too many connections
    if (code == 2006 || code == 2013 || code == 1040 || code == 1927) {
      return true;
    }
    // H2: database closed, connection broken, file in use is not transient (see below)
    if (code == 90098 || code == 90067 || code == 90121) {
      return true;
    }
    return e.getCause() instanceof java.io.IOException;
  }

  /** The store's exception for {@code e}, thrown while doing {@code operation}. */
  public static StoreException translate(String operation, SQLException e) {
    if (e.getErrorCode() == 90020) {
      return new StoreException(
          operation
              + " failed: the H2 database file is in use by another process. An embedded H2 file"
              + " database can be opened by one process at a time; run H2 as a server (or add"
              + " AUTO_SERVER=TRUE to the URL) to share it, or use PostgreSQL or MariaDB: "
              + e.getMessage(),
          false,
          e);
    }
    boolean transientFailure = isTransient(e);
    return new StoreException(
        operation
            + " failed"
            + (transientFailure ? " (transient, may succeed when retried)" : "")
            + ": "
            + e.getMessage()
            + " [SQLState "
            + e.getSQLState()
            + ", error "
            + e.getErrorCode()
            + "]",
        transientFailure,
        e);
  }
}
