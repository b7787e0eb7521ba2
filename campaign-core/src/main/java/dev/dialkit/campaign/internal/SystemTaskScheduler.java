package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
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
  }

  static ThreadFactory daemonThreads(String name) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(guarded(task));
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> future =
        pool.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
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
}
