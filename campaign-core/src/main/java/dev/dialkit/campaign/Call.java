package dev.dialkit.campaign;

import java.time.Duration;
import java.time.Instant;

/**
 * One call attempt on one lead, as stored. Every time and figure comes from the provider; where the
 * provider said nothing, the field is {@code null}. Nothing here is estimated.
 *
 * @param id Dialkit's id, {@code <leadId>.<attempt>}
 * @param tenant the campaign's tenant
 * @param campaignId the campaign
 * @param leadId the lead dialed
 * @param attempt 1 for the first call to the lead
 * @param provider the name of the provider that places it
 * @param providerCallId the provider's id of the call, once known, or {@code null}
 * @param providerRequestId the provider's id of the create request where it differs from the call
 *     id (Plivo's {@code request_uuid}), or {@code null}
 * @param from the caller id used
 * @param to the number dialed
 * @param status the state machine's current state
 * @param createdAt when Dialkit claimed the lead for this call (Dialkit's clock)
 * @param sentAt when the store granted the dial permit (Dialkit's clock): from then on the create
 *     request may have reached the provider. {@code null} while the call was never permitted: such
 *     a call certainly never reached the provider and may be released with its attempt refunded
 * @param ringingAt when the provider said it rang, or {@code null}
 * @param answeredAt when the provider said it was answered, or {@code null}
 * @param endedAt when the provider said it ended, or {@code null}
 * @param duration talk time: ended minus answered from the provider's timestamps, else the
 *     provider's duration field; zero for a call never answered; {@code null} if unknown
 * @param billedDuration the duration the provider bills, or {@code null}
 * @param failureReason why it did not reach anyone, or {@code null}
 * @param hangupCause the provider's hangup cause or error code as it sent it, or {@code null}
 * @param sipCode the SIP response code, or {@code null}
 * @param answeredBy who answered, as machine detection said, or {@code null}
 * @param recordingUrl the recording, or {@code null}
 * @param rawStatus the provider's last applied status as it sent it, or {@code null}
 * @param lastSequence the provider's sequence number of the last applied update, or {@code null}
 * @param version incremented by every change; stores compare-and-set on it
 * @param updatedAt when Dialkit last changed it (Dialkit's clock)
 */
public record Call(
    CallId id,
    TenantId tenant,
    CampaignId campaignId,
    LeadId leadId,
    int attempt,
    String provider,
    String providerCallId,
    String providerRequestId,
    PhoneNumber from,
    PhoneNumber to,
    CallStatus status,
    Instant createdAt,
    Instant sentAt,
    Instant ringingAt,
    Instant answeredAt,
    Instant endedAt,
    Duration duration,
    Duration billedDuration,
    FailureReason failureReason,
    String hangupCause,
    String sipCode,
    AnsweredBy answeredBy,
    String recordingUrl,
    String rawStatus,
    Long lastSequence,
    long version,
    Instant updatedAt) {

  public Call {
    if (id == null || tenant == null || campaignId == null || leadId == null) {
      throw new IllegalArgumentException("call id, tenant, campaign and lead are required");
    }
    if (provider == null || from == null || to == null || status == null) {
      throw new IllegalArgumentException("call provider, from, to and status are required");
    }
    if (status == CallStatus.UNKNOWN) {
      throw new IllegalArgumentException("a call is never in status UNKNOWN");
    }
    if (createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("call createdAt and updatedAt are required");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("call attempt must be >= 1, was " + attempt);
    }
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException("call duration must be >= 0, was " + duration);
    }
  }

  /** A new call in {@link CallStatus#INITIATED}, version 1. */
  public static Call initiated(
      Lead lead, int attempt, String provider, PhoneNumber from, Instant now) {
    return new Call(
        CallId.forAttempt(lead.id(), attempt),
        lead.tenant(),
        lead.campaignId(),
        lead.id(),
        attempt,
        provider,
        null,
        null,
        from,
        lead.phone(),
        CallStatus.INITIATED,
        now,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        1,
        now);
  }

  /**
   * Whether the call was claimed but never permitted: the provider certainly never received its
   * create request, so it may be released and its lead requeued with the attempt refunded.
   */
  public boolean isUnsent() {
    return status == CallStatus.INITIATED && sentAt == null;
  }

  /**
   * Whether the create request may have reached the provider but nothing from the provider was
   * recorded yet (no provider id, no progress): its outcome is unknown until the provider is asked.
   */
  public boolean awaitsProvider() {
    return status == CallStatus.INITIATED
        && sentAt != null
        && providerCallId == null
        && providerRequestId == null;
  }

  /** A builder holding this call's values, for making a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Makes changed copies of a {@link Call}. */
  public static final class Builder {
    private final Call base;
    private String providerCallId;
    private String providerRequestId;
    private CallStatus status;
    private Instant sentAt;
    private Instant ringingAt;
    private Instant answeredAt;
    private Instant endedAt;
    private Duration duration;
    private Duration billedDuration;
    private FailureReason failureReason;
    private String hangupCause;
    private String sipCode;
    private AnsweredBy answeredBy;
    private String recordingUrl;
    private String rawStatus;
    private Long lastSequence;
    private long version;
    private Instant updatedAt;

    private Builder(Call c) {
      base = c;
      providerCallId = c.providerCallId;
      providerRequestId = c.providerRequestId;
      status = c.status;
      sentAt = c.sentAt;
      ringingAt = c.ringingAt;
      answeredAt = c.answeredAt;
      endedAt = c.endedAt;
      duration = c.duration;
      billedDuration = c.billedDuration;
      failureReason = c.failureReason;
      hangupCause = c.hangupCause;
      sipCode = c.sipCode;
      answeredBy = c.answeredBy;
      recordingUrl = c.recordingUrl;
      rawStatus = c.rawStatus;
      lastSequence = c.lastSequence;
      version = c.version;
      updatedAt = c.updatedAt;
    }

    public Builder providerCallId(String v) {
      providerCallId = v;
      return this;
    }

    public Builder providerRequestId(String v) {
      providerRequestId = v;
      return this;
    }

    public Builder status(CallStatus v) {
      status = v;
      return this;
    }

    public Builder sentAt(Instant v) {
      sentAt = v;
      return this;
    }

    public Builder ringingAt(Instant v) {
      ringingAt = v;
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

    public Builder rawStatus(String v) {
      rawStatus = v;
      return this;
    }

    public Builder lastSequence(Long v) {
      lastSequence = v;
      return this;
    }

    /** Bumps the version by one and stamps {@code updatedAt}. */
    public Builder nextVersion(Instant now) {
      version = base.version + 1;
      updatedAt = now;
      return this;
    }

    public Call build() {
      return new Call(
          base.id,
          base.tenant,
          base.campaignId,
          base.leadId,
          base.attempt,
          base.provider,
          providerCallId,
          providerRequestId,
          base.from,
          base.to,
          status,
          base.createdAt,
          sentAt,
          ringingAt,
          answeredAt,
          endedAt,
          duration,
          billedDuration,
          failureReason,
          hangupCause,
          sipCode,
          answeredBy,
          recordingUrl,
          rawStatus,
          lastSequence,
          version,
          updatedAt);
    }
  }
}
