package dev.dialkit.campaign;

import java.time.Instant;

/**
 * One entry of the append-only call log.
 *
 * @param sequence assigned by the store: increasing in append order, unique per store
 * @param tenant the campaign's tenant
 * @param campaignId the campaign
 * @param callId the call, or {@code null} for a campaign event
 * @param at when it happened: the provider's timestamp for status updates when it sent one,
 *     otherwise Dialkit's clock
 * @param event what happened
 * @param status the call status it concerns, or {@code null}
 * @param detail a human-readable line (never a full phone number)
 * @param provider the provider's name, or {@code null}
 * @param rawPayload the webhook body as received, or {@code null}
 */
public record CallLogEntry(
    long sequence,
    TenantId tenant,
    CampaignId campaignId,
    CallId callId,
    Instant at,
    CallLogEvent event,
    CallStatus status,
    String detail,
    String provider,
    String rawPayload) {

  public CallLogEntry {
    if (tenant == null || campaignId == null || at == null || event == null) {
      throw new IllegalArgumentException("log entry tenant, campaign, time and event are required");
    }
    detail = detail == null ? "" : detail;
  }

  /** An entry not yet stored (sequence 0). */
  public static CallLogEntry draft(
      Call call, Instant at, CallLogEvent event, CallStatus status, String detail, String raw) {
    return new CallLogEntry(
        0,
        call.tenant(),
        call.campaignId(),
        call.id(),
        at,
        event,
        status,
        detail,
        call.provider(),
        raw);
  }

  /** This entry with the sequence the store assigned. */
  public CallLogEntry withSequence(long sequence) {
    return new CallLogEntry(
        sequence, tenant, campaignId, callId, at, event, status, detail, provider, rawPayload);
  }
}
