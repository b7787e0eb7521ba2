package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The database's ceiling for this machine: single-row {@code INSERT} commits per second in
 * auto-commit, with the server's durable defaults, from the same number of client threads as the
 * Dialkit figures. Every Dialkit write is at least one such commit, so no store operation can beat
 * it; the ratio to it says how much of the database a store operation uses.
 */
final class InsertCeiling {
  static final String TABLE = "tp_ceiling";

  private InsertCeiling() {}

  /** Inserts for {@code warmUp} (not counted), then for {@code measured}; returns the second. */
  static Measurement measure(DataSource ds, int threads, Duration warmUp, Duration measured)
      throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      // no auto-increment: each thread numbers its own rows, so the DDL is the same everywhere
      s.execute(
          "CREATE TABLE "
              + TABLE
              + " (thread_no INT NOT NULL, n BIGINT NOT NULL, payload VARCHAR(64) NOT NULL,"
              + " PRIMARY KEY (thread_no, n))");
    }
    run(ds, threads, warmUp, 0);
    return run(ds, threads, measured, 1_000_000_000L);
  }

  private static Measurement run(DataSource ds, int threads, Duration length, long firstRow) {
    return Workers.run(
        "ceiling: single-row INSERT commits",
        threads,
        t ->
            () -> {
              long deadline = System.nanoTime() + length.toNanos();
              long rows = 0;
              try (Connection c = ds.getConnection();
                  PreparedStatement insert =
                      c.prepareStatement(
                          "INSERT INTO " + TABLE + " (thread_no, n, payload) VALUES (?, ?, ?)")) {
                c.setAutoCommit(true);
                while (System.nanoTime() < deadline) {
                  insert.setInt(1, t);
                  insert.setLong(2, firstRow + rows);
                  insert.setString(3, "lead claimed by thread " + t);
                  insert.executeUpdate();
                  rows++;
                }
              }
              return rows;
            });
  }
}
