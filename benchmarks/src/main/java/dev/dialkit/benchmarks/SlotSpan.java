package dev.dialkit.benchmarks;

import java.time.Instant;

/**
 * The time one call held one slot, in epoch milliseconds (the simulation's precision).
 *
 * @param from when the slot was taken
 * @param to when it was given back, not before {@code from}
 */
record SlotSpan(long from, long to) {
  SlotSpan {
    if (to < from) {
      throw new IllegalArgumentException("a slot span ends before it starts: " + from + " > " + to);
    }
  }

  static SlotSpan of(Instant from, Instant to) {
    return new SlotSpan(from.toEpochMilli(), to.toEpochMilli());
  }

  /** How many of this span's milliseconds fall within {@code [start, end]}. */
  long overlapMillis(long start, long end) {
    return Math.max(0, Math.min(to, end) - Math.max(from, start));
  }
}
