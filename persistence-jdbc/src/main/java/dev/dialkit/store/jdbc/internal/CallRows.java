package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Calls: insert, the version compare-and-set, and reads. */
public final class CallRows {
  static final String COLUMNS =
      "id, tenant, campaign_id, lead_id, attempt, provider, provider_call_id, provider_request_id,"
          + " from_number, to_number, status, created_at, sent_at, ringing_at, answered_at, ended_at,"
          + " duration_nanos, billed_duration_nanos, failure_reason, hangup_cause, sip_code,"
          + " answered_by, recording_url, raw_status, last_sequence, version, updated_at";

  private static final String ACTIVE =
      Arrays.stream(CallStatus.values())
          .filter(s -> !s.isTerminal() && s != CallStatus.UNKNOWN)
          .map(s -> "'" + s.name() + "'")
          .collect(Collectors.joining(", ", "(", ")"));

  private final Tables t;

  public CallRows(Tables tables) {
    this.t = tables;
  }

  public void insert(Connection c, Call call) throws SQLException {
    insert(c, List.of(call));
  }

  /** Inserts the calls in one batch. */
  public void insert(Connection c, List<Call> calls) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO " + t.calls + " (" + COLUMNS + ") VALUES (?" + ", ?".repeat(26) + ")")) {
      for (Call call : calls) {
        s.setString(1, call.id().value());
        s.setString(2, call.tenant().value());
        s.setString(3, call.campaignId().value());
        s.setString(4, call.leadId().value());
        s.setInt(5, call.attempt());
        s.setString(6, call.provider());
        s.setString(7, call.providerCallId());
        s.setString(8, call.providerRequestId());
        s.setString(9, call.from().e164());
        s.setString(10, call.to().e164());
        bindMutable(s, 11, call);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * When the tenant's calls to each of {@code numbers} created after {@code since} were created,
   * leaving out calls released unsent: what {@link dev.dialkit.campaign.spi.AttemptCapRules}
   * counts. One statement, a range of the index {@code calls_number (tenant, to_number,
   * created_at)} per number.
   */
  public Map<PhoneNumber, List<Instant>> countedCallTimes(
      Connection c, TenantId tenant, List<PhoneNumber> numbers, Instant since) throws SQLException {
    Map<PhoneNumber, List<Instant>> times = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT to_number, created_at, status, failure_reason FROM "
                + t.calls
                + " WHERE tenant = ? AND to_number IN ("
                + "?, ".repeat(numbers.size() - 1)
                + "?) AND created_at > ?")) {
      int i = 1;
      s.setString(i++, tenant.value());
      for (PhoneNumber number : numbers) {
        s.setString(i++, number.e164());
      }
      s.setLong(i, Columns.micros(since));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          // filtered here rather than in SQL, where a NULL failure_reason would need care
          boolean releasedUnsent =
              CallStatus.CANCELED.name().equals(r.getString(3))
                  && FailureReason.NOT_DIALED.name().equals(r.getString(4));
          if (!releasedUnsent) {
            times
                .computeIfAbsent(PhoneNumber.of(r.getString(1)), n -> new ArrayList<>())
                .add(Columns.instant(r.getLong(2)));
          }
        }
      }
    }
    return times;
  }

  /**
   * The UPDATE of a call transition: it replaces the call only if the stored one has {@code
   * expectedVersion} and the same identity (tenant, campaign, lead, attempt) and, {@code withKey},
   * the dedupe key is not recorded for it yet. Parameters: see {@link #bindGuarded}.
   */
  String guardedUpdate(boolean withKey, String dedupeTable) {
    return "UPDATE "
        + t.calls
        + " SET provider_call_id = ?, provider_request_id = ?, status = ?, created_at = ?,"
        + " sent_at = ?, ringing_at = ?, answered_at = ?, ended_at = ?, duration_nanos = ?,"
        + " billed_duration_nanos = ?, failure_reason = ?, hangup_cause = ?, sip_code = ?,"
        + " answered_by = ?, recording_url = ?, raw_status = ?, last_sequence = ?,"
        + " version = ?, updated_at = ? WHERE id = ? AND version = ? AND tenant = ?"
        + " AND campaign_id = ? AND lead_id = ? AND attempt = ?"
        + (withKey
            ? " AND NOT EXISTS (SELECT 1 FROM "
                + dedupeTable
                + " d WHERE d.call_id = ? AND d.dedupe_key = ?)"
            : "");
  }

  /** Binds {@link #guardedUpdate}'s parameters from {@code first}; returns the next index. */
  static int bindGuarded(
      PreparedStatement s, int first, Call call, long expectedVersion, String key)
      throws SQLException {
    s.setString(first, call.providerCallId());
    s.setString(first + 1, call.providerRequestId());
    bindMutable(s, first + 2, call);
    int i = first + 19;
    s.setString(i++, call.id().value());
    s.setLong(i++, expectedVersion);
    s.setString(i++, call.tenant().value());
    s.setString(i++, call.campaignId().value());
    s.setString(i++, call.leadId().value());
    s.setInt(i++, call.attempt());
    if (key != null) {
      s.setString(i++, call.id().value());
      s.setString(i++, key);
    }
    return i;
  }

  /** Runs {@link #guardedUpdate}: whether the call was replaced. */
  public boolean guardedReplace(
      Connection c, Call call, long expectedVersion, String key, String dedupeTable)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(guardedUpdate(key != null, dedupeTable))) {
      bindGuarded(s, 1, call, expectedVersion, key);
      return s.executeUpdate() == 1;
    }
  }

  /** Binds status .. updatedAt (17 values) from {@code first}. */
  private static void bindMutable(PreparedStatement s, int first, Call call) throws SQLException {
    int i = first;
    s.setString(i++, call.status().name());
    Columns.setInstant(s, i++, call.createdAt());
    Columns.setInstant(s, i++, call.sentAt());
    Columns.setInstant(s, i++, call.ringingAt());
    Columns.setInstant(s, i++, call.answeredAt());
    Columns.setInstant(s, i++, call.endedAt());
    Columns.setDuration(s, i++, call.duration());
    Columns.setDuration(s, i++, call.billedDuration());
    s.setString(i++, Columns.name(call.failureReason()));
    s.setString(i++, call.hangupCause());
    s.setString(i++, call.sipCode());
    s.setString(i++, Columns.name(call.answeredBy()));
    s.setString(i++, call.recordingUrl());
    s.setString(i++, call.rawStatus());
    Columns.setLong(s, i++, call.lastSequence());
    s.setLong(i++, call.version());
    Columns.setInstant(s, i, call.updatedAt());
  }

  /** The call by id, whatever its tenant; locked until commit if {@code lock}. */
  public Optional<Call> find(Connection c, CallId id, boolean lock) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + t.calls
                + " WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, id.value());
      return one(s);
    }
  }

  public Optional<Call> findByProviderId(Connection c, String provider, String providerId)
      throws SQLException {
    for (String column : List.of("provider_call_id", "provider_request_id")) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM "
                  + t.calls
                  + " WHERE provider = ? AND "
                  + column
                  + " = ? ORDER BY claim_seq DESC LIMIT 1")) {
        s.setString(1, provider);
        s.setString(2, providerId);
        Optional<Call> found = one(s);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  public List<Call> active(Connection c, TenantId tenant, CampaignId campaign) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + t.calls
                + " WHERE campaign_id = ? AND status IN "
                + ACTIVE
                + " AND tenant = ? ORDER BY created_at, claim_seq")) {
      s.setString(1, campaign.value());
      s.setString(2, tenant.value());
      List<Call> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(map(r));
        }
      }
      return List.copyOf(out);
    }
  }

  private static Optional<Call> one(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.of(map(r)) : Optional.empty();
    }
  }

  static Call map(ResultSet r) throws SQLException {
    return new Call(
        CallId.of(r.getString("id")),
        TenantId.of(r.getString("tenant")),
        CampaignId.of(r.getString("campaign_id")),
        LeadId.of(r.getString("lead_id")),
        r.getInt("attempt"),
        r.getString("provider"),
        r.getString("provider_call_id"),
        r.getString("provider_request_id"),
        PhoneNumber.of(r.getString("from_number")),
        PhoneNumber.of(r.getString("to_number")),
        CallStatus.valueOf(r.getString("status")),
        Columns.getInstant(r, "created_at"),
        Columns.getInstant(r, "sent_at"),
        Columns.getInstant(r, "ringing_at"),
        Columns.getInstant(r, "answered_at"),
        Columns.getInstant(r, "ended_at"),
        Columns.getDuration(r, "duration_nanos"),
        Columns.getDuration(r, "billed_duration_nanos"),
        Columns.getEnum(r, "failure_reason", FailureReason.class),
        r.getString("hangup_cause"),
        r.getString("sip_code"),
        Columns.getEnum(r, "answered_by", AnsweredBy.class),
        r.getString("recording_url"),
        r.getString("raw_status"),
        Columns.getLong(r, "last_sequence"),
        r.getLong("version"),
        Columns.getInstant(r, "updated_at"));
  }
}
