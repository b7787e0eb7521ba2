package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallId;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one change of a call at a time run in this instance: a burst of webhooks for one call (a
 * short call's initiated, ringing, answered and completed arrive within milliseconds) would
 * otherwise race in the store's compare-and-set, and every loser pays a refused write and a retry.
 * An optimisation only: correctness rests on the store's versioned transitions, which also order
 * changes made on other instances. So a change that waits longer than {@link #PATIENCE} (a thread
 * stuck in the store) goes ahead without the lock rather than queue behind it.
 *
 * <p>Locks are striped by call id (a few calls share a stripe); nothing may take a second stripe
 * while holding one, so callers run their follow-ups (events, the slot refill) after {@link #run}
 * returns.
 */
final class CallLocks {
  static final Duration PATIENCE = Duration.ofSeconds(2);
  private static final int STRIPES = 1024;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final Duration patience;

  CallLocks() {
    this(PATIENCE);
  }

  CallLocks(Duration patience) {
    this.patience = patience;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Runs {@code work} with the call's stripe held, or without it after the patience. */
  <T> T run(CallId call, Supplier<T> work) {
    ReentrantLock lock = stripes[Math.floorMod(call.hashCode(), STRIPES)];
    boolean held;
    try {
      held = lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      held = false;
    }
    try {
      return work.get();
    } finally {
      if (held) {
        lock.unlock();
      }
    }
  }
}
