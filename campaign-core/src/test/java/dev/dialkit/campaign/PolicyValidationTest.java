package dev.dialkit.campaign;

import static dev.dialkit.campaign.CampaignSpecValidationTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Calling windows, retry policies and auto-pause: typed errors with the value escaped. */
class PolicyValidationTest {
  private static final CallingWindow NINE_TO_SIX = CallingWindow.daily("09:00", "18:00");

  @Test
  void windowTimesAndZonesAreEchoedEscaped() {
    rejects(
        () -> CallingWindow.daily("9am\r\n", "18:00"),
        "callingWindow.start",
        "'9am\\r\\n'",
        "must be a time as HH:mm");
    rejects(() -> CallingWindow.daily("09:00", null), "callingWindow.end", "null", "is required");
    rejects(
        () -> NINE_TO_SIX.in("Mars/\nOlympus"),
        "callingWindow.zone",
        "'Mars/\\nOlympus'",
        "must be a known time zone");
    rejects(
        () -> NINE_TO_SIX.in("x".repeat(500)),
        "callingWindow.zone",
        "'" + "x".repeat(80) + "…'",
        "must be a known time zone");
  }

  @Test
  void windowDaysAreNamedNoneNullAndNoneRepeated() {
    rejects(() -> NINE_TO_SIX.on(), "callingWindow.days", "[]", "must hold at least one day");
    rejects(
        () -> NINE_TO_SIX.on(DayOfWeek.MONDAY, null), "callingWindow.days", "null", "is required");
    rejects(() -> NINE_TO_SIX.on((DayOfWeek[]) null), "callingWindow.days", "null", "is required");
    rejects(
        () -> NINE_TO_SIX.on(DayOfWeek.MONDAY, DayOfWeek.MONDAY),
        "callingWindow.days",
        "MONDAY",
        "must not repeat a day");
    Set<DayOfWeek> withNull = new HashSet<>(Arrays.asList(DayOfWeek.MONDAY, null));
    rejects(
        () ->
            new CallingWindow(
                NINE_TO_SIX.start(), NINE_TO_SIX.end(), withNull, NINE_TO_SIX.zone(), false),
        "callingWindow.days",
        "null",
        "is required");
    assertThat(NINE_TO_SIX.on(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).days()).hasSize(2);
  }

  @Test
  void retryPoliciesAreBounded() {
    rejects(
        () -> RetryPolicy.noAnswerAndBusy(RetryPolicy.MAX_ATTEMPTS + 1, Duration.ofMinutes(1)),
        "maxAttempts",
        "101",
        "must be <= 100");
    rejects(
        () -> RetryPolicy.noAnswerAndBusy(3, Duration.ofDays(31)),
        "backoff",
        "PT744H",
        "must be <= PT720H");
    rejects(() -> RetryPolicy.noAnswerAndBusy(3, null), "backoff", "null", "must be >= 0");
    Set<CallStatus> withNull = new HashSet<>(Arrays.asList(CallStatus.BUSY, null));
    rejects(
        () -> new RetryPolicy(withNull, 3, Duration.ZERO), "retryOn", "null", "must not hold null");
    rejects(
        () -> new RetryPolicy(EnumSet.of(CallStatus.COMPLETED), 3, Duration.ZERO),
        "retryOn",
        "COMPLETED",
        "may hold only unsuccessful terminal statuses");
    assertThat(RetryPolicy.noAnswerAndBusy(100, RetryPolicy.MAX_BACKOFF).maxAttempts())
        .isEqualTo(100);
  }

  @Test
  void autoPauseIsBounded() {
    rejects(() -> new AutoPause(4, 0.5), "autoPause.window", "4", "must be between 5 and 10000");
    rejects(
        () -> new AutoPause(10, Double.NaN),
        "autoPause.maxFailureRate",
        "NaN",
        "must be in (0, 1]");
    rejects(() -> new AutoPause(10, 0), "autoPause.maxFailureRate", "0.0", "must be in (0, 1]");
  }
}
