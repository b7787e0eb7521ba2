package dev.dialkit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

/**
 * Runs a {@link FaultSimulation} over many seeds, as a store module's test does: the seeds come
 * from system properties so that CI, a soak and the replay of one failure use one test.
 */
public final class SimulationRuns {
  /** {@value}: replays this one seed alone (the line a failure prints sets it). */
  public static final String SEED_PROPERTY = "dialkit.sim.seed";

  /** {@value}: runs seeds 1 to N instead of the test's default count (a soak). */
  public static final String SEEDS_PROPERTY = "dialkit.sim.seeds";

  /** How many failing seeds are reported before a run stops. */
  static final int MAX_FAILURES = 3;

  private SimulationRuns() {}

  /** The seeds to run: {@value #SEED_PROPERTY} alone if set, else 1 to {@value #SEEDS_PROPERTY}. */
  public static long[] seeds(int defaultCount) {
    String one = System.getProperty(SEED_PROPERTY);
    if (one != null && !one.isBlank()) {
      return new long[] {Long.parseLong(one.trim())};
    }
    return LongStream.rangeClosed(1, Integer.getInteger(SEEDS_PROPERTY, defaultCount)).toArray();
  }

  /**
   * Runs {@code simulation} for each seed and returns the descriptions of the failing ones (at most
   * three: then it stops), each with its rerun command; empty if every seed passed.
   */
  public static List<String> failures(long[] seeds, LongFunction<SimulationReport> simulation) {
    List<String> failures = new ArrayList<>();
    for (long seed : seeds) {
      SimulationReport report = simulation.apply(seed);
      if (!report.passed()) {
        failures.add(report.describe());
        if (failures.size() == MAX_FAILURES) {
          break;
        }
      }
    }
    return failures;
  }
}
