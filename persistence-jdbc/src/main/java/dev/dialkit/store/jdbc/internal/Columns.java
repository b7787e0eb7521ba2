package dev.dialkit.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/**
 * How values are kept in columns. Instants are BIGINT microseconds since the epoch: exact for every
 * instant of millisecond or microsecond precision on all three databases (no time zone or session
 * setting can shift them, and MariaDB's TIMESTAMP would end in 2038); finer digits are truncated.
 * Durations are BIGINT nanoseconds, exact for any call duration.
 */
public final class Columns {
  private Columns() {}

  public static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  public static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, micros(value));
    }
  }

  public static Instant getInstant(ResultSet r, int column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : instant(value);
  }

  public static Instant getInstant(ResultSet r, String column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : instant(v);
  }

  public static void setDuration(PreparedStatement s, int index, Duration value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value.toNanos());
    }
  }

  public static Duration getDuration(ResultSet r, String column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : Duration.ofNanos(v);
  }

  public static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }

  public static Long getLong(ResultSet r, String column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : v;
  }

  public static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  public static <E extends Enum<E>> E getEnum(ResultSet r, String column, Class<E> type)
      throws SQLException {
    String v = r.getString(column);
    return v == null ? null : Enum.valueOf(type, v);
  }
}
