package dev.dialkit.campaign;

import java.time.Instant;

/**
 * What a call achieved beyond its telephony status: the disposition recorded for it and what the
 * agent learned. Returned by {@link Calls#outcome}; stored apart from the call, so that the hot
 * status updates never carry it.
 *
 * @param callId the call
 * @param tenant its tenant
 * @param campaignId its campaign
 * @param leadId its lead
 * @param disposition the last disposition recorded, or {@code null}
 * @param dispositionAt when it was recorded (Dialkit's clock), or {@code null}
 * @param conversation what the agent learned; empty when nothing was reported
 * @param updatedAt when any of it last changed (Dialkit's clock)
 */
public record CallOutcome(
    CallId callId,
    TenantId tenant,
    CampaignId campaignId,
    LeadId leadId,
    Disposition disposition,
    Instant dispositionAt,
    Conversation conversation,
    Instant updatedAt) {

  public CallOutcome {
    if (callId == null || tenant == null || campaignId == null || leadId == null) {
      throw new IllegalArgumentException(
          "call outcome call, tenant, campaign and lead are required");
    }
    if (updatedAt == null) {
      throw new IllegalArgumentException("call outcome updatedAt is required");
    }
    if ((disposition == null) != (dispositionAt == null)) {
      throw new IllegalArgumentException("call outcome disposition and dispositionAt go together");
    }
    conversation = conversation == null ? new Conversation(null, null, null) : conversation;
  }

  /** An outcome of {@code call} with nothing recorded yet. */
  public static CallOutcome empty(Call call, Instant at) {
    return new CallOutcome(
        call.id(), call.tenant(), call.campaignId(), call.leadId(), null, null, null, at);
  }

  /** This outcome with {@code d} recorded at {@code at}. */
  public CallOutcome withDisposition(Disposition d, Instant at) {
    return new CallOutcome(callId, tenant, campaignId, leadId, d, at, conversation, at);
  }

  /** This outcome with {@code c} laid over its conversation at {@code at}. */
  public CallOutcome withConversation(Conversation c, Instant at) {
    return new CallOutcome(
        callId,
        tenant,
        campaignId,
        leadId,
        disposition,
        dispositionAt,
        conversation.mergedWith(c),
        at);
  }
}
