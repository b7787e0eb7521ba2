package dev.dialkit.testkit;

import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Several {@link ManualScheduler}s on one {@link VirtualClock}: several dialer instances and a
 * provider, driven deterministically from one thread. Each step runs everything due on every
 * scheduler, then moves the clock to the earliest next task. A scheduler left out of the group
 * simply stops, as an instance that died would.
 */
public final class SchedulerGroup {
  private SchedulerGroup() {}

  /**
   * Runs the schedulers until {@code done}. {@code done} is asked once per instant, after
   * everything due has run, so it may be costly (a store read).
   *
   * @throws IllegalStateException if no scheduler has anything left to run and {@code done} is
   *     still false
   */
  public static void runUntil(
      VirtualClock clock, List<ManualScheduler> schedulers, BooleanSupplier done) {
    while (true) {
      int ran = 0;
      for (ManualScheduler scheduler : schedulers) {
        ran += scheduler.runDue();
      }
      if (ran > 0) {
        continue;
      }
      if (done.getAsBoolean()) {
        return;
      }
      Instant next = null;
      for (ManualScheduler scheduler : schedulers) {
        Instant due = scheduler.nextDue();
        if (due != null && (next == null || due.isBefore(next))) {
          next = due;
        }
      }
      if (next == null) {
        throw new IllegalStateException("nothing left to run and not done");
      }
      if (next.isAfter(clock.instant())) {
        clock.set(next);
      }
    }
  }
}
