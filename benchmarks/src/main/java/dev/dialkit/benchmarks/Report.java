package dev.dialkit.benchmarks;

import dev.dialkit.testkit.SimulatedCallProviderBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Formats the benchmark's figures as plain text. */
final class Report {
  /** Utilisation over the saturated period that Dialkit aims for, in the dialer's view. */
  static final double UTILISATION_TARGET = 0.995;

  /** Refill latency p99 that Dialkit aims for. */
  static final Duration REFILL_P99_TARGET = Duration.ofMillis(5);

  private Report() {}

  static String environment() {
    Runtime runtime = Runtime.getRuntime();
    return format(
        "JVM: %s %s (%s), %d cores, max heap %d MiB, %s %s%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"),
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }

  static String scenario(Scenario s) {
    return format(
        "scenario: %,d leads, limit %d (global and per tenant), seed %d; simulated provider: talk"
            + " time lognormal mean %d s sigma %.1f, no answer %.0f %%, ring %d-%d s, ring"
            + " timeout %d s, API latency %d ms, webhook delay %d-%d ms%n",
        s.leads(),
        s.limit(),
        s.seed(),
        Scenario.TALK_TIME_MEAN.toSeconds(),
        Scenario.TALK_TIME_SIGMA,
        Scenario.NO_ANSWER * 100,
        SimulatedCallProviderBuilder.DEFAULT_RING_TIME_MIN.toSeconds(),
        SimulatedCallProviderBuilder.DEFAULT_RING_TIME_MAX.toSeconds(),
        Scenario.RING_TIMEOUT.toSeconds(),
        SimulatedCallProviderBuilder.DEFAULT_API_LATENCY.toMillis(),
        SimulatedCallProviderBuilder.DEFAULT_WEBHOOK_DELAY_MIN.toMillis(),
        SimulatedCallProviderBuilder.DEFAULT_WEBHOOK_DELAY_MAX.toMillis());
  }

  static String table(List<RunResult> results) {
    TextTable table =
        new TextTable(
            "algorithm",
            "leads",
            "limit",
            "makespan",
            "utilisation",
            "util. (provider)",
            "saturated",
            "sat. util.",
            "sat. util. (provider)",
            "busy slot-s (dialer)",
            "busy slot-s (provider)",
            "wall");
    for (RunResult r : results) {
      table.row(
          r.algorithm(),
          format("%,d", r.leads()),
          Integer.toString(r.limit()),
          clock(r.makespan()),
          percent(r.utilisation(r.held(), r.end())),
          percent(r.utilisation(r.placed(), r.end())),
          clock(r.saturated()),
          percent(r.utilisation(r.held(), r.lastClaim())),
          percent(r.utilisation(r.placed(), r.lastClaim())),
          format("%,.1f", RunResult.busySlotSeconds(r.held())),
          format("%,.1f", RunResult.busySlotSeconds(r.placed())),
          format("%.2f s", r.wall().toNanos() / 1e9));
    }
    return table.render();
  }

  static String legend() {
    return "utilisation = busy slot-seconds / (limit x period); the period is the makespan (start"
        + " to the last terminal webhook, Dialkit's COMPLETED) or, for \"sat.\", the saturated"
        + " period (start to the last lead claimed, while leads were waiting)\n"
        + "dialer view: each call from its claim (Dialkit's Call.createdAt; lockstep: its dial) to"
        + " the handling of its terminal webhook; provider view: SimulatedCall placedAt..endedAt\n"
        + "makespan and saturated are virtual time (h:mm:ss); wall is the real time of the run\n";
  }

  static String refills(LatencyRecorder refills, Scenario scenario) {
    String figures =
        refills.count() == 0
            ? "n/a"
            : format(
                "p50 %s, p99 %s, max %s",
                micros(refills.percentile(50)),
                micros(refills.percentile(99)),
                micros(refills.max()));
    return format(
        "refill latency (dialkit, wall time from a terminal webhook entering handle() to the"
            + " refill's place()): %s over %,d refills (leads - limit = %,d)%n",
        figures, refills.count(), Math.max(0, scenario.leads() - scenario.limit()));
  }

  static String targets(RunResult dialkit, LatencyRecorder refills) {
    double saturated = dialkit.utilisation(dialkit.held(), dialkit.lastClaim());
    long p99 = refills.percentile(99);
    return format(
        "targets (dialkit): saturated utilisation (dialer view) >= %.1f %%: %s (%s; whole"
            + " makespan %s; saturated, provider view %s); refill p99 <= %d ms: %s (%s)%n",
        UTILISATION_TARGET * 100,
        verdict(!Double.isNaN(saturated), saturated >= UTILISATION_TARGET),
        percent(saturated),
        percent(dialkit.utilisation(dialkit.held(), dialkit.end())),
        percent(dialkit.utilisation(dialkit.placed(), dialkit.lastClaim())),
        REFILL_P99_TARGET.toMillis(),
        verdict(refills.count() > 0, p99 <= REFILL_P99_TARGET.toNanos()),
        refills.count() > 0 ? micros(p99) : "no refill");
  }

  private static String verdict(boolean measured, boolean met) {
    return !measured ? "n/a" : met ? "met" : "missed";
  }

  static String percent(double ratio) {
    return Double.isNaN(ratio) ? "n/a" : format("%.2f %%", ratio * 100);
  }

  static String micros(long nanos) {
    return format("%,.1f us", nanos / 1e3);
  }

  /** {@code h:mm:ss.s} */
  static String clock(Duration d) {
    long tenths = d.toMillis() / 100;
    return format(
        "%d:%02d:%02d.%d", tenths / 36_000, tenths / 600 % 60, tenths / 10 % 60, tenths % 10);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
