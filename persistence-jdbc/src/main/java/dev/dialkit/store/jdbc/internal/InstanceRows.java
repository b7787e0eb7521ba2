package dev.dialkit.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The registry of dialer instances and their last heartbeats. */
public final class InstanceRows {
  private final Tables t;

  public InstanceRows(Tables tables) {
    this.t = tables;
  }

  /** Update, else insert; a racing insert of the same id means it exists: update again. */
  public void heartbeat(Connection c, String id, Instant now) throws SQLException {
    if (update(c, id, now)) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO " + t.instances + " (id, last_seen) VALUES (?, ?)")) {
      s.setString(1, id);
      s.setLong(2, Columns.micros(now));
      s.executeUpdate();
    } catch (SQLException e) {
      if (!SqlErrors.isDuplicateKey(e)) {
        throw e;
      }
      update(c, id, now);
    }
  }

  private boolean update(Connection c, String id, Instant now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE " + t.instances + " SET last_seen = ? WHERE id = ?")) {
      s.setLong(1, Columns.micros(now));
      s.setString(2, id);
      return s.executeUpdate() > 0;
    }
  }

  public Set<String> live(Connection c, Instant after) throws SQLException {
    Set<String> live = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM " + t.instances + " WHERE last_seen > ?")) {
      s.setLong(1, Columns.micros(after));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          live.add(r.getString(1));
        }
      }
    }
    return Set.copyOf(live);
  }

  public void deregister(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + t.instances + " WHERE id = ?")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  /** Deletes the instances last seen at or before {@code seenBefore}; returns how many. */
  public int removeSeenBefore(Connection c, Instant seenBefore) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + t.instances + " WHERE last_seen <= ?")) {
      s.setLong(1, Columns.micros(seenBefore));
      return s.executeUpdate();
    }
  }
}
