package dev.dialkit.testkit;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SimulatedCallProviderBuilderTest {
  private final VirtualClock clock = VirtualClock.at(Fixtures.START);
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  @Test
  void defaults() {
    SimulatedCallProvider provider =
        SimulatedCallProvider.builder().clock(clock).scheduler(scheduler).build();

    assertThat(provider.name()).isEqualTo("simulated");
    assertThat(provider.capabilities())
        .isEqualTo(new ProviderCapabilities(true, true, true, false, true, true));
    assertThat(provider.callsPerSecond())
        .isEqualTo(SimulatedCallProvider.UNLIMITED_CALLS_PER_SECOND);
  }

  @Test
  void clockAndSchedulerAreRequired() {
    assertInvalid(() -> SimulatedCallProvider.builder().scheduler(scheduler).build(), "clock");
    assertInvalid(() -> SimulatedCallProvider.builder().clock(clock).build(), "scheduler");
  }

  @Test
  void everySetterChecksItsRange() {
    SimulatedCallProviderBuilder b = SimulatedCallProvider.builder();
    assertInvalid(() -> b.name("has space"), "name");
    assertInvalid(() -> b.callbackBaseUrl(URI.create("ftp://x.example/")), "callbackBaseUrl");
    assertInvalid(() -> b.callbackBaseUrl(URI.create("/relative")), "callbackBaseUrl");
    assertInvalid(() -> b.signingSecret(" "), "signingSecret");
    assertInvalid(() -> b.outcomeOdds(-0.1, 0, 0, 0), "outcomeOdds.machine");
    assertInvalid(() -> b.outcomeOdds(0, 0, 0, Double.NaN), "outcomeOdds.failed");
    assertInvalid(() -> b.outcomeOdds(0.3, 0.3, 0.3, 0.2), "outcomeOdds");
    assertInvalid(() -> b.ringTime(ofSeconds(5), ofSeconds(4)), "ringTime.max");
    assertInvalid(() -> b.ringTime(ofSeconds(-1), ofSeconds(4)), "ringTime.min");
    assertInvalid(() -> b.callSetup(ofSeconds(-1)), "callSetup");
    assertInvalid(() -> b.callSetup(Duration.ofMinutes(2)), "callSetup");
    assertInvalid(() -> b.talkTime(Duration.ZERO, 0.5), "talkTime.mean");
    assertInvalid(() -> b.talkTime(ofSeconds(45), 3.5), "talkTime.sigma");
    assertInvalid(() -> b.apiLatency(ofMillis(-1)), "apiLatency");
    assertInvalid(() -> b.apiLatency(Duration.ofDays(2)), "apiLatency");
    assertInvalid(() -> b.invalidNumbers(null), "invalidNumbers");
    assertInvalid(() -> b.callsPerSecondLimit(0), "callsPerSecondLimit");
    assertInvalid(() -> b.placeFailures(0.6, 0.6), "placeFailures");
    assertInvalid(() -> b.webhookDelay(ofSeconds(2), ofSeconds(1)), "webhookDelay.max");
    assertInvalid(() -> b.duplicateProbability(1.5), "duplicateProbability");
    assertInvalid(() -> b.reorderProbability(-1), "reorderProbability");
    assertInvalid(() -> b.lossProbability(2), "lossProbability");
  }

  @Test
  void theMessageNamesTheFieldAndTheValue() {
    assertThatThrownBy(() -> SimulatedCallProvider.builder().duplicateProbability(1.5))
        .hasMessage("duplicateProbability must be in [0, 1], was 1.5");
  }

  private static void assertInvalid(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
