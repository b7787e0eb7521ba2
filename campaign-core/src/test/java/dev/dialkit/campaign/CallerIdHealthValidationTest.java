package dev.dialkit.campaign;

import static dev.dialkit.campaign.CampaignSpecValidationTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The caller-id health policy: defaults, copies, and a typed error for each bad setting. */
class CallerIdHealthValidationTest {
  @Test
  void recommendedIsOnWithTheDocumentedDefaultsAndOffIsOff() {
    CallerIdHealth recommended = CallerIdHealth.recommended();
    assertThat(recommended.enabled()).isTrue();
    assertThat(recommended.window()).isEqualTo(CallerIdHealth.DEFAULT_WINDOW).isEqualTo(20);
    assertThat(recommended.minCalls()).isEqualTo(10);
    assertThat(recommended.threshold()).isEqualTo(0.9);
    assertThat(recommended.restOnBlocked()).isTrue();
    assertThat(recommended.restFor()).isEqualTo(Duration.ofHours(4));
    assertThat(CallerIdHealth.OFF.enabled()).isFalse();
    assertThat(CallerIdHealth.from(recommended).build()).isEqualTo(recommended);
    assertThat(CallerIdHealth.from(recommended).enabled(false).build().enabled()).isFalse();
  }

  @Test
  void everySettingIsCheckedAndNamed() {
    rejects(
        () -> CallerIdHealth.builder().window(0).build(),
        "callerIdHealth.window",
        "0",
        "must be between 1 and 1000");
    rejects(
        () -> CallerIdHealth.builder().window(1001).build(),
        "callerIdHealth.window",
        "1001",
        "must be between 1 and 1000");
    rejects(
        () -> CallerIdHealth.builder().window(5).minCalls(6).build(),
        "callerIdHealth.minCalls",
        "6",
        "must be between 1 and window 5");
    rejects(
        () -> CallerIdHealth.builder().threshold(0).build(),
        "callerIdHealth.threshold",
        "0.0",
        "must be in (0, 1]");
    rejects(
        () -> CallerIdHealth.builder().threshold(Double.NaN).build(),
        "callerIdHealth.threshold",
        "NaN",
        "must be in (0, 1]");
    rejects(
        () -> CallerIdHealth.builder().restFor(Duration.ofSeconds(59)).build(),
        "callerIdHealth.restFor",
        "PT59S",
        "must be between PT1M and PT168H");
    rejects(
        () -> CallerIdHealth.builder().restFor(null),
        "callerIdHealth.restFor",
        "null",
        "is required");
    rejects(
        () -> CampaignDialer.builder().callerIdHealth(null),
        "callerIdHealth",
        "null",
        "is required");
  }
}
