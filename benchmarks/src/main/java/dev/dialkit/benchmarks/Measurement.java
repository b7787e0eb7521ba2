package dev.dialkit.benchmarks;

/**
 * One measured figure: {@code count} operations by {@code threads} client threads in {@code
 * seconds} of wall time, with the load average read when it started and when it ended.
 *
 * @param what what was counted, e.g. {@code "claims (claimBatch)"}
 * @param threads client threads (or the dialer's concurrency, for end-to-end runs)
 * @param count operations done, >= 0
 * @param seconds wall time, > 0
 * @param loadStart {@link LoadAverage#now()} at the start
 * @param loadEnd {@link LoadAverage#now()} at the end
 * @param note anything the row needs said (e.g. the most calls in progress), or empty
 */
record Measurement(
    String what,
    int threads,
    long count,
    double seconds,
    String loadStart,
    String loadEnd,
    String note) {
  Measurement {
    if (what == null || what.isBlank() || loadStart == null || loadEnd == null || note == null) {
      throw new IllegalArgumentException("a measurement needs a name, load averages and a note");
    }
    if (threads < 1 || count < 0 || !(seconds > 0)) {
      throw new IllegalArgumentException(
          what + ": threads " + threads + ", count " + count + ", seconds " + seconds);
    }
  }

  /** Operations per second. */
  double rate() {
    return count / seconds;
  }

  Measurement withNote(String text) {
    return new Measurement(what, threads, count, seconds, loadStart, loadEnd, text);
  }
}
