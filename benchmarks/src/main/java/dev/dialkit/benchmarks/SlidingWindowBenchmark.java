package dev.dialkit.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Dialkit's sliding window against the lockstep batch algorithm, on one scenario in virtual time:
 * makespan, slot utilisation (the dialer's view and the provider's), and Dialkit's in-process
 * refill latency in wall time. A warm-up campaign runs first so that the JIT is not measured.
 *
 * <p>Run it from the repository root: {@code ./mvnw -q -B -pl benchmarks -am -DskipTests package
 * exec:java}; add {@code -Dexec.args="--leads 20000 --limit 100 --seed 7"} to change the scenario.
 */
public final class SlidingWindowBenchmark {
  /** The warm-up campaign's size, or the scenario's if smaller. */
  static final int WARM_UP_LEADS = 3_000;

  private SlidingWindowBenchmark() {}

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(BenchmarkOptions.USAGE);
      return;
    }
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    Scenario scenario = Scenario.of(options);
    System.out.print(Report.environment());
    System.out.print(Report.scenario(scenario));

    Scenario warmUp = scenario.withLeads(Math.min(WARM_UP_LEADS, scenario.leads()));
    RunResult warmDialkit = new DialkitRun(warmUp).run();
    RunResult warmLockstep = new LockstepRun(warmUp).run();
    System.out.printf(
        "warm-up (discarded): %,d leads, dialkit %.2f s wall, lockstep %.2f s wall%n%n",
        warmUp.leads(), warmDialkit.wall().toNanos() / 1e9, warmLockstep.wall().toNanos() / 1e9);

    DialkitRun dialkitRun = new DialkitRun(scenario);
    RunResult dialkit = dialkitRun.run();
    RunResult lockstep = new LockstepRun(scenario).run();

    System.out.print(Report.table(List.of(dialkit, lockstep)));
    System.out.println();
    System.out.print(Report.legend());
    System.out.print(Report.refills(dialkitRun.refills(), scenario));
    System.out.print(Report.targets(dialkit, dialkitRun.refills()));
  }
}
