package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One status report about one call, as a provider parsed it from a webhook or a status query. A
 * provider fills only what it was told; every other field stays {@code null}. Dialkit applies it
 * through the call's state machine: only forward, once per {@link #dedupeKey(CallId)}.
 *
 * @param callId Dialkit's call id if the provider found it in the callback, or {@code null}
 *     (Dialkit then takes it from the callback URL, or finds the call by {@code providerCallId})
 * @param providerCallId the provider's id of the call, or {@code null}
 * @param providerRequestId the provider's id of the create request (Plivo), or {@code null}
 * @param status the mapped status; {@link CallStatus#UNKNOWN} for a status Dialkit does not know
 * @param rawStatus the status exactly as the provider sent it; never null
 * @param occurredAt when the provider says the event happened, or {@code null}
 * @param sequence the provider's per-call event sequence (Twilio {@code SequenceNumber}), or null
 * @param answeredAt when the provider says the call was answered, or {@code null}
 * @param endedAt when the provider says the call ended, or {@code null}
 * @param duration the provider's own talk-time field, or {@code null}
 * @param billedDuration the provider's billed duration, or {@code null}
 * @param failureReason the mapped failure reason for an unsuccessful end, or {@code null}
 * @param hangupCause the provider's hangup cause or error code, or {@code null}
 * @param sipCode the SIP response code, or {@code null}
 * @param answeredBy machine detection's verdict, or {@code null}
 * @param recordingUrl the recording, or {@code null}
 * @param rawPayload the body the update was parsed from, or {@code null}
 */
public record CallStatusUpdate(
    CallId callId,
    String providerCallId,
    String providerRequestId,
    CallStatus status,
    String rawStatus,
    Instant occurredAt,
    Long sequence,
    Instant answeredAt,
    Instant endedAt,
    Duration duration,
    Duration billedDuration,
    FailureReason failureReason,
    String hangupCause,
    String sipCode,
    AnsweredBy answeredBy,
    String recordingUrl,
    String rawPayload) {

  /**
   * The earliest instant an update may carry: 2000-01-01T00:00Z. Providers' clocks are in the
   * present; anything before is garbage or an attack, and would overflow later arithmetic.
   */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** The latest instant an update may carry, exclusive: 2200-01-01T00:00Z. */
  public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  /**
   * The instant range as it reads in a message: {@code from 2000-01-01 to before 2200-01-01 UTC}.
   */
  public static final String INSTANT_RANGE =
      "from "
          + LocalDate.ofInstant(EARLIEST, ZoneOffset.UTC)
          + " to before "
          + LocalDate.ofInstant(LATEST, ZoneOffset.UTC)
          + " UTC";

  /** The longest duration an update may carry: 7 days (no provider keeps a call that long). */
  public static final Duration MAX_DURATION = Duration.ofDays(7);

  /** The largest event sequence number an update may carry: 1,000,000,000. */
  public static final long MAX_SEQUENCE = 1_000_000_000L;

  /** The longest provider id (call or request) and raw status: 255 characters, as stored. */
  public static final int MAX_ID_LENGTH = 255;

  /** The longest hangup cause: 1,000 characters, as stored. */
  public static final int MAX_HANGUP_CAUSE_LENGTH = 1000;

  /** The longest SIP code: 40 characters, as stored. */
  public static final int MAX_SIP_CODE_LENGTH = 40;

  /** The longest recording URL: 2,000 characters, as stored. */
  public static final int MAX_RECORDING_URL_LENGTH = 2000;

  /**
   * Whether {@code t} is from {@link #EARLIEST} included to {@link #LATEST} excluded. A provider's
   * parser checks each instant it reads with this before building an update, so that it can reject
   * the value naming its own field; the constructor checks the same rule.
   */
  public static boolean instantInRange(Instant t) {
    return !t.isBefore(EARLIEST) && t.isBefore(LATEST);
  }

  /**
   * Whether {@code d} is from zero to {@link #MAX_DURATION}, both included. For a figure in whole
   * seconds, {@code durationInRange(Duration.ofSeconds(s))}: that conversion cannot overflow.
   */
  public static boolean durationInRange(Duration d) {
    return !d.isNegative() && d.compareTo(MAX_DURATION) <= 0;
  }

  /** Whether {@code n} is from 0 to {@link #MAX_SEQUENCE}, both included. */
  public static boolean sequenceInRange(long n) {
    return n >= 0 && n <= MAX_SEQUENCE;
  }

  /**
   * Checks every field against the ranges above, so that a value out of range (a hostile or broken
   * webhook, a provider's odd answer) is refused where it is parsed and never reaches arithmetic or
   * a store column it would not fit.
   *
   * @throws IllegalArgumentException naming the field and the bounds
   */
  public CallStatusUpdate {
    if (status == null) {
      throw new IllegalArgumentException("status must not be null; use UNKNOWN with the raw value");
    }
    if (rawStatus == null) {
      throw new IllegalArgumentException("rawStatus must not be null");
    }
    within("occurredAt", occurredAt);
    within("answeredAt", answeredAt);
    within("endedAt", endedAt);
    within("duration", duration);
    within("billedDuration", billedDuration);
    if (sequence != null && !sequenceInRange(sequence)) {
      throw new IllegalArgumentException(
          "sequence must be between 0 and " + MAX_SEQUENCE + ", was " + sequence);
    }
    longest("rawStatus", rawStatus, MAX_ID_LENGTH);
    longest("providerCallId", providerCallId, MAX_ID_LENGTH);
    longest("providerRequestId", providerRequestId, MAX_ID_LENGTH);
    longest("hangupCause", hangupCause, MAX_HANGUP_CAUSE_LENGTH);
    longest("sipCode", sipCode, MAX_SIP_CODE_LENGTH);
    longest("recordingUrl", recordingUrl, MAX_RECORDING_URL_LENGTH);
  }

  private static void within(String field, Instant value) {
    if (value != null && !instantInRange(value)) {
      throw new IllegalArgumentException(
          field + " must be from " + EARLIEST + " to before " + LATEST + ", was " + value);
    }
  }

  private static void within(String field, Duration value) {
    if (value != null && !durationInRange(value)) {
      throw new IllegalArgumentException(
          field + " must be between 0 and " + MAX_DURATION + ", was " + value);
    }
  }

  private static void longest(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, was " + value.length());
    }
  }

  /**
   * The key that makes applying this update idempotent: the call, the provider's raw status and,
   * where the provider numbers its events, the sequence. Two deliveries of the same webhook share
   * it.
   */
  public String dedupeKey(CallId call) {
    return call.value() + "|" + rawStatus + (sequence == null ? "" : "|" + sequence);
  }

  public static Builder builder(CallStatus status, String rawStatus) {
    return new Builder(status, rawStatus);
  }

  /** Builds an update; only {@code status} and {@code rawStatus} are required. */
  public static final class Builder {
    private CallId callId;
    private String providerCallId;
    private String providerRequestId;
    private final CallStatus status;
    private final String rawStatus;
    private Instant occurredAt;
    private Long sequence;
    private Instant answeredAt;
    private Instant endedAt;
    private Duration duration;
    private Duration billedDuration;
    private FailureReason failureReason;
    private String hangupCause;
    private String sipCode;
    private AnsweredBy answeredBy;
    private String recordingUrl;
    private String rawPayload;

    private Builder(CallStatus status, String rawStatus) {
      this.status = status;
      this.rawStatus = rawStatus;
    }

    public Builder callId(CallId v) {
      callId = v;
      return this;
    }

    public Builder providerCallId(String v) {
      providerCallId = v;
      return this;
    }

    public Builder providerRequestId(String v) {
      providerRequestId = v;
      return this;
    }

    public Builder occurredAt(Instant v) {
      occurredAt = v;
      return this;
    }

    public Builder sequence(Long v) {
      sequence = v;
      return this;
    }

    public Builder answeredAt(Instant v) {
      answeredAt = v;
      return this;
    }

    public Builder endedAt(Instant v) {
      endedAt = v;
      return this;
    }

    public Builder duration(Duration v) {
      duration = v;
      return this;
    }

    public Builder billedDuration(Duration v) {
      billedDuration = v;
      return this;
    }

    public Builder failureReason(FailureReason v) {
      failureReason = v;
      return this;
    }

    public Builder hangupCause(String v) {
      hangupCause = v;
      return this;
    }

    public Builder sipCode(String v) {
      sipCode = v;
      return this;
    }

    public Builder answeredBy(AnsweredBy v) {
      answeredBy = v;
      return this;
    }

    public Builder recordingUrl(String v) {
      recordingUrl = v;
      return this;
    }

    public Builder rawPayload(String v) {
      rawPayload = v;
      return this;
    }

    public CallStatusUpdate build() {
      return new CallStatusUpdate(
          callId,
          providerCallId,
          providerRequestId,
          status,
          rawStatus,
          occurredAt,
          sequence,
          answeredAt,
          endedAt,
          duration,
          billedDuration,
          failureReason,
          hangupCause,
          sipCode,
          answeredBy,
          recordingUrl,
          rawPayload);
    }
  }
}
