package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import java.time.Duration;
import java.time.Instant;

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

  public CallStatusUpdate {
    if (status == null) {
      throw new IllegalArgumentException("status must not be null; use UNKNOWN with the raw value");
    }
    if (rawStatus == null) {
      throw new IllegalArgumentException("rawStatus must not be null");
    }
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException("duration must be >= 0, was " + duration);
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
