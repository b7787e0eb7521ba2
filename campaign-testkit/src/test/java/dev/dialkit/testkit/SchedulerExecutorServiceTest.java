package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.internal.SchedulerExecutorService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerExecutorServiceTest {
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final SchedulerExecutorService executor = new SchedulerExecutorService(scheduler, clock);
  private final List<Instant> ticks = Collections.synchronizedList(new ArrayList<>());

  @Test
  void fixedRateTicksAtTheirVirtualInstants() {
    ScheduledFuture<?> future =
        executor.scheduleAtFixedRate(this::tick, 500, 1000, TimeUnit.MILLISECONDS);
    assertThat(future.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(500);

    scheduler.advance(Duration.ofMillis(3500));

    assertThat(ticks).containsExactly(at(500), at(1500), at(2500), at(3500));
    assertThat(future.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(1000);
    scheduler.advance(Duration.ofMillis(400));
    assertThat(future.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(600);
    assertThat(future.isDone()).isFalse();
  }

  @Test
  void aFixedRateKeepsItsBeatWhateverARunTakes() {
    executor.scheduleAtFixedRate(this::slowTick, 1, 1, TimeUnit.SECONDS);

    scheduler.advance(Duration.ofMillis(3700));

    assertThat(ticks).containsExactly(at(1000), at(2000), at(3000));
  }

  @Test
  void aFixedDelayCountsFromTheEndOfEachRun() {
    executor.scheduleWithFixedDelay(this::slowTick, 1, 1, TimeUnit.SECONDS);

    scheduler.advance(Duration.ofMillis(3700));

    assertThat(ticks).containsExactly(at(1000), at(2300), at(3600));
  }

  @Test
  void cancelStopsAPeriodicTask() {
    ScheduledFuture<?> future = executor.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    scheduler.advance(Duration.ofSeconds(2));

    assertThat(future.cancel(false)).isTrue();
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(ticks).containsExactly(at(1000), at(2000));
    assertThat(future.isCancelled()).isTrue();
    assertThat(future.isDone()).isTrue();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aRunThatThrowsEndsAPeriodicTaskWithTheFailure() {
    ScheduledFuture<?> future =
        executor.scheduleAtFixedRate(
            () -> {
              tick();
              if (ticks.size() == 2) {
                throw new IllegalStateException("boom");
              }
            },
            1,
            1,
            TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(ticks).hasSize(2);
    assertThat(future.isDone()).isTrue();
    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("boom");
  }

  @Test
  void oneShotTasksRunOnTheSchedulerOnceDue() throws Exception {
    ScheduledFuture<String> later = executor.schedule(() -> "later", 2, TimeUnit.SECONDS);
    Future<String> submitted = executor.submit(() -> "now");
    executor.execute(this::tick);
    ScheduledFuture<?> overdue = executor.schedule(this::tick, -5, TimeUnit.SECONDS);

    // nothing runs inside the call that submits it
    assertThat(submitted.isDone()).isFalse();
    assertThat(ticks).isEmpty();
    assertThat(overdue.getDelay(TimeUnit.SECONDS)).isZero();

    scheduler.runDue();
    assertThat(submitted.get()).isEqualTo("now");
    assertThat(ticks).containsExactly(T0, T0);
    assertThat(later.isDone()).isFalse();
    assertThat(later.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(2000);

    scheduler.advance(Duration.ofSeconds(2));
    assertThat(later.get()).isEqualTo("later");
    assertThat(later.getDelay(TimeUnit.MILLISECONDS)).isZero();
    assertThat(later.compareTo(overdue)).isPositive();
  }

  @Test
  void aCancelledOneShotTaskNeverRuns() {
    ScheduledFuture<?> future = executor.schedule(this::tick, 1, TimeUnit.SECONDS);

    assertThat(future.cancel(false)).isTrue();
    scheduler.advance(Duration.ofSeconds(5));

    assertThat(ticks).isEmpty();
    assertThat(future.isCancelled()).isTrue();
    assertThat(future.cancel(false)).isFalse();
  }

  @Test
  void periodsMustBePositive() {
    assertThatThrownBy(() -> executor.scheduleAtFixedRate(this::tick, 0, 0, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be > 0, was 0");
    assertThatThrownBy(() -> executor.scheduleWithFixedDelay(this::tick, 0, -1, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(scheduler.pending()).isZero();
  }

  private void tick() {
    ticks.add(clock.instant());
  }

  /** A run that takes 300 ms of virtual time. */
  private void slowTick() {
    tick();
    clock.advance(Duration.ofMillis(300));
  }

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }
}
