package dev.dialkit.benchmarks;

import java.util.Arrays;

/** Latencies in nanoseconds, kept in a growing array so that recording one allocates nothing. */
final class LatencyRecorder {
  private long[] nanos = new long[4096];
  private int count;

  void add(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  int count() {
    return count;
  }

  /** The nearest-rank percentile ({@code 0 < p <= 100}) in nanoseconds; 0 if nothing recorded. */
  long percentile(double p) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * count);
    return sorted[Math.max(0, rank - 1)];
  }

  long max() {
    return percentile(100);
  }
}
