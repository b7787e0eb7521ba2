package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.spi.TaskScheduler.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task of a {@link SchedulerExecutorService} and its future. {@link FutureTask} gives it its
 * states, at most one run at a time, and its result; a periodic task re-arms itself after each run.
 */
final class SchedulerTask<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
  private static final Logger log = LoggerFactory.getLogger(SchedulerTask.class);

  private final SchedulerExecutorService owner;
  private final Duration period; // null: runs once
  private final boolean fixedRate;
  private final boolean immediate;
  private volatile Instant due;
  private volatile Cancellable pending;
  private volatile boolean started;

  private SchedulerTask(
      SchedulerExecutorService owner,
      Callable<V> callable,
      Instant due,
      Duration period,
      boolean fixedRate,
      boolean immediate) {
    super(callable);
    this.owner = owner;
    this.due = due;
    this.period = period;
    this.fixedRate = fixedRate;
    this.immediate = immediate;
  }

  /** A task to run as soon as the scheduler can, through {@code TaskScheduler.execute}. */
  static <V> SchedulerTask<V> now(SchedulerExecutorService owner, Callable<V> callable) {
    return new SchedulerTask<>(owner, callable, owner.clock().instant(), null, false, true);
  }

  /** A task to run once, at {@code due}. */
  static <V> SchedulerTask<V> once(
      SchedulerExecutorService owner, Callable<V> callable, Instant due) {
    return new SchedulerTask<>(owner, callable, due, null, false, false);
  }

  /** A task to run first at {@code first}, then every {@code period}. */
  static SchedulerTask<Object> periodic(
      SchedulerExecutorService owner,
      Runnable command,
      Instant first,
      Duration period,
      boolean fixedRate) {
    return new SchedulerTask<>(
        owner, Executors.callable(command, null), first, period, fixedRate, false);
  }

  @Override
  public boolean isPeriodic() {
    return period != null;
  }

  boolean immediate() {
    return immediate;
  }

  boolean started() {
    return started;
  }

  @Override
  public void run() {
    started = true;
    if (!isPeriodic()) {
      super.run();
    } else if (runAndReset()) {
      Instant now = owner.clock().instant();
      due = SchedulerExecutorService.plus(fixedRate ? due : now, period);
      owner.reschedule(this);
    }
  }

  /** Records the scheduler's handle on the next run, so that a cancel can withdraw it. */
  void scheduled(Cancellable handle) {
    pending = handle;
    if (isCancelled()) {
      handle.cancel(); // cancelled while being scheduled
    }
  }

  /** How long from now until the task is due; zero if it is due already. */
  Duration delay() {
    Duration left = Duration.between(owner.clock().instant(), due);
    return left.isNegative() ? Duration.ZERO : left;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Cancellable handle = pending;
    if (cancelled && handle != null) {
      handle.cancel();
    }
    return cancelled;
  }

  @Override
  protected void setException(Throwable failure) {
    if (isPeriodic()) {
      // nobody may ever call get() on a periodic task: say why it stopped
      log.warn("periodic task stopped: a run threw", failure);
    }
    super.setException(failure);
  }

  @Override
  protected void done() {
    owner.forget(this);
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(Duration.between(owner.clock().instant(), due));
  }

  @Override
  public int compareTo(Delayed other) {
    if (other instanceof SchedulerTask<?> task) {
      return due.compareTo(task.due);
    }
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }
}
