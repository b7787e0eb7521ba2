package dev.dialkit.campaign;

import java.time.Instant;

/**
 * What a {@link DialkitListener} is told. Every event names its tenant and campaign and says when
 * it happened; campaign events carry the progress at that moment, so a dashboard needs nothing
 * else. Events are delivered off the dialing path, in order per listener.
 */
public sealed interface DialkitEvent {
  TenantId tenant();

  CampaignId campaignId();

  Instant occurredAt();

  /** An event about the campaign as a whole, with its progress. */
  sealed interface CampaignEvent extends DialkitEvent {
    CampaignProgress progress();

    @Override
    default TenantId tenant() {
      return progress().tenant();
    }

    @Override
    default CampaignId campaignId() {
      return progress().campaignId();
    }
  }

  /** The campaign was started. */
  record CampaignStarted(CampaignProgress progress, Instant occurredAt) implements CampaignEvent {}

  /** The campaign was paused; calls in progress continue. */
  record CampaignPaused(CampaignProgress progress, Instant occurredAt) implements CampaignEvent {}

  /** The campaign was resumed. */
  record CampaignResumed(CampaignProgress progress, Instant occurredAt) implements CampaignEvent {}

  /** Every lead reached a final state. */
  record CampaignCompleted(CampaignProgress progress, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign was canceled; {@code detail} says whether calls in progress were hung up. */
  record CampaignCanceled(CampaignProgress progress, String detail, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign failed for {@code reason}. */
  record CampaignFailed(CampaignProgress progress, String reason, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign's counters changed. */
  record ProgressUpdated(CampaignProgress progress, Instant occurredAt) implements CampaignEvent {}

  /** A call changed: it was initiated, placed, or its status moved. */
  record CallUpdated(Call call, CallStatus previousStatus, Instant occurredAt)
      implements DialkitEvent {
    @Override
    public TenantId tenant() {
      return call.tenant();
    }

    @Override
    public CampaignId campaignId() {
      return call.campaignId();
    }
  }
}
