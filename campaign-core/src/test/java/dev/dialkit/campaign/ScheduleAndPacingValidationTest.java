package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleAndPacingValidationTest {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private static void refused(Runnable make, String field) {
    assertThatThrownBy(make::run)
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void aScheduleNeedsABoundAndAnEndAfterItsStart() {
    refused(() -> new CampaignSchedule(null, null), "schedule");
    refused(() -> CampaignSchedule.between(T, T), "schedule.end");
    refused(() -> CampaignSchedule.between(T, T.minusSeconds(1)), "schedule.end");
    refused(() -> CampaignSchedule.between(null, T), "schedule.start");
    refused(
        () ->
            CampaignSchedule.dates(
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), ZoneId.of("UTC")),
        "schedule.last");
  }

  @Test
  void aDateRangeRunsFromTheFirstDaysStartToTheEndOfTheLastInItsZone() {
    CampaignSchedule s =
        CampaignSchedule.dates(
            LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), ZoneId.of("Asia/Kolkata"));
    assertThat(s.start()).isEqualTo(Instant.parse("2026-03-01T18:30:00Z"));
    assertThat(s.end()).isEqualTo(Instant.parse("2026-03-03T18:30:00Z"));
    assertThat(s.notStarted(Instant.parse("2026-03-01T18:29:59Z"))).isTrue();
    assertThat(s.ended(s.end())).isTrue();
    assertThat(s.ended(s.end().minusMillis(1))).isFalse();
  }

  @Test
  void pacingNamesItsBadField() {
    refused(() -> new Pacing(null, null, null), "pacing.mode");
    refused(
        () -> new Pacing(Pacing.Mode.FINISH_BY, null, Duration.ofMinutes(1)), "pacing.deadline");
    refused(() -> Pacing.finishBy(T, Duration.ZERO), "pacing.expectedHandleTime");
    refused(() -> new Pacing(Pacing.Mode.EVEN_OVER_WINDOW, T, null), "pacing.deadline");
    assertThat(Pacing.finishBy(T).expectedHandleTime())
        .isEqualTo(Pacing.DEFAULT_EXPECTED_HANDLE_TIME);
  }

  @Test
  void aSpecDefaultsToNoScheduleAndFullSpeedAndKeepsBothThroughFrom() {
    CampaignSpec plain =
        CampaignSpec.builder()
            .name("n")
            .agent(Agent.answerUrl("https://agent.example/answer"))
            .callerIds("+14155550199")
            .build();
    assertThat(plain.schedule()).isNull();
    assertThat(plain.pacing()).isEqualTo(Pacing.asFastAsAllowed());
    CampaignSpec paced =
        CampaignSpec.from(plain)
            .schedule(CampaignSchedule.endingAt(T))
            .pacing(Pacing.evenOverWindow())
            .build();
    assertThat(CampaignSpec.from(paced).build()).isEqualTo(paced);
    refused(() -> CampaignSpec.from(plain).pacing(null), "pacing");
  }
}
