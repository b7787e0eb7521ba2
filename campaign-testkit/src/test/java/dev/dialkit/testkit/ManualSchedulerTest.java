package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.spi.TaskScheduler.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @Test
  void nothingRunsUntilDriven() {
    CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> "done", scheduler);
    scheduler.schedule(() -> log.add("later"), Duration.ZERO);

    assertThat(f).isNotDone();
    assertThat(log).isEmpty();
    assertThat(scheduler.pending()).isEqualTo(2);

    assertThat(scheduler.runDue()).isEqualTo(2);
    assertThat(f).isCompletedWithValue("done");
    assertThat(log).containsExactly("later");
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void runsByDueInstantThenInsertionOrder() {
    scheduler.schedule(() -> log.add("b@2s"), Duration.ofSeconds(2));
    scheduler.schedule(() -> log.add("a@1s"), Duration.ofSeconds(1));
    scheduler.schedule(() -> log.add("c@2s"), Duration.ofSeconds(2));
    scheduler.execute(() -> log.add("now"));

    scheduler.runUntilIdle();

    assertThat(log).containsExactly("now", "a@1s", "b@2s", "c@2s");
  }

  @Test
  void runDueRunsOnlyTasksDueNowIncludingTheOnesTheyAdd() {
    scheduler.execute(
        () -> {
          log.add("first");
          scheduler.execute(() -> log.add("added for now"));
          scheduler.schedule(() -> log.add("added for later"), Duration.ofMillis(1));
        });

    assertThat(scheduler.runDue()).isEqualTo(2);

    assertThat(log).containsExactly("first", "added for now");
    assertThat(scheduler.pending()).isEqualTo(1);
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void advanceMovesTheClockToEachTaskThenToTheEnd() {
    List<Instant> seen = Collections.synchronizedList(new ArrayList<>());
    scheduler.schedule(() -> seen.add(clock.instant()), Duration.ofSeconds(3));
    scheduler.schedule(
        () -> {
          seen.add(clock.instant());
          scheduler.schedule(() -> seen.add(clock.instant()), Duration.ofSeconds(2));
        },
        Duration.ofSeconds(1));
    scheduler.schedule(() -> seen.add(clock.instant()), Duration.ofSeconds(11));

    assertThat(scheduler.advance(Duration.ofSeconds(10))).isEqualTo(3);

    assertThat(seen).containsExactly(T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(3));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
    assertThat(scheduler.pending()).isEqualTo(1);
    assertThat(scheduler.nextDue()).isEqualTo(T0.plusSeconds(11));
  }

  @Test
  void runUntilIdleRunsFutureTasksAndAdvancesTheClock() {
    scheduler.schedule(() -> log.add("in an hour"), Duration.ofHours(1));

    assertThat(scheduler.runUntilIdle()).isEqualTo(1);

    assertThat(log).containsExactly("in an hour");
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(3600));
    assertThat(scheduler.tasksRun()).isEqualTo(1);
  }

  @Test
  void runUntilIdleGuardStopsALivelock() {
    ManualScheduler guarded = new ManualScheduler(clock, 1000);
    Runnable forever =
        new Runnable() {
          @Override
          public void run() {
            guarded.schedule(this, Duration.ofSeconds(1));
          }
        };
    guarded.execute(forever);

    assertThatThrownBy(guarded::runUntilIdle)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1000 tasks");
    assertThat(guarded.tasksRun()).isEqualTo(1000);
    assertThat(guarded.pending()).isEqualTo(1);
  }

  @Test
  void defaultGuardIsTenMillion() {
    assertThat(scheduler.maxTasksPerDrive()).isEqualTo(10_000_000);
    assertThatThrownBy(() -> new ManualScheduler(clock, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runUntilStopsAsSoonAsDone() {
    AtomicInteger count = new AtomicInteger();
    for (int i = 1; i <= 10; i++) {
      scheduler.schedule(count::incrementAndGet, Duration.ofSeconds(i));
    }

    assertThat(scheduler.runUntil(() -> count.get() == 4)).isEqualTo(4);

    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(4));
    assertThat(scheduler.pending()).isEqualTo(6);
    assertThat(scheduler.runUntil(() -> true)).isZero();
  }

  @Test
  void runUntilFailsWhenTheQueueEmptiesFirst() {
    scheduler.execute(() -> log.add("only"));

    assertThatThrownBy(() -> scheduler.runUntil(() -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no task left after 1 tasks");
  }

  @Test
  void runUntilGuardTrips() {
    ManualScheduler guarded = new ManualScheduler(clock, 50);
    Runnable forever =
        new Runnable() {
          @Override
          public void run() {
            guarded.execute(this);
          }
        };
    guarded.execute(forever);

    assertThatThrownBy(() -> guarded.runUntil(() -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("50 tasks");
  }

  @Test
  void cancelledTasksNeverRun() {
    Cancellable a = scheduler.schedule(() -> log.add("a"), Duration.ofSeconds(1));
    scheduler.schedule(() -> log.add("b"), Duration.ofSeconds(1));

    a.cancel();
    assertThat(scheduler.pending()).isEqualTo(1);
    scheduler.runUntilIdle();
    a.cancel(); // harmless after the fact

    assertThat(log).containsExactly("b");
  }

  @Test
  void negativeDelaysAreRefused() {
    assertThatThrownBy(() -> scheduler.schedule(() -> {}, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scheduler.advance(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailingTaskIsSurfacedNotSwallowed() {
    IllegalStateException boom = new IllegalStateException("boom");
    scheduler.schedule(() -> log.add("before"), Duration.ofSeconds(1));
    scheduler.schedule(
        () -> {
          throw boom;
        },
        Duration.ofSeconds(2));
    scheduler.schedule(() -> log.add("after"), Duration.ofSeconds(3));

    assertThatThrownBy(scheduler::runUntilIdle)
        .isInstanceOf(ScheduledTaskFailure.class)
        .isInstanceOf(AssertionError.class)
        .hasCause(boom)
        .hasMessageContaining("boom");
    assertThat(scheduler.failures()).containsExactly(boom);
    assertThat(log).containsExactly("before");

    // the test may go on: the rest of the queue is intact
    scheduler.runUntilIdle();
    assertThat(log).containsExactly("before", "after");
  }

  @Test
  void aDriverCalledFromATaskIsRefused() {
    scheduler.execute(scheduler::runDue);

    assertThatThrownBy(scheduler::runDue)
        .isInstanceOf(ScheduledTaskFailure.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void otherThreadsMaySchedule() throws InterruptedException {
    Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
    AtomicInteger ran = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                VirtualClockTest.awaitQuietly(go);
                for (int i = 0; i < 500; i++) {
                  scheduler.schedule(
                      () -> {
                        ranOn.add(Thread.currentThread());
                        ran.incrementAndGet();
                      },
                      Duration.ofMillis(i));
                }
              });
      thread.start();
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(scheduler.pending()).isEqualTo(2000);
    assertThat(scheduler.runUntilIdle()).isEqualTo(2000);
    assertThat(ran).hasValue(2000);
    assertThat(ranOn).containsExactly(Thread.currentThread());
  }
}
