package dev.dialkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.testkit.FaultSimulation;
import dev.dialkit.testkit.SimulationRuns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault simulator (campaign-testkit's {@link FaultSimulation}) on the MongoDB store, against
 * mongo-java-server: {@value #SEEDS} seeds in CI, a fresh database each; {@code
 * -Ddialkit.sim.seeds=N} runs more, {@code -Ddialkit.sim.seed=S} replays one.
 */
class MongoFaultSimulationTest {
  static final int SEEDS = 10;
  private static InProcessMongo mongo;

  @BeforeAll
  static void startServer() {
    mongo = new InProcessMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @Test
  void everyGuaranteeHoldsOnMongo() {
    run(null, "everyGuaranteeHoldsOnMongo");
  }

  /** The compliance adversary: shared numbers, one call per number a day, opt-outs at random. */
  @Test
  void noNumberIsCalledBeyondItsCapOrAfterItsOptOutOnMongo() {
    run(AttemptCaps.perCalendarDay(1), "noNumberIsCalledBeyondItsCapOrAfterItsOptOutOnMongo");
  }

  private void run(AttemptCaps caps, String method) {
    List<MongoDatabase> databases = new ArrayList<>();
    var failures =
        SimulationRuns.failures(
            SimulationRuns.seeds(SEEDS),
            seed ->
                (caps == null
                        ? FaultSimulation.builder()
                        : FaultSimulation.builder().compliance(caps, 3))
                    .seed(seed)
                    .store(
                        () -> {
                          MongoDatabase database = mongo.freshDatabase("sim");
                          databases.add(database);
                          return MongoCampaignStore.create(database);
                        },
                        store -> databases.remove(0).drop())
                    .rerun(
                        "./mvnw -pl persistence-mongo -am test"
                            + " -Dsurefire.failIfNoSpecifiedTests=false"
                            + " -Dtest=MongoFaultSimulationTest#"
                            + method
                            + " -Ddialkit.sim.seed={seed}")
                    .build()
                    .run());
    assertThat(failures).as("failing seeds on MongoDB").isEmpty();
  }
}
