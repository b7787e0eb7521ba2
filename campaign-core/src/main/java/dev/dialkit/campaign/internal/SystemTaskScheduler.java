package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link TaskScheduler}: a small pool of daemon threads. */
public final class SystemTaskScheduler implements TaskScheduler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SystemTaskScheduler.class);

  private final ScheduledThreadPoolExecutor pool;

  public SystemTaskScheduler(String name, int threads) {
    pool = new ScheduledThreadPoolExecutor(threads, daemonThreads(name));
    pool.setRemoveOnCancelPolicy(true);
    // at close, what waits for later is dropped; only tasks already running are waited for
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  static ThreadFactory daemonThreads(String name) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  // once closing, work handed in late (a provider's answer, a webhook's follow-up) is dropped: the
  // caller is not the one to fail for it, and recovery on the next instance picks the call up
  @Override
  public void execute(Runnable task) {
    try {
      pool.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      log.debug("scheduler closed; task dropped");
    }
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    try {
      ScheduledFuture<?> future =
          pool.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      log.debug("scheduler closed; task dropped");
      return () -> {};
    }
  }

  // an exception must not silently kill a periodic chain of tasks: log it where it happened
  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        log.error("dialkit task failed", e);
      }
    };
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /**
   * Runs nothing new and waits, until {@code deadline} on the wall clock (a real shutdown, not
   * simulated time), for the tasks already running to finish; then interrupts what is left.
   */
  void closeAwaiting(long deadlineNanos) {
    pool.shutdown();
    try {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0 && !pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        log.warn("dialer tasks still running at close; interrupted");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
  }
}
