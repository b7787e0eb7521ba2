package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes attempt caps hold across instances: a row per (tenant, number) in {@code
 * number_locks}, locked {@code FOR UPDATE} by a claim before it counts the number's calls and kept
 * until it commits the new call. Two claims of one number, in any campaigns, on any instances, thus
 * count one after the other, and the second sees the first's call; claims of other numbers lock
 * other rows and never wait for each other.
 *
 * <p>A claim waits for a number row only while it holds no other one (see {@link Claims}): every
 * further number it tries is locked with {@code SKIP LOCKED}, so two claims can never each hold a
 * number the other waits for.
 */
public final class NumberLocks {
  private final Tables t;
  private final JdbcDialect dialect;

  public NumberLocks(Tables tables, JdbcDialect dialect) {
    this.t = tables;
    this.dialect = dialect;
  }

  /**
   * Locks the number's row until commit, creating it first if needed.
   *
   * @param wait whether to wait for another transaction holding it; if not, a held row is skipped
   * @return whether this transaction now holds the row ({@code false} only when not waiting)
   */
  public boolean lock(Connection c, TenantId tenant, PhoneNumber phone, boolean wait)
      throws SQLException {
    // the row almost always exists: try the lock first, and create the row only the first time
    if (select(c, tenant, phone, wait)) {
      return true;
    }
    if (!wait && exists(c, tenant, phone)) {
      return false; // another claim holds it: leave this number to a later claim
    }
    insertIfMissing(c, tenant, phone);
    // ours if we inserted it; if another transaction inserted it meanwhile, wait for it (or not)
    return select(c, tenant, phone, wait);
  }

  /** Whether the row exists, by a plain read (no lock). */
  private boolean exists(Connection c, TenantId tenant, PhoneNumber phone) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM " + t.numberLocks + " WHERE tenant = ? AND phone = ?")) {
      s.setString(1, tenant.value());
      s.setString(2, phone.e164());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private boolean select(Connection c, TenantId tenant, PhoneNumber phone, boolean wait)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tenant FROM "
                + t.numberLocks
                + " WHERE tenant = ? AND phone = ? FOR UPDATE"
                + (wait ? "" : " SKIP LOCKED"))) {
      s.setString(1, tenant.value());
      s.setString(2, phone.e164());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /**
   * Inserts the row unless it exists, without failing the transaction on a race. MariaDB's form
   * takes the row's exclusive lock when it exists (an {@code INSERT IGNORE} would take a shared
   * one, and two of those upgrading to exclusive would deadlock). The insert waits only when
   * another transaction inserted the same new row and has not committed yet: the first claims of a
   * number ever; the rare deadlock that can make is detected by the database and retried.
   */
  private void insertIfMissing(Connection c, TenantId tenant, PhoneNumber phone)
      throws SQLException {
    String sql =
        switch (dialect) {
          case POSTGRESQL ->
              "INSERT INTO "
                  + t.numberLocks
                  + " (tenant, phone) VALUES (?, ?) ON CONFLICT (tenant, phone) DO NOTHING";
          case MARIADB ->
              "INSERT INTO "
                  + t.numberLocks
                  + " (tenant, phone) VALUES (?, ?) ON DUPLICATE KEY UPDATE phone = phone";
          case H2 -> "INSERT INTO " + t.numberLocks + " (tenant, phone) VALUES (?, ?)";
        };
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, tenant.value());
      s.setString(2, phone.e164());
      s.executeUpdate();
    } catch (SQLException e) {
      // H2: another transaction inserted it first; H2 keeps the transaction usable after a failed
      // statement
      if (dialect != JdbcDialect.H2 || !SqlErrors.isDuplicateKey(e)) {
        throw e;
      }
    }
  }

  /**
   * When the tenant's calls to {@code phone} created after {@code since} were created, leaving out
   * calls released unsent: what {@link dev.dialkit.campaign.spi.AttemptCapRules} counts. One range
   * of the index {@code calls_number (tenant, to_number, created_at)}.
   */
  public List<Instant> countedCallTimes(
      Connection c, TenantId tenant, PhoneNumber phone, Instant since) throws SQLException {
    List<Instant> times = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT created_at, status, failure_reason FROM "
                + t.calls
                + " WHERE tenant = ? AND to_number = ? AND created_at > ?")) {
      s.setString(1, tenant.value());
      s.setString(2, phone.e164());
      s.setLong(3, Columns.micros(since));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          // filtered here rather than in SQL, where a NULL failure_reason would need care
          boolean releasedUnsent =
              CallStatus.CANCELED.name().equals(r.getString(2))
                  && FailureReason.NOT_DIALED.name().equals(r.getString(3));
          if (!releasedUnsent) {
            times.add(Columns.instant(r.getLong(1)));
          }
        }
      }
    }
    return times;
  }
}
