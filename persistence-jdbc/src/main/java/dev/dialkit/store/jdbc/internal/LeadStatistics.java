package dev.dialkit.store.jdbc.internal;

import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of the leads table in step with bulk inserts. Right after a
 * large import the table has no statistics (autovacuum analyzes it only a minute or more later,
 * later still under load), the planner then takes the campaign's due leads for a handful of rows,
 * and the claim's pick becomes a scan and an on-disk sort of every queued lead: 0.7 s on a
 * 1,000,000-lead campaign, seconds under load, where it is a range of {@code leads_pick} with
 * statistics (0.16 ms). So the store runs {@code ANALYZE} on the leads table itself once the leads
 * inserted since its last one reach 10,000 and a fifth of the table as it was then: a few times per
 * import (about 25 for a million leads added 10,000 at a time), each reading a sample, not the
 * table. A failure (a role that does not own the table) is logged once and changes nothing else:
 * autovacuum still gets there.
 */
public final class LeadStatistics {
  private static final Logger log = LoggerFactory.getLogger(LeadStatistics.class);

  /** Inserted leads that always justify a refresh; fewer never do. */
  static final long MIN_INSERTED = 10_000;

  private final Tx tx;
  private final String sql;
  private final AtomicLong sinceAnalyze = new AtomicLong();
  private final AtomicLong rowsAtAnalyze = new AtomicLong();
  private volatile boolean failed;

  public LeadStatistics(Tx tx, Tables tables, JdbcDialect dialect) {
    this.tx = tx;
    this.sql = dialect == JdbcDialect.POSTGRESQL ? "ANALYZE " + tables.leads : null;
  }

  /** {@code count} leads were inserted (committed); refreshes the statistics when due. */
  public void inserted(long count) {
    if (sql == null || failed || count <= 0) {
      return;
    }
    long since = sinceAnalyze.addAndGet(count);
    long base = rowsAtAnalyze.get();
    if (since < Math.max(MIN_INSERTED, base / 5) || !sinceAnalyze.compareAndSet(since, 0)) {
      return;
    }
    rowsAtAnalyze.set(base + since);
    try {
      tx.autoCommit(
          "analyze leads",
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(sql);
            }
            return null;
          });
      log.debug("leads table analyzed after {} inserted leads", since);
    } catch (RuntimeException e) {
      failed = true;
      log.warn(
          "could not refresh the planner statistics of the leads table ({}); claims may be"
              + " slow right after a large import until autovacuum analyzes it",
          e.toString());
    }
  }
}
