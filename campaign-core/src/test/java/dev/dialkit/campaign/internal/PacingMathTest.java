package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PacingMathTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  // a Monday
  private static final Instant MONDAY_9 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void evenIntervalIsTheWindowLeftOverTheLeadsLeft() {
    assertThat(PacingMath.evenInterval(Duration.ofHours(8), 96)).isEqualTo(Duration.ofMinutes(5));
    assertThat(PacingMath.evenInterval(Duration.ofHours(8), 0)).isZero();
    assertThat(PacingMath.evenInterval(Duration.ZERO, 10)).isZero();
  }

  @Test
  void finishByIsTheLowestConcurrencyThatMakesTheDeadline() {
    // 600 leads of 2 min in 10 h of window: 1200 min of calls over 600 min = 2 at once
    assertThat(PacingMath.finishByConcurrency(600, Duration.ofMinutes(2), Duration.ofHours(10)))
        .isEqualTo(2);
    // one more lead needs a third line
    assertThat(PacingMath.finishByConcurrency(601, Duration.ofMinutes(2), Duration.ofHours(10)))
        .isEqualTo(3);
    assertThat(PacingMath.finishByConcurrency(1, Duration.ofMinutes(2), Duration.ofHours(10)))
        .isEqualTo(1);
    // no window left before the deadline: as fast as the limits allow
    assertThat(PacingMath.finishByConcurrency(10, Duration.ofMinutes(2), Duration.ZERO))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void windowTimeSumsTheOpeningsBetweenTwoInstants() {
    CallingWindow nineToFive = CallingWindow.daily("09:00", "17:00");
    assertThat(WindowTime.openBetween(nineToFive, UTC, MONDAY_9, MONDAY_9.plus(Duration.ofDays(2))))
        .isEqualTo(Duration.ofHours(16));
    assertThat(
            WindowTime.openBetween(
                nineToFive.weekdays(),
                UTC,
                Instant.parse("2026-03-06T16:00:00Z"), // Friday 16:00
                Instant.parse("2026-03-09T10:00:00Z"))) // Monday 10:00
        .isEqualTo(Duration.ofHours(2));
    CallingWindow night = CallingWindow.overnight("22:00", "02:00").on(DayOfWeek.MONDAY);
    assertThat(WindowTime.openBetween(night, UTC, MONDAY_9, MONDAY_9.plus(Duration.ofDays(1))))
        .isEqualTo(Duration.ofHours(4));
    assertThat(WindowTime.openBetween(nineToFive, UTC, MONDAY_9, MONDAY_9)).isZero();
  }

  @Test
  void closeOfIsTheEndOfTheOpeningUnderWay() {
    CallingWindow nineToFive = CallingWindow.daily("09:00", "17:00");
    assertThat(WindowTime.closeOf(nineToFive, UTC, MONDAY_9.plusSeconds(3600)))
        .isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
    assertThat(WindowTime.closeOf(nineToFive, UTC, Instant.parse("2026-03-02T17:00:00Z"))).isNull();
    CallingWindow night = CallingWindow.overnight("22:00", "02:00");
    assertThat(WindowTime.closeOf(night, UTC, Instant.parse("2026-03-03T01:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
  }

  @Test
  void theMeanHandleTimeStartsAtThePriorAndMovesWithTheCallsSeen() {
    HandleTimes times = new HandleTimes();
    CampaignId c = CampaignId.of("c");
    assertThat(times.mean(c, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
    for (int i = 0; i < 27; i++) {
      times.ended(c, Duration.ofSeconds(60));
    }
    // (3 × 120 s + 27 × 60 s) / 30
    assertThat(times.mean(c, Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(66));
  }
}
