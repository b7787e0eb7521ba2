package dev.dialkit.testkit;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two dialers on one store, in virtual time: 2,000 leads dialed exactly once with the limits never
 * exceeded, and when one dialer dies (its heartbeats stop, nothing is cleaned up) the other takes
 * its campaigns over within three heartbeats and finishes them. See {@link MultiDialerScenario}.
 */
interface TwoDialersContract extends StoreContractSupport {
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard only
  default void twoDialersDialEveryLeadOnceWithinTheLimitsAndSurviveTheDeathOfOne() {
    MultiDialerScenario.run(this::store, 2, 2, 2000, 20, 10);
  }
}
