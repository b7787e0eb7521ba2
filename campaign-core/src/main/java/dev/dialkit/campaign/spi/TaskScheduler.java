package dev.dialkit.campaign.spi;

import java.time.Duration;

/**
 * Where Dialkit runs its work and its delays. Dialkit never sleeps and never calls {@code
 * Thread.sleep}: every delay is a task scheduled here, so a test or a benchmark can drive time with
 * the testkit's manual scheduler. Implementations are thread-safe.
 */
public interface TaskScheduler {
  /**
   * Runs {@code task} soon, never inside this call: on a scheduler thread (the testkit's manual
   * scheduler runs it later on the thread that drives it).
   */
  void execute(Runnable task);

  /** Runs {@code task} once after {@code delay}. */
  Cancellable schedule(Runnable task, Duration delay);

  /** A scheduled task that can still be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not started; harmless if it has. */
    void cancel();
  }
}
