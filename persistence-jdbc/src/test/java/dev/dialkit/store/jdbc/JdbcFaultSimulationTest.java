package dev.dialkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.testkit.FaultSimulation;
import dev.dialkit.testkit.SimulationRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * The fault simulator (campaign-testkit's {@link FaultSimulation}) on the JDBC store: several
 * dialer instances over one database, with the standard fault plan. {@value #H2_SEEDS} seeds on H2
 * and {@value #SERVER_SEEDS} on PostgreSQL and MariaDB (when their variables are set) in CI, where
 * a seed costs a few seconds of real database work; {@code -Ddialkit.sim.seeds=N} runs N on each,
 * {@code -Ddialkit.sim.seed=S} replays one (the line a failure prints).
 */
class JdbcFaultSimulationTest {
  static final int H2_SEEDS = 50;
  static final int SERVER_SEEDS = 6;
  private static final String PREFIX = "sim_";

  @Test
  void h2() {
    simulate(
        "h2", H2_SEEDS, this::h2Store, store -> TestDatabases.shutdownH2(pools.remove(0)), null);
  }

  /** A fresh in-memory H2 store; its pool is shut down after the seed. */
  private JdbcCampaignStore h2Store() {
    JdbcConnectionPool pool = TestDatabases.h2Memory();
    JdbcCampaignStore store = JdbcCampaignStore.create(pool);
    store.migrate();
    pools.add(pool);
    return store;
  }

  @Test
  void postgres() {
    onServer("postgres", TestDatabases.postgres(4), null);
  }

  @Test
  void mariaDb() {
    onServer("mariaDb", TestDatabases.mariaDb(4), null);
  }

  /** The compliance adversary (shared numbers, caps, opt-outs at random moments) on H2. */
  @Test
  void h2Compliance() {
    simulate(
        "h2Compliance",
        COMPLIANCE_SEEDS,
        this::h2Store,
        store -> TestDatabases.shutdownH2(pools.remove(0)),
        COMPLIANCE);
  }

  @Test
  void postgresCompliance() {
    onServer("postgresCompliance", TestDatabases.postgres(4), COMPLIANCE);
  }

  @Test
  void mariaDbCompliance() {
    onServer("mariaDbCompliance", TestDatabases.mariaDb(4), COMPLIANCE);
  }

  static final int COMPLIANCE_SEEDS = 20;

  /** One call per number a day: the second campaign of a tenant always meets the cap. */
  private static final AttemptCaps COMPLIANCE = AttemptCaps.perCalendarDay(1);

  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  /** One schema for the whole run, emptied before each seed. */
  private void onServer(String name, DataSource ds, AttemptCaps caps) {
    TestDatabases.dropTables(ds, PREFIX);
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    store.migrate();
    try {
      simulate(
          name,
          SERVER_SEEDS,
          () -> {
            TestDatabases.emptyTables(ds, PREFIX);
            return store;
          },
          s -> {},
          caps);
    } finally {
      TestDatabases.dropTables(ds, PREFIX);
      if (ds instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // the pool is gone with the test
        }
      }
      if (ds instanceof JdbcConnectionPool pool) {
        pool.dispose();
      }
    }
  }

  private static void simulate(
      String name,
      int defaultSeeds,
      Supplier<dev.dialkit.campaign.spi.CampaignStore> stores,
      Consumer<dev.dialkit.campaign.spi.CampaignStore> close,
      AttemptCaps caps) {
    var failures =
        SimulationRuns.failures(
            SimulationRuns.seeds(defaultSeeds),
            seed ->
                compliance(FaultSimulation.builder(), caps)
                    .seed(seed)
                    .store(stores, close)
                    .rerun(
                        "./mvnw -pl persistence-jdbc -am test"
                            + " -Dsurefire.failIfNoSpecifiedTests=false"
                            + " -Dtest=JdbcFaultSimulationTest#"
                            + name
                            + " -Ddialkit.sim.seed={seed}")
                    .build()
                    .run());
    assertThat(failures).as("failing seeds on " + name).isEmpty();
  }

  private static FaultSimulation.Builder compliance(FaultSimulation.Builder b, AttemptCaps caps) {
    return caps == null ? b : b.compliance(caps, 3);
  }
}
