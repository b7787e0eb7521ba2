package dev.dialkit.benchmarks;

import java.util.Locale;

/**
 * Live threads and the heap after a full GC at one moment of the held run.
 *
 * @param threads live threads of the JVM
 * @param heapBytes heap in use after full collections
 * @param load the load average then
 */
record ScaleHeldFigures(int threads, long heapBytes, String load) {
  ScaleHeldFigures {
    if (threads < 1 || heapBytes < 0 || load == null) {
      throw new IllegalArgumentException("threads >= 1, heap >= 0 and a load are required");
    }
  }

  static ScaleHeldFigures now() {
    long heap = ScaleGauges.heapAfterGc();
    return new ScaleHeldFigures(ScaleGauges.threads(), heap, ScaleGauges.load());
  }

  /** The before/after lines, and the heap each of the {@code calls} in progress adds. */
  String compare(ScaleHeldFigures after, int calls, int peakThreads) {
    double mib = ScaleGauges.MIB;
    return String.format(
        Locale.ROOT,
        "live threads: before %d, with %,d calls in progress %d (peak while filling %d)%n"
            + "heap after full GC: before %,.1f MiB, with the calls %,.1f MiB:"
            + " %,.0f bytes more per call in progress%n"
            + "load: before %s, after %s%n",
        threads,
        calls,
        after.threads,
        peakThreads,
        heapBytes / mib,
        after.heapBytes / mib,
        (after.heapBytes - heapBytes) / (double) calls,
        load,
        after.load);
  }
}
