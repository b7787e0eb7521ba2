package dev.dialkit.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one algorithm did with one scenario, in virtual time, plus the wall time the run took.
 *
 * @param algorithm its name in the report
 * @param leads leads dialed
 * @param limit calls allowed at once
 * @param start when dialing started
 * @param lastClaim when the last lead was claimed (dialed): the lead queue is empty from here on
 * @param end when the last terminal webhook was handled and the campaign was over
 * @param held each call's slot as the dialer saw it: from its claim to the handling of its terminal
 *     webhook
 * @param placed each call as the provider saw it: from {@code place()} to its end
 * @param wall the wall time of the whole run
 */
record RunResult(
    String algorithm,
    int leads,
    int limit,
    Instant start,
    Instant lastClaim,
    Instant end,
    List<SlotSpan> held,
    List<SlotSpan> placed,
    Duration wall) {

  RunResult {
    held = List.copyOf(held);
    placed = List.copyOf(placed);
  }

  /** Start to end. */
  Duration makespan() {
    return Duration.between(start, end);
  }

  /** Start to the last claim: every slot could be busy, as leads were waiting. */
  Duration saturated() {
    return Duration.between(start, lastClaim);
  }

  /** Busy slot-seconds over the whole run. */
  static double busySlotSeconds(List<SlotSpan> spans) {
    return spans.stream().mapToLong(s -> s.to() - s.from()).sum() / 1000.0;
  }

  /** Busy slot-time within start..until, over limit x (until - start); NaN for an empty period. */
  double utilisation(List<SlotSpan> spans, Instant until) {
    long from = start.toEpochMilli();
    long to = until.toEpochMilli();
    if (to <= from) {
      return Double.NaN;
    }
    long busy = spans.stream().mapToLong(s -> s.overlapMillis(from, to)).sum();
    return busy / ((double) limit * (to - from));
  }
}
