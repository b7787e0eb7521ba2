package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.DialDecision.Reason;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The executor's side of a {@link CampaignSchedule}, run by the instance holding the campaign's
 * lease at each pass. Before the start the campaign waits {@code SCHEDULED} and a timed wake brings
 * the pass back at the start; from the end on it expires the queued leads (the store does it
 * atomically and refuses claims after the end anyway, so a stalled instance cannot dial) and
 * completes once the calls in progress have ended. Everything it decides comes from the stored spec
 * and the clock, so it survives restarts and holds on whichever instance leases the campaign.
 */
final class ScheduleGate {
  private final CampaignStore store;
  private final CampaignLifecycle lifecycle;
  private final DialDecisions decisions;
  private final Consumer<Instant> wakeAt;

  ScheduleGate(
      CampaignStore store,
      CampaignLifecycle lifecycle,
      DialDecisions decisions,
      Consumer<Instant> wakeAt) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.decisions = decisions;
    this.wakeAt = wakeAt;
  }

  /** Whether the campaign's schedule lets it dial at {@code now}; acts on it if not. */
  boolean admits(Campaign campaign, Instant now) {
    CampaignSchedule schedule = campaign.spec().schedule();
    if (schedule == null) {
      return true;
    }
    if (schedule.ended(now)) {
      long expired = store.expireLeads(campaign.tenant(), campaign.id(), now);
      if (expired > 0) {
        lifecycle.expired(campaign.tenant(), campaign.id(), expired, schedule.end());
      }
      lifecycle.completeIfDone(campaign.tenant(), campaign.id());
      return false;
    }
    if (schedule.notStarted(now)) {
      decisions.deferred(
          campaign.id(), Reason.SCHEDULE_NOT_STARTED, "schedule starts " + schedule.start(), now);
      lifecycle.scheduleUntil(campaign, "schedule starts " + schedule.start(), schedule.start());
      wakeAt.accept(schedule.start());
      return false;
    }
    if (schedule.end() != null) {
      wakeAt.accept(schedule.end()); // act on the end at once, not one poll later
    }
    return true;
  }
}
