package dev.dialkit.testkit;

import java.time.Instant;

/**
 * A task run by a {@link ManualScheduler} threw. The driver method that ran it (for example {@link
 * ManualScheduler#runUntilIdle()}) stops and throws this, with the task's exception as the cause.
 *
 * <p>It is an {@link AssertionError} on purpose: a test framework reports it as a failure, and code
 * under test that catches {@code Exception} on the way cannot swallow it. A real scheduler would
 * log the exception on a pool thread where no test sees it; the manual scheduler makes it the
 * test's problem.
 */
public final class ScheduledTaskFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final Instant due;

  ScheduledTaskFailure(long taskNumber, Instant due, Throwable cause) {
    super("scheduled task #" + taskNumber + " due at " + due + " threw " + cause, cause);
    this.due = due;
  }

  /** When the failed task was due. */
  public Instant due() {
    return due;
  }
}
