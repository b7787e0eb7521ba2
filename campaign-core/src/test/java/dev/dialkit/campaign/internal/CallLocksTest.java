package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallLocksTest {
  private static final CallId CALL = CallId.of("c1-lead-0.1");

  @Test
  void changesOfOneCallRunOneAtATime() throws Exception {
    CallLocks locks = new CallLocks();
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch letFirstGo = new CountDownLatch(1);
    Thread first =
        new Thread(
            () ->
                locks.run(
                    CALL,
                    () -> {
                      order.add("first in");
                      firstInside.countDown();
                      await(letFirstGo);
                      order.add("first out");
                      return null;
                    }));
    first.start();
    firstInside.await();
    Thread second = new Thread(() -> locks.run(CALL, () -> order.add("second")));
    second.start();
    waitUntilParked(second);

    assertThat(order).containsExactly("first in");
    letFirstGo.countDown();
    first.join();
    second.join();
    assertThat(order).containsExactly("first in", "first out", "second");
  }

  @Test
  void aChangeDoesNotWaitForeverForAStuckOne() throws Exception {
    CallLocks locks = new CallLocks(Duration.ofMillis(1));
    try (Holder stuck = Holder.hold(locks, CALL)) {
      // the store's compare-and-set keeps it correct; the lock only saves refused writes
      assertThat(locks.run(CALL, () -> "went ahead")).isEqualTo("went ahead");
    }
  }

  @Test
  void otherCallsDoNotWait() throws Exception {
    CallLocks locks = new CallLocks();
    try (Holder holder = Holder.hold(locks, CALL)) {
      assertThat(locks.run(otherStripe(), () -> "ran")).isEqualTo("ran");
    }
  }

  /** A thread inside {@link CallLocks#run} for a call until closed. */
  private static final class Holder implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    private Holder(CallLocks locks, CallId call, CountDownLatch inside) {
      thread =
          new Thread(
              () ->
                  locks.run(
                      call,
                      () -> {
                        inside.countDown();
                        await(release);
                        return null;
                      }));
    }

    static Holder hold(CallLocks locks, CallId call) throws InterruptedException {
      CountDownLatch inside = new CountDownLatch(1);
      Holder holder = new Holder(locks, call, inside);
      holder.thread.start();
      inside.await();
      return holder;
    }

    @Override
    public void close() throws InterruptedException {
      release.countDown();
      thread.join();
    }
  }

  private static CallId otherStripe() {
    for (int i = 0; ; i++) {
      CallId id = CallId.of("c1-lead-" + i + ".1");
      if (Math.floorMod(id.hashCode(), 1024) != Math.floorMod(CALL.hashCode(), 1024)) {
        return id;
      }
    }
  }

  private static void waitUntilParked(Thread t) {
    while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
