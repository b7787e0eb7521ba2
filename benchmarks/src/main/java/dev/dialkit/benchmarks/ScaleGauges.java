package dev.dialkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JVM and machine figures the scale runs print beside every measurement. */
final class ScaleGauges {
  private static final Path LOADAVG = Path.of("/proc/loadavg");
  static final long MIB = 1024 * 1024;

  private ScaleGauges() {}

  /** The 1, 5 and 15 minute load averages, or {@code n/a} where /proc is missing. */
  static String load() {
    try {
      String[] parts = Files.readString(LOADAVG).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "n/a";
    }
  }

  /** Live threads of this JVM now. */
  static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** The most live threads since the JVM started or the last {@link #resetPeakThreads}. */
  static int peakThreads() {
    return ManagementFactory.getThreadMXBean().getPeakThreadCount();
  }

  static void resetPeakThreads() {
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
  }

  /** Heap in use now, garbage included. */
  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Heap in use after full collections: the live set. Two in a row, since objects with finalizers
   * or reference queues need a second one to go.
   */
  static long heapAfterGc() {
    System.gc();
    System.gc();
    return heapUsed();
  }
}
