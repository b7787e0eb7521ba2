package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.internal.SchedulerExecutorService;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.SemaphoreBasedRateLimiter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** resilience4j's semaphore rate limiter refreshing its permits in virtual time. */
class SchedulerExecutorServiceRateLimiterTest {
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2025-01-06T09:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final SchedulerExecutorService executor = new SchedulerExecutorService(scheduler, clock);

  @Test
  void permitsComeBackOnlyAfterAPeriodOfVirtualTime() {
    RateLimiterConfig config =
        RateLimiterConfig.custom()
            .limitForPeriod(2)
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ZERO)
            .build();
    SemaphoreBasedRateLimiter limiter = new SemaphoreBasedRateLimiter("calls", config, executor);

    assertThat(limiter.acquirePermission()).isTrue();
    assertThat(limiter.acquirePermission()).isTrue();
    assertThat(limiter.acquirePermission()).isFalse();

    scheduler.advance(Duration.ofMillis(999));
    assertThat(limiter.acquirePermission()).isFalse();

    scheduler.advance(Duration.ofMillis(1));
    assertThat(limiter.acquirePermission()).isTrue();
    assertThat(limiter.acquirePermission()).isTrue();
    assertThat(limiter.acquirePermission()).isFalse();

    limiter.shutdown();
    assertThat(scheduler.pending()).isZero();
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(limiter.acquirePermission()).isFalse();
  }
}
