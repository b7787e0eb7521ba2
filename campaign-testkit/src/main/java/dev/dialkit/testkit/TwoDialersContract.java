package dev.dialkit.testkit;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two dialers on one store, in virtual time: {@link #twoDialersLeads()} leads (2,000 by default)
 * dialed exactly once with the limits never exceeded, and when one dialer dies (its heartbeats
 * stop, nothing is cleaned up) the other takes its campaigns over within three heartbeats and
 * finishes them. See {@link MultiDialerScenario}; the fault simulator ({@link FaultSimulation})
 * tries several instances far harder.
 */
interface TwoDialersContract extends StoreContractSupport {
  /**
   * How many leads the two dialers share: 2,000 unless a store whose every operation is a network
   * round trip lowers it to keep its suite's time in bounds (never below 1,000).
   */
  default int twoDialersLeads() {
    return 2000;
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard only
  default void twoDialersDialEveryLeadOnceWithinTheLimitsAndSurviveTheDeathOfOne() {
    MultiDialerScenario.run(this::store, 2, 2, Math.max(1000, twoDialersLeads()), 20, 10);
  }
}
