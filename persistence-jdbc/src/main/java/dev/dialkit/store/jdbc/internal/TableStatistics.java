package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.StoreException;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of a table the store grows in step with its growth, instead
 * of waiting for autovacuum (which analyzes a table only a minute or more after it changed, later
 * under load, and never where it is switched off). Without statistics the planner takes a table for
 * a handful of rows, and two plans went wrong that way:
 *
 * <ul>
 *   <li>{@link #leads}: right after a large import the claim's pick became a scan and an on-disk
 *       sort of every queued lead: 0.7 s on a 1,000,000-lead campaign, seconds under load, where it
 *       is a range of {@code leads_pick} with statistics (0.16 ms).
 *   <li>{@link #calls}: every webhook's guarded update of its call, {@code WHERE id = ? AND tenant
 *       = ? AND ...}, was planned as a range of {@code calls_number} on the tenant, filtered by id:
 *       a read of every call of the tenant per webhook (1,200 to 3,300 buffers at 5,000 calls),
 *       where it is one primary-key lookup with statistics. The campaign's active calls were read
 *       the same way. End to end on PostgreSQL this halved the leads dialed per second.
 * </ul>
 *
 * So the store runs {@code ANALYZE} on the table itself once the rows it inserted since its last
 * one reach a minimum and a fifth of the table as it was then (at the first insert of the process,
 * as PostgreSQL last estimated it): a few dozen times while a table grows to a million rows, each
 * reading a sample, not the table. A lasting failure is logged once and ends the refreshes, nothing
 * else: autovacuum still gets there. A transient one (a lost connection) is tried again at the next
 * insert.
 */
public final class TableStatistics {
  private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

  /** Inserted leads that always justify a refresh; fewer never do. */
  static final long LEADS_MIN_INSERTED = 10_000;

  /**
   * Inserted calls that always justify a refresh: lower than for leads, since a wrong plan of the
   * call's update costs every webhook, and calls come a few per claim, not 10,000 per import.
   */
  static final long CALLS_MIN_INSERTED = 1_000;

  private final Tx tx;
  private final String table;
  private final String sql;
  private final long minInserted;
  private final AtomicLong sinceAnalyze = new AtomicLong();
  private final AtomicLong rowsAtAnalyze = new AtomicLong();
  private volatile boolean failed;
  private volatile boolean sized;

  private TableStatistics(Tx tx, String table, JdbcDialect dialect, long minInserted) {
    this.tx = tx;
    this.table = table;
    this.sql = dialect == JdbcDialect.POSTGRESQL ? "ANALYZE " + table : null;
    this.minInserted = minInserted;
  }

  /** The statistics of the leads table, which lead imports grow. */
  public static TableStatistics leads(Tx tx, Tables tables, JdbcDialect dialect) {
    return new TableStatistics(tx, tables.leads, dialect, LEADS_MIN_INSERTED);
  }

  /** The statistics of the calls table, which claims grow. */
  public static TableStatistics calls(Tx tx, Tables tables, JdbcDialect dialect) {
    return new TableStatistics(tx, tables.calls, dialect, CALLS_MIN_INSERTED);
  }

  /** {@code count} rows were inserted (committed); refreshes the statistics when due. */
  public void inserted(long count) {
    if (sql == null || failed || count <= 0) {
      return;
    }
    if (!sized) {
      size();
    }
    long since = sinceAnalyze.addAndGet(count);
    long base = rowsAtAnalyze.get();
    if (since < Math.max(minInserted, base / 5) || !sinceAnalyze.compareAndSet(since, 0)) {
      return;
    }
    rowsAtAnalyze.set(base + since);
    try {
      tx.autoCommit(
          "analyze " + table,
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(sql);
            }
            return null;
          });
      log.debug("table {} analyzed after {} inserted rows", table, since);
    } catch (RuntimeException e) {
      // never thrown on: the rows were committed, and the caller must learn its own result
      if (e instanceof StoreException store && store.isTransient()) {
        // a lost connection says nothing of the role's rights: the next insert tries again
        sinceAnalyze.addAndGet(since);
        rowsAtAnalyze.set(base);
        log.debug("table {} not analyzed this time: {}", table, e.toString());
        return;
      }
      failed = true;
      log.warn(
          "could not refresh the planner statistics of table {} ({}); its queries may be slow"
              + " until autovacuum analyzes it",
          table,
          e.toString());
    }
  }

  // the table as PostgreSQL last estimated it, so that a process started on a large table does not
  // analyze it after its first thousand rows: a fifth of the table is then the threshold
  private void size() {
    try {
      long rows =
          tx.autoCommit(
              "size of " + table,
              c -> {
                try (PreparedStatement s =
                    c.prepareStatement(
                        "SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
                  s.setString(1, table);
                  try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Math.max(0, (long) r.getDouble(1)) : 0L;
                  }
                }
              });
      rowsAtAnalyze.compareAndSet(0, rows);
    } catch (RuntimeException e) {
      log.debug("could not read the estimated size of table {} ({})", table, e.toString());
    }
    sized = true;
  }
}
