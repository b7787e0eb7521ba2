package dev.dialkit.testkit;

import java.util.List;

/**
 * What a {@link FaultSimulation} found.
 *
 * @param seed the seed of the run
 * @param violations every guarantee that did not hold, one line each; empty if all held
 * @param summary what the run did (tasks, faults injected, requests, calls), for the log
 * @param rerun the command that replays this run
 */
public record SimulationReport(long seed, List<String> violations, String summary, String rerun) {
  public SimulationReport {
    violations = List.copyOf(violations);
  }

  public boolean passed() {
    return violations.isEmpty();
  }

  /** One paragraph for an assertion message: the violations, then how to rerun. */
  public String describe() {
    return "seed "
        + seed
        + ": "
        + violations.size()
        + " violation(s):\n  "
        + String.join("\n  ", violations.subList(0, Math.min(20, violations.size())))
        + "\n"
        + summary
        + "\nrerun: "
        + rerun;
  }
}
