package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The lead writes of callbacks and stops: the lead's row locked, then its state, due time, hold and
 * attempts set as {@link dev.dialkit.campaign.spi.OutcomeRules} decided. The caller locks the
 * campaign row first (as claims and lead inserts do), so that a requeued lead and the campaign's
 * completion serialize.
 */
public final class CallbackRows {
  private final Tables t;

  public CallbackRows(Tables tables) {
    this.t = tables;
  }

  /** Locks the lead's row until commit. */
  public void lock(Connection c, LeadId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM " + t.leads + " WHERE id = ? FOR UPDATE")) {
      s.setString(1, id.value());
      s.executeQuery().close();
    }
  }

  /** Writes the lead's state, due time, hold and attempts. */
  public void write(Connection c, Lead lead) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.leads
                + " SET state = ?, next_attempt_at = ?, hold = ?, attempts = ? WHERE id = ?")) {
      s.setString(1, lead.state().name());
      Columns.setInstant(s, 2, lead.nextAttemptAt());
      if (lead.hold() == null) {
        s.setNull(3, Types.VARCHAR);
      } else {
        s.setString(3, lead.hold().name());
      }
      s.setInt(4, lead.attempts());
      s.setString(5, lead.id().value());
      s.executeUpdate();
    }
  }
}
