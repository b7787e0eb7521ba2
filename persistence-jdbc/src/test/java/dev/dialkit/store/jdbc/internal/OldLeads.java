package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Lead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A lead row as schema versions 1 and 2 had it (no {@code hold}), written with plain SQL. */
final class OldLeads {
  private OldLeads() {}

  /**
   * Inserts {@code lead} as stored by an earlier jar: its sequence, attempts and state as given.
   */
  static void insert(Connection c, Tables t, Lead lead) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + t.leads
                + " (id, tenant, campaign_id, seq, phone, name, email, company, variables,"
                + " time_zone, priority, attempts, calls_made, state, next_attempt_at, last_outcome,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, lead.id().value());
      s.setString(2, lead.tenant().value());
      s.setString(3, lead.campaignId().value());
      s.setLong(4, lead.sequence());
      s.setString(5, lead.phone().e164());
      s.setString(6, lead.name());
      s.setString(7, lead.email());
      s.setString(8, lead.company());
      s.setString(9, Json.variables(lead.variables()));
      s.setString(10, lead.timeZone().getId());
      s.setInt(11, lead.priority());
      s.setInt(12, lead.attempts());
      s.setInt(13, lead.attempts());
      s.setString(14, lead.state().name());
      Columns.setInstant(s, 15, lead.nextAttemptAt());
      s.setString(16, Columns.name(lead.lastOutcome()));
      Columns.setInstant(s, 17, lead.createdAt());
      s.executeUpdate();
    }
  }
}
