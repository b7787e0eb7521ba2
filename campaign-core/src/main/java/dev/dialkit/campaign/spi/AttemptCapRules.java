package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.LeadHold;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The attempt-cap rule every store applies inside {@link CampaignStore#claimNext}, in one place:
 * given when a number was called, may it be called now, and if not, from when.
 *
 * <p>A store gathers the creation times of the tenant's calls to the number (any campaign) created
 * after {@link #countedSince(Instant) now minus 24 hours}, leaving out calls released before they
 * were sent (status {@code CANCELED}, failure reason {@code NOT_DIALED}: no call reached the
 * network), and calls {@link #check}.
 */
public final class AttemptCapRules {
  /** The rolling window. */
  public static final Duration DAY = Duration.ofHours(24);

  private AttemptCapRules() {}

  /**
   * Why a lead is held back and until when.
   *
   * @param cap the cap that holds it (the later-ending one if both do)
   * @param allowedAt the first instant the caps allow a call
   */
  public record Held(LeadHold cap, Instant allowedAt) {}

  /** Calls created after this instant count: {@code now} minus 24 hours. */
  public static Instant countedSince(Instant now) {
    return now.minus(DAY);
  }

  /**
   * Whether {@code caps} hold a call to a number back at {@code now}.
   *
   * @param zone the lead's time zone, for the calendar day
   * @param callTimes creation times of the tenant's counted calls to the number; times at or before
   *     {@link #countedSince} are ignored. Times after {@code now} count: another instance whose
   *     clock runs ahead stamped them, and they are calls all the same (the fault simulator found
   *     numbers called twice under a cap of one when they were ignored)
   * @return empty if a call may be made now
   */
  public static Optional<Held> check(
      AttemptCaps caps, ZoneId zone, Instant now, Collection<Instant> callTimes) {
    if (caps.isNone() || callTimes.isEmpty()) {
      return Optional.empty();
    }
    Instant since = countedSince(now);
    List<Instant> recent = new ArrayList<>();
    for (Instant t : callTimes) {
      if (t.isAfter(since)) {
        recent.add(t);
      }
    }
    Collections.sort(recent);
    Held rolling = null;
    int n = caps.perRolling24Hours();
    if (n > 0 && recent.size() >= n) {
      // once the oldest calls but n - 1 have left the window, the cap allows another
      Instant leaves = recent.get(recent.size() - n).plus(DAY);
      rolling = new Held(LeadHold.ROLLING_24_HOUR_CAP, leaves);
    }
    Held daily = null;
    int m = caps.perCalendarDay();
    if (m > 0) {
      Instant today = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
      long calledToday = recent.stream().filter(t -> !t.isBefore(today)).count();
      if (calledToday >= m) {
        Instant tomorrow =
            now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        daily = new Held(LeadHold.CALENDAR_DAY_CAP, tomorrow);
      }
    }
    if (rolling == null) {
      return Optional.ofNullable(daily);
    }
    if (daily == null || !daily.allowedAt().isAfter(rolling.allowedAt())) {
      return Optional.of(rolling);
    }
    return Optional.of(daily);
  }
}
