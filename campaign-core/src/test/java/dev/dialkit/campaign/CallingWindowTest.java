package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallingWindowTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  @Test
  void isCheckedInTheLeadsOwnZone() {
    CallingWindow w = CallingWindow.daily("09:00", "18:00");
    Instant noonUtc = Instant.parse("2026-03-04T12:00:00Z"); // Wednesday
    assertThat(w.isOpen(noonUtc, NEW_YORK)).as("07:00 in New York").isFalse();
    assertThat(w.isOpen(noonUtc, KOLKATA)).as("17:30 in Kolkata").isTrue();
    assertThat(w.isOpen(noonUtc, null)).as("the window's own zone, UTC").isTrue();
    assertThat(w.nextOpening(noonUtc, NEW_YORK)).isEqualTo(Instant.parse("2026-03-04T14:00:00Z"));
    assertThat(w.nextOpening(noonUtc, KOLKATA)).isEqualTo(noonUtc);
  }

  @Test
  void endIsExclusiveAndTheNextOpeningMayBeTomorrow() {
    CallingWindow w = CallingWindow.daily("09:00", "18:00").in("America/New_York");
    Instant closing = Instant.parse("2026-03-04T23:00:00Z"); // 18:00 EST
    assertThat(w.isOpen(closing.minusNanos(1), null)).isTrue();
    assertThat(w.isOpen(closing, null)).isFalse();
    assertThat(w.nextOpening(closing, null)).isEqualTo(Instant.parse("2026-03-05T14:00:00Z"));
  }

  @Test
  void weekdaysSkipTheWeekend() {
    CallingWindow w = CallingWindow.daily("09:00", "17:00").weekdays().in("Europe/London");
    Instant fridayEvening = Instant.parse("2026-03-06T18:00:00Z");
    assertThat(w.nextOpening(fridayEvening, null)).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
    assertThat(w.isOpen(Instant.parse("2026-03-07T10:00:00Z"), null)).as("Saturday").isFalse();
  }

  @Test
  void overnightWindowsBelongToTheDayTheyOpen() {
    CallingWindow w = CallingWindow.overnight("20:00", "02:00").on(DayOfWeek.FRIDAY);
    assertThat(w.isOpen(Instant.parse("2026-03-06T21:00:00Z"), null)).as("Friday 21:00").isTrue();
    assertThat(w.isOpen(Instant.parse("2026-03-07T01:00:00Z"), null)).as("Saturday 01:00").isTrue();
    assertThat(w.isOpen(Instant.parse("2026-03-07T21:00:00Z"), null))
        .as("Saturday 21:00")
        .isFalse();
    assertThat(w.isOpen(Instant.parse("2026-03-06T01:00:00Z"), null)).as("Friday 01:00").isFalse();
  }

  @Test
  void followsTheWallClockAcrossDaylightSaving() {
    // New York springs forward on 2026-03-08: 09:00 is 13:00Z after, 14:00Z before
    CallingWindow w = CallingWindow.daily("09:00", "18:00");
    assertThat(w.nextOpening(Instant.parse("2026-03-07T23:00:00Z"), NEW_YORK))
        .isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
    CallingWindow early = CallingWindow.daily("02:30", "05:00");
    assertThat(early.nextOpening(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK))
        .as("02:30 does not exist that day: opens at 03:30 EDT")
        .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
  }

  @Test
  void badWindowsNameTheFieldAndTheValue() {
    assertThatThrownBy(() -> CallingWindow.daily("18:00", "09:00"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("callingWindow.end must be after start 18:00")
        .hasMessageEndingWith("was 09:00");
    assertThatThrownBy(() -> CallingWindow.daily("9am", "18:00"))
        .hasMessage("callingWindow.start must be a time as HH:mm, was '9am'");
    assertThatThrownBy(() -> CallingWindow.daily("09:00", "18:00").in("Mars/Olympus"))
        .hasMessage("callingWindow.zone must be a known time zone, was 'Mars/Olympus'");
    assertThatThrownBy(() -> CallingWindow.overnight("02:00", "20:00"))
        .hasMessageStartingWith("callingWindow.end must be before start 02:00");
    assertThatThrownBy(() -> CallingWindow.daily("09:00", "18:00").on())
        .hasMessageStartingWith("callingWindow.days must hold at least one day");
  }
}
