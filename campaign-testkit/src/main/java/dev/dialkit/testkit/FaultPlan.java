package dev.dialkit.testkit;

import java.time.Duration;

/**
 * What goes wrong in a {@link FaultSimulation}, and how often. The seed decides when and where;
 * this plan decides which kinds of faults happen at all and at what rates. Every fault happens only
 * inside the fault window; then the world settles (everything thaws and restarts, nothing fails)
 * and the invariants are checked.
 *
 * @param instances dialer instances sharing the store, 1 to 5
 * @param faultWindow how long faults are injected, from the start
 * @param storeFailBefore per store operation: it fails before reaching the store
 * @param storeAckLost per store operation: it commits, then the answer is lost (an exception)
 * @param interleave per store operation: the instance stalls right before it for up to 300 ms,
 *     while everything else due meanwhile runs (a slow thread: an interleaving)
 * @param freezeInOperation per store operation: the instance freezes right there (before or after
 *     it reaches the store), for up to {@code maxFreeze}
 * @param crashInOperation per store operation: the instance is killed right there (before or after
 *     the store), and restarted later with its in-memory state lost
 * @param freezes whole-instance freezes between tasks during the window, each up to {@code
 *     maxFreeze}
 * @param crashes instance kills between tasks during the window, each followed by a restart
 * @param outages store outages during the window (every operation fails, before or after commit)
 * @param maxOutage the longest outage
 * @param maxFreeze the longest freeze; freezes longer than the lease make others take over
 * @param operatorActions pauses, resumes, cancels and lead additions at random moments
 * @param maxSkew each instance's clock is off by up to this much, either way
 * @param providerFaults the simulated provider loses, duplicates, reorders and delays webhooks, and
 *     fails or times out create requests
 */
public record FaultPlan(
    int instances,
    Duration faultWindow,
    double storeFailBefore,
    double storeAckLost,
    double interleave,
    double freezeInOperation,
    double crashInOperation,
    int freezes,
    int crashes,
    int outages,
    Duration maxOutage,
    Duration maxFreeze,
    int operatorActions,
    Duration maxSkew,
    boolean providerFaults) {

  public FaultPlan {
    if (instances < 1 || instances > 5) {
      throw new IllegalArgumentException("instances must be 1 to 5, was " + instances);
    }
    for (double p :
        new double[] {
          storeFailBefore, storeAckLost, interleave, freezeInOperation, crashInOperation
        }) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probabilities must be in [0, 1], was " + p);
      }
    }
    if (freezes < 0 || crashes < 0 || outages < 0 || operatorActions < 0) {
      throw new IllegalArgumentException("event counts must be >= 0");
    }
    if (faultWindow.isNegative() || maxOutage.isNegative() || maxFreeze.isNegative()) {
      throw new IllegalArgumentException("durations must be >= 0");
    }
  }

  /**
   * Every kind of fault at once, at rates that make a few hundred of them in a run: the plan CI
   * runs over many seeds.
   */
  public static FaultPlan standard() {
    return new FaultPlan(
        3,
        Duration.ofMinutes(6),
        0.01,
        0.01,
        0.15,
        0.004,
        0.002,
        3,
        2,
        1,
        Duration.ofSeconds(20),
        Duration.ofSeconds(12),
        10,
        Duration.ofSeconds(1),
        true);
  }

  /** Nothing goes wrong: several instances, an operator, and a well-behaved provider. */
  public static FaultPlan quiet(int instances) {
    return new FaultPlan(
        instances,
        Duration.ZERO,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        Duration.ZERO,
        Duration.ZERO,
        0,
        Duration.ZERO,
        false);
  }
}
