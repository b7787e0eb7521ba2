package dev.dialkit.benchmarks;

import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real-time {@link TaskScheduler} on a fixed pool of daemon threads: the simulated provider's
 * side of the end-to-end run (its answers and its webhook deliveries, each delivery calling the
 * dialer's webhook handler on one of these threads, as an HTTP server's worker would).
 */
final class PoolScheduler implements TaskScheduler, AutoCloseable {
  private final ScheduledThreadPoolExecutor pool;

  PoolScheduler(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    pool =
        new ScheduledThreadPoolExecutor(
            threads,
            task -> {
              Thread thread = new Thread(task, name + "-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> future = pool.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
