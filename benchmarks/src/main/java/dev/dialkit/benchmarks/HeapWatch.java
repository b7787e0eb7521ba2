package dev.dialkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The most heap in use while it runs, sampled every 5 ms on a daemon thread (garbage not yet
 * collected included: what the process needs at most under its {@code -Xmx}).
 */
final class HeapWatch implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peak;

  HeapWatch() {
    System.gc(); // start from the live set, not from the garbage of the previous phase
    sampler =
        new Thread(
            () -> {
              while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The peak so far, in MiB. */
  long peakMib() {
    return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) / (1024 * 1024);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
