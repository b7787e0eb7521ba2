package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.spi.CampaignStore;
import org.junit.jupiter.api.Test;

/**
 * The fault simulator over many seeds on the in-memory store: {@value #DEFAULT_SEEDS} in CI, more
 * with {@code -Ddialkit.sim.seeds=N}, one with {@code -Ddialkit.sim.seed=S} (the rerun line a
 * failure prints).
 */
class FaultSimulationTest {
  static final int DEFAULT_SEEDS = 1000;

  @Test
  void everyGuaranteeHoldsUnderTheStandardFaultPlan() {
    var failures =
        SimulationRuns.failures(
            SimulationRuns.seeds(DEFAULT_SEEDS),
            seed ->
                FaultSimulation.builder()
                    .seed(seed)
                    .store(CampaignStore::inMemory)
                    .rerun(
                        "./mvnw -pl campaign-testkit -am test"
                            + " -Dsurefire.failIfNoSpecifiedTests=false"
                            + " -Dtest=FaultSimulationTest -Ddialkit.sim.seed={seed}")
                    .build()
                    .run());
    assertThat(failures).as("failing seeds").isEmpty();
  }
}
