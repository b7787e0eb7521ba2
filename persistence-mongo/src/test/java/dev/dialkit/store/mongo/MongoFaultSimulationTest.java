package dev.dialkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
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
    List<MongoDatabase> databases = new ArrayList<>();
    var failures =
        SimulationRuns.failures(
            SimulationRuns.seeds(SEEDS),
            seed ->
                FaultSimulation.builder()
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
                            + " -Dtest=MongoFaultSimulationTest -Ddialkit.sim.seed={seed}")
                    .build()
                    .run());
    assertThat(failures).as("failing seeds on MongoDB").isEmpty();
  }
}
