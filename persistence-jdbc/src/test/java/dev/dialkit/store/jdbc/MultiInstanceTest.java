package dev.dialkit.store.jdbc;

import dev.dialkit.testkit.MultiDialerScenario;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Issue 5 item 7: four dialers, each with its own connection pool and store, share one database;
 * every lead is dialed exactly once, no sample of the slots in use is above a limit (global 20, per
 * tenant 5), and when one dialer dies mid-run (its scheduler stops: no heartbeat, no cleanup) the
 * others take its campaigns over within three heartbeats (plus one poll). See {@link
 * MultiDialerScenario}. The lead count is {@value #DEFAULT_LEADS} unless the system property {@code
 * dialkit.multiInstance.leads} says otherwise (the 10,000 takes minutes on a 2-core
 * machine, see the README).
 */
abstract class MultiInstanceTest {
  static final int DEFAULT_LEADS = 1_000;

  /** Runs the scenario; {@code pools} makes one new pool per dialer on the same, empty schema. */
  static void run(Supplier<DataSource> pools, String prefix) {
    int leads = Integer.getInteger("dialkit.multiInstance.leads", DEFAULT_LEADS);
    MultiDialerScenario.run(
        () -> JdbcCampaignStore.builder(pools.get()).tablePrefix(prefix).build(),
        4,
        4,
        leads,
        20,
        5);
  }
}
