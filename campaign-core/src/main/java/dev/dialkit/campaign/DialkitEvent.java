package dev.dialkit.campaign;

import java.time.Instant;

/**
 * What a {@link DialkitListener} is told. Every event says when it happened; campaign and call
 * events name their tenant and campaign, and campaign events carry the progress at that moment, so
 * a dashboard needs nothing else. Events are delivered off the dialing path, in order per listener.
 */
public sealed interface DialkitEvent {
  Instant occurredAt();

  /** An event about one campaign. */
  sealed interface ScopedEvent extends DialkitEvent {
    TenantId tenant();

    CampaignId campaignId();
  }

  /** An event about the campaign as a whole, with its progress. */
  sealed interface CampaignEvent extends ScopedEvent {
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

  /**
   * The campaign was paused, by an operator or by itself ({@code reason} says which and why); calls
   * in progress continue.
   */
  record CampaignPaused(CampaignProgress progress, String reason, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign runs again: resumed by an operator, or its calling window opened. */
  record CampaignResumed(CampaignProgress progress, String reason, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign waits for its calling window, which opens next at {@code opensAt}. */
  record CampaignScheduled(CampaignProgress progress, Instant opensAt, Instant occurredAt)
      implements CampaignEvent {}

  /** Every lead reached a final state. */
  record CampaignCompleted(CampaignProgress progress, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign was canceled; {@code detail} says whether calls in progress were hung up. */
  record CampaignCanceled(CampaignProgress progress, String detail, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign failed for {@code reason}. */
  record CampaignFailed(CampaignProgress progress, String reason, Instant occurredAt)
      implements CampaignEvent {}

  /**
   * The campaign's schedule ended: {@code count} leads not yet done were set aside undialed ({@code
   * SKIPPED} with {@link LeadHold#EXPIRED}). Told by the instance that expired them; a lead queued
   * again later by a call that was still in progress at the end is told in another event.
   */
  record LeadsExpired(CampaignProgress progress, long count, Instant endedAt, Instant occurredAt)
      implements CampaignEvent {}

  /** The campaign's counters changed. */
  record ProgressUpdated(CampaignProgress progress, Instant occurredAt) implements CampaignEvent {}

  /**
   * A provider's circuit breaker changed state: {@code OPEN} means Dialkit stopped dialing through
   * it (leads stay queued), {@code HALF_OPEN} that it is trying again, {@code CLOSED} that it is
   * healthy.
   */
  record ProviderCircuitChanged(String provider, String from, String to, Instant occurredAt)
      implements DialkitEvent {}

  /**
   * The tenant's caller id {@code callerId} is rested until {@code until}: every campaign's
   * rotation skips it ({@link CallerIdHealth}); {@code reason} says why (the number in it is
   * masked). {@code callerId} is the tenant's own number, in full, for the host to act on; {@link
   * PhoneNumber#toString()} masks it in logs. Told once per rest, by the instance that rested it.
   */
  record CallerIdRested(
      TenantId tenant, PhoneNumber callerId, String reason, Instant until, Instant occurredAt)
      implements DialkitEvent {}

  /** The tenant's caller id {@code callerId} has rested its time and is used again. */
  record CallerIdRestored(TenantId tenant, PhoneNumber callerId, Instant occurredAt)
      implements DialkitEvent {}

  /**
   * The campaign has due leads but every one of its caller ids rests: it waits, dialing nothing,
   * until the first rest ends at {@code until}. Told once each time it starts waiting.
   */
  record CampaignAwaitingCallerIds(CampaignProgress progress, Instant until, Instant occurredAt)
      implements CampaignEvent {}

  /** A call changed: it was initiated, placed, or its status moved. */
  record CallUpdated(Call call, CallStatus previousStatus, Instant occurredAt)
      implements ScopedEvent {
    @Override
    public TenantId tenant() {
      return call.tenant();
    }

    @Override
    public CampaignId campaignId() {
      return call.campaignId();
    }
  }

  /**
   * A due lead was passed over at a claim: its number is on the tenant's do-not-call list (the lead
   * is now {@code SKIPPED}), or at an attempt cap (due again at its {@code nextAttemptAt}). The
   * lead's {@link Lead#hold()} says which.
   */
  record LeadPassedOver(Lead lead, Instant occurredAt) implements ScopedEvent {
    @Override
    public TenantId tenant() {
      return lead.tenant();
    }

    @Override
    public CampaignId campaignId() {
      return lead.campaignId();
    }
  }
}
