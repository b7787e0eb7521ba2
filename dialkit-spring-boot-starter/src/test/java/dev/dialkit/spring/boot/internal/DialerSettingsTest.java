package dev.dialkit.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.spring.boot.CircuitBreakerProperties;
import dev.dialkit.spring.boot.DialkitProperties;
import dev.dialkit.spring.boot.RetryProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The properties as the builder gets them. */
class DialerSettingsTest {
  private static DialkitProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("dialkit", DialkitProperties.class);
  }

  @Test
  void retryAndCircuitBreakerDefaultsAreTheBuildersAndKeepWhatTheyCount() {
    RetryConfig retry = DialerSettings.retry(new RetryProperties());
    RetryConfig builderRetry = CampaignDialerBuilder.DEFAULT_PROVIDER_RETRY;
    assertThat(retry.getMaxAttempts()).isEqualTo(builderRetry.getMaxAttempts());
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(retry.getIntervalBiFunction().apply(attempt, null))
          .isEqualTo(builderRetry.getIntervalBiFunction().apply(attempt, null));
    }
    for (Throwable failure : failures()) {
      assertThat(retry.getExceptionPredicate().test(failure))
          .as("retries %s", failure)
          .isEqualTo(builderRetry.getExceptionPredicate().test(failure));
    }

    CircuitBreakerConfig breaker = DialerSettings.circuitBreaker(new CircuitBreakerProperties());
    CircuitBreakerConfig builderBreaker = CampaignDialerBuilder.DEFAULT_CIRCUIT_BREAKER;
    assertThat(breaker.getSlidingWindowSize()).isEqualTo(builderBreaker.getSlidingWindowSize());
    assertThat(breaker.getMinimumNumberOfCalls())
        .isEqualTo(builderBreaker.getMinimumNumberOfCalls());
    assertThat(breaker.getFailureRateThreshold())
        .isEqualTo(builderBreaker.getFailureRateThreshold());
    assertThat(breaker.getPermittedNumberOfCallsInHalfOpenState())
        .isEqualTo(builderBreaker.getPermittedNumberOfCallsInHalfOpenState());
    for (Throwable failure : failures()) {
      assertThat(breaker.getRecordExceptionPredicate().test(failure))
          .as("counts %s", failure)
          .isEqualTo(builderBreaker.getRecordExceptionPredicate().test(failure));
    }
  }

  /** A refusal that may be retried, an ambiguous failure, a final one, and not a provider's. */
  private static Throwable[] failures() {
    return new Throwable[] {
      new ProviderException(
          "p", "busy", 429, null, FailureReason.PROVIDER_ERROR, true, false, null),
      new ProviderException(
          "p", "timeout", 0, null, FailureReason.PROVIDER_ERROR, false, true, null),
      new ProviderException(
          "p", "bad", 400, null, FailureReason.PROVIDER_ERROR, false, false, null),
      new IllegalStateException("not a provider's")
    };
  }

  @Test
  void durationsAndNestedSettingsBindFromPropertyText() {
    DialkitProperties p =
        bind(
            Map.of(
                "dialkit.lease-ttl", "30s",
                "dialkit.provider-retry.initial-interval", "500ms",
                "dialkit.tenants.acme.attempt-caps.per-rolling24-hours", "3",
                "dialkit.priority-policy", "as-given"));

    assertThat(p.getLeaseTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DialerSettings.retry(p.getProviderRetry()).getIntervalBiFunction().apply(1, null))
        .isEqualTo(500L);
    assertThat(p.getTenants().get("acme").getAttemptCaps().getPerRolling24Hours()).isEqualTo(3);
    assertThat(p.getPriorityPolicy()).isEqualTo(DialkitProperties.PriorityPolicyName.AS_GIVEN);
  }

  @Test
  void aBadTenantSettingIsRefusedByTheBuilder() {
    DialkitProperties p = bind(Map.of("dialkit.tenants.acme.attempt-caps.per-calendar-day", "-1"));

    assertThatThrownBy(() -> DialerSettings.apply(p, CampaignDialer.builder()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("perCalendarDay");
  }
}
