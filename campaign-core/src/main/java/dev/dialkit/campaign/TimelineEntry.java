package dev.dialkit.campaign;

import java.time.Instant;

/**
 * One entry of a campaign's or a call's timeline, as a dashboard shows it: the call-log entry with
 * the lead's name, its masked number and the caller id used. The provider's raw payload (which
 * holds full phone numbers) is included only when asked for.
 *
 * @param sequence the log sequence: a cursor for live tailing
 * @param campaignId the campaign
 * @param at when it happened (the provider's time for status updates when it sent one)
 * @param event what happened
 * @param status the call status concerned, or {@code null}
 * @param detail a readable line, never a full phone number
 * @param provider the provider's name, or {@code null} for a campaign event
 * @param callId the call, or {@code null} for a campaign event
 * @param callerId the caller id the call was placed from, or {@code null}
 * @param leadName the lead's name, or {@code null}
 * @param maskedNumber the number called with all but its last four digits masked, or {@code null}
 * @param rawPayload the webhook body as received, when asked for and there is one; else {@code
 *     null}
 */
public record TimelineEntry(
    long sequence,
    CampaignId campaignId,
    Instant at,
    CallLogEvent event,
    CallStatus status,
    String detail,
    String provider,
    CallId callId,
    String callerId,
    String leadName,
    String maskedNumber,
    String rawPayload) {}
