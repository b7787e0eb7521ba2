package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallingWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Calling-window arithmetic for pacing, in one zone (the window's own {@link
 * CallingWindow#zone()}): how long the window is open between two instants, and when the opening
 * under way closes. Each opening is {@code [day start, day end)} (the day after for an overnight
 * window) on each of the window's days, following the wall clock across daylight-saving changes as
 * {@link CallingWindow#isOpen} does.
 */
final class WindowTime {
  /** The most days summed: a deadline further away than this counts as this far. */
  static final int MAX_DAYS = 400;

  private WindowTime() {}

  /** The time {@code window} is open in {@code zone} within {@code [from, to)}. */
  static Duration openBetween(CallingWindow window, ZoneId zone, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration open = Duration.ZERO;
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS && !day.isAfter(last); i++, day = day.plusDays(1)) {
      if (!window.days().contains(day.getDayOfWeek())) {
        continue;
      }
      Instant opens = opens(window, zone, day);
      Instant closes = closes(window, zone, day);
      Instant a = opens.isAfter(from) ? opens : from;
      Instant b = closes.isBefore(to) ? closes : to;
      if (b.isAfter(a)) {
        open = open.plus(Duration.between(a, b));
      }
    }
    return open;
  }

  /** When the opening of {@code window} under way at {@code at} closes, or null if it is shut. */
  static Instant closeOf(CallingWindow window, ZoneId zone, Instant at) {
    LocalDate today = at.atZone(zone).toLocalDate();
    for (LocalDate day : new LocalDate[] {today.minusDays(1), today}) {
      if (window.days().contains(day.getDayOfWeek())
          && !at.isBefore(opens(window, zone, day))
          && at.isBefore(closes(window, zone, day))) {
        return closes(window, zone, day);
      }
    }
    return null;
  }

  private static Instant opens(CallingWindow window, ZoneId zone, LocalDate day) {
    return ZonedDateTime.of(day, window.start(), zone).toInstant();
  }

  private static Instant closes(CallingWindow window, ZoneId zone, LocalDate day) {
    return ZonedDateTime.of(window.overnight() ? day.plusDays(1) : day, window.end(), zone)
        .toInstant();
  }
}
