package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignNotFoundException;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves campaigns between statuses through the store's compare-and-set, and announces each move in
 * the call log and as an event. Completion is detected here: a started campaign with leads, none of
 * them queued or in progress, is completed by whichever instance notices first.
 */
final class CampaignLifecycle {
  private static final Logger log = LoggerFactory.getLogger(CampaignLifecycle.class);
  private static final Set<CampaignStatus> COMPLETABLE =
      EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.SCHEDULED);

  private final CampaignStore store;
  private final Clock clock;
  private final EventPublisher events;

  CampaignLifecycle(CampaignStore store, Clock clock, EventPublisher events) {
    this.store = store;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Moves the campaign to {@code next} if it is in {@code expected}.
   *
   * @throws CampaignNotFoundException if the tenant has no such campaign
   * @throws IllegalCampaignStateException if it is in another status
   */
  Campaign move(
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      String operation,
      String detail) {
    Optional<Campaign> moved = tryMove(tenant, id, expected, next, detail, null);
    if (moved.isEmpty()) {
      Campaign current =
          store
              .findCampaign(tenant, id)
              .orElseThrow(() -> new CampaignNotFoundException(tenant, id));
      throw new IllegalCampaignStateException(id, operation, current.status(), expected);
    }
    return moved.get();
  }

  /**
   * A running campaign that cannot dial before {@code at} (its calling window or its schedule has
   * not opened) becomes {@code SCHEDULED} until then; one in any other status is left as it is.
   */
  void scheduleUntil(Campaign campaign, String detail, Instant at) {
    if (campaign.status() == CampaignStatus.RUNNING) {
      tryMove(
          campaign.tenant(),
          campaign.id(),
          EnumSet.of(CampaignStatus.RUNNING),
          CampaignStatus.SCHEDULED,
          detail,
          at);
    }
  }

  /**
   * Moves the campaign to {@code next} if it is in {@code expected}, announcing the move; empty if
   * it was not (another instance or operator got there first).
   *
   * @param opensAt for {@code SCHEDULED}: when the calling window opens next
   */
  Optional<Campaign> tryMove(
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      String detail,
      Instant opensAt) {
    Instant now = clock.instant();
    Optional<Campaign> moved = store.transitionCampaign(tenant, id, expected, next, now);
    moved.ifPresent(c -> announce(c, expected, detail, opensAt, now));
    return moved;
  }

  /**
   * Completes the campaign if it has leads and none is queued or in progress. The store decides
   * atomically, so a lead added concurrently is either refused or keeps the campaign running; the
   * read before it only spares the store a write when the campaign is plainly not done.
   */
  /**
   * Announces that a completed campaign runs again (the store reopened it with a callback): a
   * {@code CAMPAIGN_STATUS} log entry and a {@code CampaignResumed} event.
   */
  void reopened(TenantId tenant, CampaignId id, String detail) {
    Instant now = clock.instant();
    store
        .findCampaign(tenant, id)
        .ifPresent(c -> announce(c, Set.of(CampaignStatus.COMPLETED), detail, null, now));
  }

  /** Tells listeners (and the log) about the due leads a claim passed over. */
  void passedOver(List<Lead> leads) {
    Instant now = clock.instant();
    for (Lead lead : leads) {
      log.info(
          "campaign {}: lead {} ({}) passed over: {}, due {}",
          lead.campaignId(),
          lead.id(),
          lead.phone().masked(),
          lead.hold(),
          lead.nextAttemptAt());
      events.publish(new DialkitEvent.LeadPassedOver(lead, now));
    }
    if (!leads.isEmpty()) {
      events.progressChanged(leads.get(0).tenant(), leads.get(0).campaignId());
    }
  }

  /**
   * Announces that {@code count} leads expired at the campaign's schedule end {@code endedAt} (the
   * store already moved them), then completes the campaign if nothing is left in progress.
   */
  void expired(TenantId tenant, CampaignId id, long count, Instant endedAt) {
    Instant now = clock.instant();
    log.info("campaign {} of tenant {}: schedule ended, {} leads expired", id, tenant, count);
    store.appendLog(
        List.of(
            new CallLogEntry(
                0,
                tenant,
                id,
                null,
                now,
                CallLogEvent.CAMPAIGN_STATUS,
                null,
                "schedule ended at " + endedAt + ": " + count + " leads expired",
                null,
                null)));
    store
        .findCampaign(tenant, id)
        .ifPresent(
            c ->
                events.publish(
                    new DialkitEvent.LeadsExpired(events.progress(c, now), count, endedAt, now)));
  }

  void completeIfDone(TenantId tenant, CampaignId id) {
    Optional<Campaign> campaign = store.findCampaign(tenant, id);
    if (campaign.isEmpty() || !campaign.get().isDone()) {
      return;
    }
    Instant now = clock.instant();
    store
        .completeIfDone(tenant, id, now)
        .ifPresent(
            done -> announce(done, COMPLETABLE, "every lead reached a final state", null, now));
  }

  private void announce(
      Campaign campaign, Set<CampaignStatus> from, String detail, Instant opensAt, Instant now) {
    log.info(
        "campaign {} of tenant {} is now {}", campaign.id(), campaign.tenant(), campaign.status());
    store.appendLog(
        List.of(
            new CallLogEntry(
                0,
                campaign.tenant(),
                campaign.id(),
                null,
                now,
                CallLogEvent.CAMPAIGN_STATUS,
                null,
                campaign.status() + (detail == null ? "" : ": " + detail),
                null,
                null)));
    CampaignProgress progress = events.progress(campaign, now);
    DialkitEvent event =
        switch (campaign.status()) {
          case RUNNING ->
              from.contains(CampaignStatus.DRAFT)
                  ? new DialkitEvent.CampaignStarted(progress, now)
                  : new DialkitEvent.CampaignResumed(progress, detail, now);
          case PAUSED -> new DialkitEvent.CampaignPaused(progress, detail, now);
          case SCHEDULED -> new DialkitEvent.CampaignScheduled(progress, opensAt, now);
          case COMPLETED -> new DialkitEvent.CampaignCompleted(progress, now);
          case CANCELED -> new DialkitEvent.CampaignCanceled(progress, detail, now);
          case FAILED -> new DialkitEvent.CampaignFailed(progress, detail, now);
          case DRAFT -> new DialkitEvent.ProgressUpdated(progress, now);
        };
    events.publish(event);
  }
}
