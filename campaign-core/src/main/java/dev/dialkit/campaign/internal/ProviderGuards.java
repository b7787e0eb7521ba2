package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.TaskScheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.SemaphoreBasedRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limiter and the circuit breaker of each provider, both on Dialkit's clock and scheduler
 * (so both run in virtual time in tests).
 *
 * <ul>
 *   <li>The rate limiter (resilience4j, semaphore-based, refreshed on Dialkit's scheduler) keeps
 *       create requests within the provider's {@link CallProvider#callsPerSecond()}: Dialkit never
 *       relies on the provider's own queueing or rejections.
 *   <li>While a breaker is open no lead of a campaign on that provider is claimed, so leads stay
 *       queued untouched. State changes are logged and re-emitted as {@link
 *       DialkitEvent.ProviderCircuitChanged}.
 * </ul>
 */
final class ProviderGuards implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProviderGuards.class);

  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private final Map<String, RateLimiter> limiters = new HashMap<>();
  private final Map<String, RateLimiter> queryLimiters = new HashMap<>();
  private final SchedulerExecutorService refresher;

  ProviderGuards(DialerSettings settings, TaskScheduler scheduler, EventPublisher events) {
    Clock clock = settings.clock();
    refresher = new SchedulerExecutorService(scheduler, clock);
    for (CallProvider provider : settings.providers().values()) {
      limiters.put(
          provider.name(),
          new SemaphoreBasedRateLimiter(
              provider.name(), perSecond(provider.callsPerSecond()), refresher));
      queryLimiters.put(
          provider.name(),
          new SemaphoreBasedRateLimiter(
              provider.name() + "-status",
              perSecond(settings.statusQueriesPerSecond()),
              refresher));
      CircuitBreaker breaker =
          new CircuitBreakerStateMachine(provider.name(), settings.circuitBreaker(), clock);
      breaker
          .getEventPublisher()
          .onStateTransition(
              e -> {
                var t = e.getStateTransition();
                log.warn(
                    "provider {}: circuit breaker {} -> {}",
                    provider.name(),
                    t.getFromState(),
                    t.getToState());
                events.publish(
                    new DialkitEvent.ProviderCircuitChanged(
                        provider.name(),
                        t.getFromState().name(),
                        t.getToState().name(),
                        clock.instant()));
              });
      breakers.put(provider.name(), breaker);
    }
  }

  /**
   * At most {@code callsPerSecond} permits per second: whole permits per second from 1 up, one
   * permit per {@code 1/callsPerSecond} seconds below 1. Never waits for a permit.
   */
  static RateLimiterConfig perSecond(double callsPerSecond) {
    if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
      throw new IllegalArgumentException(
          "callsPerSecond must be positive and finite, was " + callsPerSecond);
    }
    RateLimiterConfig.Builder config = RateLimiterConfig.custom().timeoutDuration(Duration.ZERO);
    if (callsPerSecond >= 1) {
      return config
          .limitForPeriod((int) Math.floor(callsPerSecond))
          .limitRefreshPeriod(Duration.ofSeconds(1))
          .build();
    }
    return config
        .limitForPeriod(1)
        .limitRefreshPeriod(Duration.ofNanos((long) (1_000_000_000L / callsPerSecond)))
        .build();
  }

  /** Whether a create request could be sent through {@code provider} now (no permit taken). */
  boolean hasPermit(String provider) {
    return availablePermits(provider) > 0;
  }

  /** How many create requests {@code provider}'s rate limiter would admit now (none are taken). */
  int availablePermits(String provider) {
    return Math.max(0, limiters.get(provider).getMetrics().getAvailablePermissions());
  }

  /** Takes a permit to send a create request through {@code provider}, if one is free now. */
  boolean acquirePermit(String provider) {
    return limiters.get(provider).acquirePermission();
  }

  /** How long until {@code provider}'s permits are refreshed, at most. */
  Duration refreshPeriod(String provider) {
    return limiters.get(provider).getRateLimiterConfig().getLimitRefreshPeriod();
  }

  /** Takes a permit to ask {@code provider} about a call's status, if one is free now. */
  boolean acquireQueryPermit(String provider) {
    return queryLimiters.get(provider).acquirePermission();
  }

  /** How long until {@code provider}'s status-query permits are refreshed, at most. */
  Duration queryRefreshPeriod(String provider) {
    return queryLimiters.get(provider).getRateLimiterConfig().getLimitRefreshPeriod();
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }

  CircuitBreaker breaker(String provider) {
    return breakers.get(provider);
  }

  /** Whether a call could be placed through {@code provider} now, without taking a permission. */
  boolean admits(String provider) {
    CircuitBreaker breaker = breakers.get(provider);
    if (breaker.tryAcquirePermission()) {
      breaker.releasePermission();
      return true;
    }
    return false;
  }
}
