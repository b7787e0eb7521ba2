package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import java.time.Instant;

/**
 * The schedule rules of {@link CampaignStore#claimNext} and {@link CampaignStore#expireLeads}, for
 * store implementations, so that every store refuses and expires alike. A store that checks the
 * schedule in its query language instead must agree with these: start inclusive, end exclusive.
 */
public final class ScheduleRules {
  private ScheduleRules() {}

  /**
   * Whether a claim at {@code now} is refused with {@code OUTSIDE_SCHEDULE}: {@code now < start} or
   * {@code now >= end}. A null schedule refuses nothing.
   */
  public static boolean outside(CampaignSchedule schedule, Instant now) {
    return schedule != null && (schedule.notStarted(now) || schedule.ended(now));
  }

  /** Whether {@link CampaignStore#expireLeads} at {@code now} expires the queued leads. */
  public static boolean ended(CampaignSchedule schedule, Instant now) {
    return schedule != null && schedule.ended(now);
  }

  /** The counters that expiring {@code n} queued leads moves. */
  public static CounterDelta expiredDelta(long n) {
    return CounterDelta.of(Counter.LEADS_QUEUED, -n)
        .plus(Counter.LEADS_SKIPPED, n)
        .plus(Counter.LEADS_EXPIRED, n);
  }
}
