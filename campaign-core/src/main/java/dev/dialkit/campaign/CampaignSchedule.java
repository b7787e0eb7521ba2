package dev.dialkit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a campaign may dial at all: from {@code start} (inclusive) to {@code end} (exclusive), on
 * top of its {@link CallingWindow}. A started campaign waits {@code SCHEDULED} until {@code start}
 * and then starts dialing by itself; at {@code end} it claims nothing more (the store refuses such
 * claims), lets the calls in progress finish and completes, its leads never dialed reported as
 * expired ({@link LeadHold#EXPIRED}, {@link Counter#LEADS_EXPIRED}).
 *
 * @param start the first instant it may dial, or {@code null} for as soon as it is started
 * @param end the instant from which it dials no more, or {@code null} for no end; after {@code
 *     start} when both are set
 */
public record CampaignSchedule(Instant start, Instant end) {

  public CampaignSchedule {
    if (start == null && end == null) {
      throw new InvalidConfigurationException(
          "schedule", null, "must have a start or an end (use no schedule instead)");
    }
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidConfigurationException(
          "schedule.end", end, "must be after schedule.start " + start);
    }
  }

  /** From {@code start} to {@code end}. */
  public static CampaignSchedule between(Instant start, Instant end) {
    InvalidConfigurationException.required("schedule.start", start);
    InvalidConfigurationException.required("schedule.end", end);
    return new CampaignSchedule(start, end);
  }

  /** From {@code start} on, with no end. */
  public static CampaignSchedule startingAt(Instant start) {
    return new CampaignSchedule(
        InvalidConfigurationException.required("schedule.start", start), null);
  }

  /** Until {@code end}, from the moment it is started. */
  public static CampaignSchedule endingAt(Instant end) {
    return new CampaignSchedule(null, InvalidConfigurationException.required("schedule.end", end));
  }

  /**
   * The days {@code first} to {@code last}, both included, in {@code zone}: from the start of
   * {@code first} to the start of the day after {@code last}.
   */
  public static CampaignSchedule dates(LocalDate first, LocalDate last, ZoneId zone) {
    InvalidConfigurationException.required("schedule.first", first);
    InvalidConfigurationException.required("schedule.last", last);
    InvalidConfigurationException.required("schedule.zone", zone);
    if (last.isBefore(first)) {
      throw new InvalidConfigurationException(
          "schedule.last", last, "must not be before schedule.first " + first);
    }
    return new CampaignSchedule(
        first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** Whether {@code now} is before the start. */
  public boolean notStarted(Instant now) {
    return start != null && now.isBefore(start);
  }

  /** Whether {@code now} is at or after the end. */
  public boolean ended(Instant now) {
    return end != null && !now.isBefore(end);
  }
}
