package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code call_outcomes} table: one row per call that has a disposition or a conversation. A
 * writer first locks the call's row ({@link CallRows#find} with lock), so that two writers of one
 * call serialize and the first one's insert is never raced; the webhook's own update of the call
 * row is untouched (it may wait for such a short transaction).
 */
public final class OutcomeRows {
  private static final String COLUMNS =
      "call_id, tenant, campaign_id, lead_id, disposition, score, disposition_fields, callback_at,"
          + " disposition_at, transcript, summary, extracted, updated_at";

  private final Tables t;

  public OutcomeRows(Tables tables) {
    this.t = tables;
  }

  /** The stored outcome of the call, if it has a row. */
  public Optional<CallOutcome> find(Connection c, CallId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM " + t.callOutcomes + " WHERE call_id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(map(r)) : Optional.empty();
      }
    }
  }

  /** Writes {@code outcome}: an insert if the call had no row ({@code exists} false). */
  public void save(Connection c, CallOutcome outcome, boolean exists) throws SQLException {
    String sql =
        exists
            ? "UPDATE "
                + t.callOutcomes
                + " SET disposition = ?, score = ?, disposition_fields = ?, callback_at = ?,"
                + " disposition_at = ?, transcript = ?, summary = ?, extracted = ?, updated_at = ?"
                + " WHERE call_id = ?"
            : "INSERT INTO "
                + t.callOutcomes
                + " (disposition, score, disposition_fields, callback_at, disposition_at,"
                + " transcript, summary, extracted, updated_at, call_id, tenant, campaign_id,"
                + " lead_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      Disposition d = outcome.disposition();
      s.setString(1, d == null ? null : d.code());
      if (d == null || d.score() == null) {
        s.setNull(2, Types.INTEGER);
      } else {
        s.setInt(2, d.score());
      }
      s.setString(3, d == null ? null : Json.map(d.fields()));
      s.setString(4, d == null || d.callbackAt() == null ? null : d.callbackAt().toString());
      Columns.setInstant(s, 5, outcome.dispositionAt());
      Conversation v = outcome.conversation();
      s.setString(6, v.transcript());
      s.setString(7, v.summary());
      s.setString(8, v.extracted().isEmpty() ? null : Json.map(v.extracted()));
      Columns.setInstant(s, 9, outcome.updatedAt());
      s.setString(10, outcome.callId().value());
      if (!exists) {
        s.setString(11, outcome.tenant().value());
        s.setString(12, outcome.campaignId().value());
        s.setString(13, outcome.leadId().value());
      }
      s.executeUpdate();
    }
  }

  /** How many of the campaign's calls have each code: one range of the campaign index. */
  public Map<String, Long> counts(Connection c, TenantId tenant, CampaignId campaign)
      throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT disposition, COUNT(*) FROM "
                + t.callOutcomes
                + " WHERE campaign_id = ? AND disposition IS NOT NULL AND tenant = ?"
                + " GROUP BY disposition")) {
      s.setString(1, campaign.value());
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          counts.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return Map.copyOf(counts);
  }

  /** The outcome of {@code call}: its row, or an empty one. */
  public CallOutcome orEmpty(Connection c, Call call) throws SQLException {
    return find(c, call.id()).orElseGet(() -> CallOutcome.empty(call, call.createdAt()));
  }

  private static CallOutcome map(ResultSet r) throws SQLException {
    String code = r.getString("disposition");
    Disposition d = null;
    if (code != null) {
      int score = r.getInt("score");
      Integer boxed = r.wasNull() ? null : score;
      String callback = r.getString("callback_at");
      d =
          new Disposition(
              code,
              boxed,
              Json.map(r.getString("disposition_fields")),
              callback == null ? null : LocalDateTime.parse(callback));
    }
    return new CallOutcome(
        CallId.of(r.getString("call_id")),
        TenantId.of(r.getString("tenant")),
        CampaignId.of(r.getString("campaign_id")),
        LeadId.of(r.getString("lead_id")),
        d,
        d == null ? null : Columns.getInstant(r, "disposition_at"),
        new Conversation(
            r.getString("transcript"), r.getString("summary"), Json.map(r.getString("extracted"))),
        Columns.getInstant(r, "updated_at"));
  }
}
