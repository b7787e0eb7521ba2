package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a campaign may call: from {@code start} to {@code end} local time on {@code days}, checked
 * in each lead's own time zone, or in {@code zone} for a lead whose zone is unknown. An overnight
 * window ({@code 20:00} to {@code 02:00}) must say so, and its {@code days} are the days it opens.
 * Around daylight-saving changes the window follows the wall clock: a start that falls in a gap
 * opens at the first instant after it.
 *
 * @param start the local opening time
 * @param end the local closing time (exclusive); after {@code start} unless {@code overnight}
 * @param days the days the window opens; not empty
 * @param zone the zone for leads without one of their own
 * @param overnight the window closes on the day after it opens
 */
public record CallingWindow(
    LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone, boolean overnight) {

  private static final CallingWindow ALWAYS =
      new CallingWindow(
          LocalTime.MIDNIGHT,
          LocalTime.MAX,
          EnumSet.allOf(DayOfWeek.class),
          ZoneId.of("UTC"),
          false);

  public CallingWindow {
    InvalidConfigurationException.required("callingWindow.start", start);
    InvalidConfigurationException.required("callingWindow.end", end);
    InvalidConfigurationException.required("callingWindow.zone", zone);
    if (days == null || days.isEmpty()) {
      throw new InvalidConfigurationException(
          "callingWindow.days", days, "must hold at least one day");
    }
    // not days.contains(null): immutable sets throw on it
    for (DayOfWeek day : days) {
      InvalidConfigurationException.required("callingWindow.days", day);
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    if (!overnight && !end.isAfter(start)) {
      throw new InvalidConfigurationException(
          "callingWindow.end",
          end,
          "must be after start " + start + " (use overnight() for a window past midnight)");
    }
    if (overnight && !end.isBefore(start)) {
      throw new InvalidConfigurationException(
          "callingWindow.end", end, "must be before start " + start + " for an overnight window");
    }
  }

  /**
   * US federal rule: 8:00 to 21:00 every day in the called party's local time (47 CFR
   * 64.1200(c)(1), FCC, under the TCPA; also the FTC's Telemarketing Sales Rule, 16 CFR 310.4(c)).
   * Checked in each lead's zone; combine with a campaign's own window with {@link #narrowedBy}. Not
   * legal advice: states may be stricter (see {@link #florida()}).
   */
  public static CallingWindow usFederal() {
    return daily("08:00", "21:00");
  }

  /**
   * Florida: 8:00 to 20:00 every day in the called party's local time, from the 2021 amendment of
   * the Florida Telemarketing Act (SB 1120; Fla. Stat. 501.616(6)(a) per secondary sources; verify
   * against the statute in force). Florida also caps calls at 3 per 24 hours: pair this with {@link
   * AttemptCaps#florida()}.
   */
  public static CallingWindow florida() {
    return daily("08:00", "20:00");
  }

  /**
   * India: 9:00 to 21:00 every day in the called party's local time. No primary legal source sets
   * these hours (TRAI's TCCCPR 2018 regulates consent and the DND register, not the time of day);
   * they are the default of Indian calling platforms, offered as a documented convention.
   */
  public static CallingWindow india() {
    return daily("09:00", "21:00");
  }

  /**
   * The times both this window and {@code other} are open (the narrower wins on every side), with
   * this window's zone for leads without one: how a campaign's own window is combined with a legal
   * preset, e.g. {@code CallingWindow.daily("07:00", "22:00").weekdays()
   * .narrowedBy(CallingWindow.usFederal())} is 8:00 to 21:00 on weekdays.
   *
   * @throws InvalidConfigurationException if the two are never open together, or together only in a
   *     shape one window cannot hold (twice a day, or different hours on different days: an
   *     overnight window narrowed by a daytime one that it overlaps at both ends)
   */
  public CallingWindow narrowedBy(CallingWindow other) {
    InvalidConfigurationException.required("callingWindow.narrowedBy", other);
    return dev.dialkit.campaign.internal.WindowIntersection.of(this, other, zone);
  }

  /** Any time, any day. */
  public static CallingWindow always() {
    return ALWAYS;
  }

  /**
   * Every day from {@code start} to {@code end} ({@code "HH:mm"}), in each lead's zone, UTC for
   * leads without one (change with {@link #in(String)}).
   *
   * @throws InvalidConfigurationException if a time cannot be parsed or end is not after start
   */
  public static CallingWindow daily(String start, String end) {
    return new CallingWindow(
        time("callingWindow.start", start),
        time("callingWindow.end", end),
        EnumSet.allOf(DayOfWeek.class),
        ZoneId.of("UTC"),
        false);
  }

  /**
   * Every night from {@code start} to {@code end} ({@code "HH:mm"}) the next morning.
   *
   * @throws InvalidConfigurationException if a time cannot be parsed or end is not before start
   */
  public static CallingWindow overnight(String start, String end) {
    return new CallingWindow(
        time("callingWindow.start", start),
        time("callingWindow.end", end),
        EnumSet.allOf(DayOfWeek.class),
        ZoneId.of("UTC"),
        true);
  }

  private static LocalTime time(String field, String text) {
    try {
      return LocalTime.parse(InvalidConfigurationException.required(field, text));
    } catch (DateTimeParseException e) {
      throw new InvalidConfigurationException(
          field, Untrusted.quote(text), "must be a time as HH:mm");
    }
  }

  /**
   * This window on {@code days} only.
   *
   * @throws InvalidConfigurationException if no day is given, or one is null or repeated
   */
  public CallingWindow on(DayOfWeek... days) {
    InvalidConfigurationException.required("callingWindow.days", days);
    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : days) {
      InvalidConfigurationException.required("callingWindow.days", day);
      if (!set.add(day)) {
        // a repeated day is a mistake in the caller's list, as Set.of always treated it
        throw new InvalidConfigurationException("callingWindow.days", day, "must not repeat a day");
      }
    }
    return new CallingWindow(start, end, set, zone, overnight);
  }

  /** This window Monday to Friday. */
  public CallingWindow weekdays() {
    return on(
        DayOfWeek.MONDAY,
        DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY);
  }

  /**
   * This window with {@code zoneId} for leads without a zone of their own.
   *
   * @throws InvalidConfigurationException if the zone is unknown
   */
  public CallingWindow in(String zoneId) {
    try {
      return new CallingWindow(start, end, days, ZoneId.of(zoneId), overnight);
    } catch (DateTimeException | NullPointerException e) {
      throw new InvalidConfigurationException(
          "callingWindow.zone", Untrusted.quote(zoneId), "must be a known time zone");
    }
  }

  /**
   * Whether this window is open at {@code at} in {@code leadZone} ({@code null}: {@link #zone}).
   */
  public boolean isOpen(Instant at, ZoneId leadZone) {
    if (equals(ALWAYS)) {
      return true;
    }
    ZonedDateTime local = at.atZone(leadZone == null ? zone : leadZone);
    LocalDate today = local.toLocalDate();
    return openOn(today, local) || (overnight && openOn(today.minusDays(1), local));
  }

  private boolean openOn(LocalDate day, ZonedDateTime local) {
    if (!days.contains(day.getDayOfWeek())) {
      return false;
    }
    ZonedDateTime opens = ZonedDateTime.of(day, start, local.getZone());
    ZonedDateTime closes =
        ZonedDateTime.of(overnight ? day.plusDays(1) : day, end, local.getZone());
    return !local.isBefore(opens) && local.isBefore(closes);
  }

  /**
   * The first instant at or after {@code at} when this window is open in {@code leadZone} ({@code
   * null}: {@link #zone}); {@code at} itself if it is open then.
   */
  public Instant nextOpening(Instant at, ZoneId leadZone) {
    if (isOpen(at, leadZone)) {
      return at;
    }
    ZoneId z = leadZone == null ? zone : leadZone;
    LocalDate day = at.atZone(z).toLocalDate().minusDays(1);
    // at most a week ahead: some day of it is in days
    for (int i = 0; i < 9; i++, day = day.plusDays(1)) {
      if (days.contains(day.getDayOfWeek())) {
        Instant opens = ZonedDateTime.of(day, start, z).toInstant();
        if (!opens.isBefore(at)) {
          return opens;
        }
      }
    }
    throw new IllegalStateException("no opening within a week of " + at + " for " + this);
  }
}
