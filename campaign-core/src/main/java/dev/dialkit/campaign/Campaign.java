package dev.dialkit.campaign;

import java.time.Instant;

/**
 * A campaign as stored: its spec, status and counters. Stores return new instances; a campaign
 * never changes behind a caller's back.
 *
 * @param id the campaign's id
 * @param tenant its owner
 * @param spec what it does
 * @param status where it stands
 * @param counters its counters
 * @param createdAt when it was created
 * @param startedAt when it was first started, or {@code null}
 * @param endedAt when it reached a final status, or {@code null}
 * @param updatedAt when its status last changed
 */
public record Campaign(
    CampaignId id,
    TenantId tenant,
    CampaignSpec spec,
    CampaignStatus status,
    CampaignCounters counters,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    Instant updatedAt) {

  public Campaign {
    if (id == null || tenant == null || spec == null || status == null || counters == null) {
      throw new IllegalArgumentException(
          "campaign id, tenant, spec, status and counters are required");
    }
    if (createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("campaign createdAt and updatedAt are required");
    }
  }

  /** A new campaign in {@link CampaignStatus#DRAFT}. */
  public static Campaign draft(CampaignId id, TenantId tenant, CampaignSpec spec, Instant now) {
    return new Campaign(
        id, tenant, spec, CampaignStatus.DRAFT, CampaignCounters.ZERO, now, null, null, now);
  }

  /** This campaign in {@code next} status at {@code at}, stamping start and end times. */
  public Campaign withStatus(CampaignStatus next, Instant at) {
    Instant started = startedAt == null && next == CampaignStatus.RUNNING ? at : startedAt;
    Instant ended = next.isFinal() ? at : endedAt;
    return new Campaign(id, tenant, spec, next, counters, createdAt, started, ended, at);
  }

  /**
   * This completed campaign running again at {@code at}, for a callback its last call asked for
   * ({@code CampaignStore.scheduleCallback}): {@code RUNNING}, without an end time.
   */
  public Campaign reopened(Instant at) {
    return new Campaign(
        id, tenant, spec, CampaignStatus.RUNNING, counters, createdAt, startedAt, null, at);
  }

  /**
   * Whether the campaign is done by its counters: it is {@code RUNNING} or {@code SCHEDULED}, has
   * leads, and none is queued or in progress. What {@code CampaignStore.completeIfDone} checks.
   */
  public boolean isDone() {
    return (status == CampaignStatus.RUNNING || status == CampaignStatus.SCHEDULED)
        && counters.get(Counter.LEADS_TOTAL) > 0
        && counters.get(Counter.LEADS_QUEUED) == 0
        && counters.get(Counter.LEADS_IN_PROGRESS) == 0;
  }

  public Campaign withCounters(CampaignCounters counters) {
    return new Campaign(
        id, tenant, spec, status, counters, createdAt, startedAt, endedAt, updatedAt);
  }
}
