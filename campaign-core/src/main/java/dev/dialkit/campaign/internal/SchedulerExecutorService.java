package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} view of a {@link TaskScheduler}, for libraries that want one
 * (resilience4j's {@code SemaphoreBasedRateLimiter} refreshes its permits on it): their tasks then
 * run on Dialkit's scheduler, and so in virtual time under the testkit's manual scheduler.
 *
 * <p>What it guarantees:
 *
 * <ul>
 *   <li>Every task runs on the {@link TaskScheduler}, never inside the call that submits it; {@link
 *       #execute} goes through {@link TaskScheduler#execute}, a delay through {@link
 *       TaskScheduler#schedule}. A negative delay counts as zero.
 *   <li>A periodic task schedules its next run itself, once the current run has returned: at a
 *       fixed rate, one period after the previous due instant (at once if that is already past);
 *       with a fixed delay, one period after the run ended. A run that throws ends the task: its
 *       future holds the exception and no further run happens, as with {@link
 *       java.util.concurrent.ScheduledThreadPoolExecutor}.
 *   <li>The returned futures can be cancelled; {@link ScheduledFuture#getDelay} is measured on the
 *       injected {@link Clock}.
 *   <li>{@link #shutdown} rejects every later task with a {@link RejectedExecutionException} and
 *       cancels the periodic tasks; one-shot tasks accepted before still run. {@link #shutdownNow}
 *       also cancels those, and returns the ones that never started.
 *   <li>It owns no thread: once shut down it counts as terminated ({@link #isTerminated}, and
 *       {@link #awaitTermination} returns {@code true} at once). Closing the {@link TaskScheduler}
 *       stays its owner's job.
 * </ul>
 *
 * <p>Thread-safe. The {@code invokeAll}, {@code invokeAny} and {@code submit} methods come from
 * {@link AbstractExecutorService}; under a manual scheduler the blocking ones wait until another
 * thread drives it.
 */
public final class SchedulerExecutorService extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final Object lock = new Object();
  private final Set<SchedulerTask<?>> accepted = new HashSet<>(); // not yet done; guarded by lock
  private final CountDownLatch shutdown = new CountDownLatch(1);

  /** Tasks run on {@code scheduler}; delays are measured on {@code clock}, the scheduler's own. */
  public SchedulerExecutorService(TaskScheduler scheduler, Clock clock) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void execute(Runnable command) {
    Objects.requireNonNull(command, "command");
    accept(SchedulerTask.now(this, Executors.callable(command, null)));
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Objects.requireNonNull(command, "command");
    return schedule(Executors.callable(command, null), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    Objects.requireNonNull(callable, "callable");
    return accept(SchedulerTask.once(this, callable, dueIn(delay, unit)));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return periodic(command, initialDelay, period, unit, true);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return periodic(command, initialDelay, delay, unit, false);
  }

  private ScheduledFuture<?> periodic(
      Runnable command, long initialDelay, long period, TimeUnit unit, boolean fixedRate) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(unit, "unit");
    if (period <= 0) {
      throw new IllegalArgumentException("period must be > 0, was " + period + " " + unit);
    }
    Duration every = Duration.ofNanos(unit.toNanos(period));
    Instant first = dueIn(initialDelay, unit);
    return accept(SchedulerTask.periodic(this, command, first, every, fixedRate));
  }

  private Instant dueIn(long delay, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit");
    return plus(clock.instant(), Duration.ofNanos(Math.max(0, unit.toNanos(delay))));
  }

  private <V> SchedulerTask<V> accept(SchedulerTask<V> task) {
    synchronized (lock) {
      if (isShutdown()) {
        throw new RejectedExecutionException("the executor is shut down");
      }
      accepted.add(task);
    }
    if (task.immediate()) {
      scheduler.execute(task);
    } else {
      task.scheduled(scheduler.schedule(task, task.delay()));
    }
    return task;
  }

  /** Schedules the next run of a periodic task, unless the executor is shut down. */
  void reschedule(SchedulerTask<?> task) {
    if (isShutdown()) {
      task.cancel(false);
    } else {
      task.scheduled(scheduler.schedule(task, task.delay()));
    }
  }

  /** Called by a task once it is done (run, failed or cancelled). */
  void forget(SchedulerTask<?> task) {
    synchronized (lock) {
      accepted.remove(task);
    }
  }

  Clock clock() {
    return clock;
  }

  @Override
  public void shutdown() {
    for (SchedulerTask<?> task : stopAccepting()) {
      if (task.isPeriodic()) {
        task.cancel(false);
      }
    }
  }

  @Override
  public List<Runnable> shutdownNow() {
    List<Runnable> neverStarted = new ArrayList<>();
    for (SchedulerTask<?> task : stopAccepting()) {
      boolean started = task.started();
      if (task.cancel(false) && !started) {
        neverStarted.add(task);
      }
    }
    return neverStarted;
  }

  private List<SchedulerTask<?>> stopAccepting() {
    synchronized (lock) {
      shutdown.countDown();
      return List.copyOf(accepted);
    }
  }

  @Override
  public boolean isShutdown() {
    return shutdown.getCount() == 0;
  }

  /** The same as {@link #isShutdown()}: the threads belong to the {@link TaskScheduler}. */
  @Override
  public boolean isTerminated() {
    return isShutdown();
  }

  /**
   * Returns {@code true} at once if shut down; otherwise waits up to {@code timeout} for {@link
   * #shutdown} or {@link #shutdownNow}.
   */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return shutdown.await(timeout, unit);
  }

  static Instant plus(Instant instant, Duration duration) {
    try {
      return instant.plus(duration);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX; // beyond the end of time: never due
    }
  }
}
