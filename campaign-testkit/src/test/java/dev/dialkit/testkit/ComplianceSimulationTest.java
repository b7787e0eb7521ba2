package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.spi.CampaignStore;
import org.junit.jupiter.api.Test;

/**
 * The compliance adversary over many seeds on the in-memory store, under the standard fault plan:
 * shared numbers across campaigns and tenants, caps of one call per number per calendar day or two
 * per rolling 24 hours, and opt-outs arriving at random moments through random instances. {@value
 * #DEFAULT_SEEDS} seeds in CI, more with {@code -Ddialkit.sim.seeds=N}.
 */
class ComplianceSimulationTest {
  static final int DEFAULT_SEEDS = 300;

  @Test
  void noNumberIsCalledBeyondItsCapsOrAfterItsOptOut() {
    var failures =
        SimulationRuns.failures(
            SimulationRuns.seeds(DEFAULT_SEEDS),
            seed ->
                FaultSimulation.builder()
                    .seed(seed)
                    .store(CampaignStore::inMemory)
                    .compliance(caps(seed), 3)
                    .rerun(
                        "./mvnw -pl campaign-testkit -am test"
                            + " -Dsurefire.failIfNoSpecifiedTests=false"
                            + " -Dtest=ComplianceSimulationTest -Ddialkit.sim.seed={seed}")
                    .build()
                    .run());
    assertThat(failures).as("failing seeds").isEmpty();
  }

  /**
   * Odd seeds allow one call per number a day, so the second campaign of a tenant always finds its
   * shared numbers capped; even seeds two per 24 hours, which retries reach.
   */
  private static AttemptCaps caps(long seed) {
    return seed % 2 == 1
        ? AttemptCaps.perCalendarDay(1)
        : AttemptCaps.perRolling24Hours(2).andPerCalendarDay(2);
  }
}
