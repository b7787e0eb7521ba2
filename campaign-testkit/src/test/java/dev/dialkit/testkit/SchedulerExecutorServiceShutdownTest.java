package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.internal.SchedulerExecutorService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerExecutorServiceShutdownTest {
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2025-01-06T09:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final SchedulerExecutorService executor = new SchedulerExecutorService(scheduler, clock);
  private final AtomicInteger periodicRuns = new AtomicInteger();
  private final AtomicInteger oneShotRuns = new AtomicInteger();

  @Test
  void shutdownStopsPeriodicTasksAndLetsOneShotTasksRun() throws Exception {
    ScheduledFuture<?> periodic =
        executor.scheduleAtFixedRate(periodicRuns::incrementAndGet, 1, 1, TimeUnit.SECONDS);
    ScheduledFuture<?> oneShot =
        executor.schedule(oneShotRuns::incrementAndGet, 5, TimeUnit.SECONDS);
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(executor.isShutdown()).isFalse();
    assertThat(executor.awaitTermination(0, TimeUnit.SECONDS)).isFalse();

    executor.shutdown();
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(periodicRuns).hasValue(2);
    assertThat(periodic.isCancelled()).isTrue();
    assertThat(oneShotRuns).hasValue(1);
    assertThat(oneShot.isDone()).isTrue();
    assertThat(executor.isShutdown()).isTrue();
    assertThat(executor.isTerminated()).isTrue();
    assertThat(executor.awaitTermination(1, TimeUnit.DAYS)).isTrue();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void shutdownNowCancelsEveryTaskAndReturnsTheOnesThatNeverStarted() {
    ScheduledFuture<?> periodic =
        executor.scheduleAtFixedRate(periodicRuns::incrementAndGet, 1, 1, TimeUnit.SECONDS);
    ScheduledFuture<?> oneShot =
        executor.schedule(oneShotRuns::incrementAndGet, 5, TimeUnit.SECONDS);
    scheduler.advance(Duration.ofSeconds(1));

    List<Runnable> neverStarted = executor.shutdownNow();
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(neverStarted).containsExactly((Runnable) oneShot);
    assertThat(periodic.isCancelled()).isTrue();
    assertThat(oneShot.isCancelled()).isTrue();
    assertThat(periodicRuns).hasValue(1);
    assertThat(oneShotRuns).hasValue(0);
    assertThat(executor.isTerminated()).isTrue();
  }

  @Test
  void aShutDownExecutorRejectsNewTasks() {
    executor.shutdown();

    assertThatThrownBy(() -> executor.execute(oneShotRuns::incrementAndGet))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> executor.submit(() -> "x"))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> executor.schedule(() -> "x", 1, TimeUnit.SECONDS))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(
            () ->
                executor.scheduleAtFixedRate(periodicRuns::incrementAndGet, 1, 1, TimeUnit.SECONDS))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(
            () ->
                executor.scheduleWithFixedDelay(
                    periodicRuns::incrementAndGet, 1, 1, TimeUnit.SECONDS))
        .isInstanceOf(RejectedExecutionException.class);
    assertThat(scheduler.pending()).isZero();
    assertThat(executor.shutdownNow()).isEmpty();
  }
}
