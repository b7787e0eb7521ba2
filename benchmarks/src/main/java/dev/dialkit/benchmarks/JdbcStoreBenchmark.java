package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Claims, dial permits and webhook updates per second of {@link JdbcCampaignStore}, driven on the
 * store directly (no provider: a zero-latency one adds nothing but the store's own work): {@value
 * #THREADS} threads each claim a lead under a global limit of {@value #GLOBAL} slots, ask the dial
 * permit of its call as the dialer does right before the provider request, then apply the three
 * provider updates of the call (ringing, answered, completed: the last one ends the lead, frees the
 * slot and moves the counters) exactly as the webhook pipeline's {@code applyTransition} does.
 * Prints a table. Databases: H2 in memory always; PostgreSQL and MariaDB from {@code
 * DIALKIT_TEST_POSTGRES_URL} and {@code DIALKIT_TEST_MARIADB_URL} when set.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && ./mvnw -q -pl benchmarks
 * exec:java -Dexec.mainClass=dev.dialkit.benchmarks.JdbcStoreBenchmark}
 */
public final class JdbcStoreBenchmark {
  static final int THREADS = 8;
  static final int GLOBAL = 20;
  static final int LEADS = Integer.getInteger("leads", 4_000);
  static final String PREFIX = "dkbench_";

  private JdbcStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        run(
            "H2 (memory)",
            JdbcConnectionPool.create(
                "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "")));
    String pg = System.getenv("DIALKIT_TEST_POSTGRES_URL");
    if (pg != null) {
      PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
      ds.setURL(pg);
      rows.add(run("PostgreSQL", pool(ds)));
    }
    String maria = System.getenv("DIALKIT_TEST_MARIADB_URL");
    if (maria != null) {
      rows.add(
          run(
              "MariaDB",
              new MariaDbPoolDataSource(
                  maria + (maria.contains("?") ? "&" : "?") + "maxPoolSize=" + (THREADS + 2))));
    }
    System.out.printf(
        "%n%-12s %8s %10s %14s %14s %18s%n",
        "database", "leads", "seconds", "claims/s", "permits/s", "webhook updates/s");
    for (String[] r : rows) {
      System.out.printf("%-12s %8s %10s %14s %14s %18s%n", (Object[]) r);
    }
  }

  private static DataSource pool(ConnectionPoolDataSource ds) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(THREADS + 2);
    return pool;
  }

  private static String[] run(String name, DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String t :
          List.of(
              "call_log",
              "call_dedupe",
              "slots",
              "calls",
              "leads",
              "instances",
              "campaigns",
              "slot_counters",
              "schema_version",
              "schema_lock")) {
        s.execute("DROP TABLE IF EXISTS " + PREFIX + t);
      }
    }
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    store.migrate();
    List<Campaign> campaigns = new ArrayList<>();
    Map<CampaignId, Long> epochs = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      TenantId tenant = TenantId.of("bench-" + (i % 2));
      LeasedCampaign leased = LeasedCampaign.create(store, tenant, "bench-" + i);
      Campaign running = leased.campaign();
      epochs.put(running.id(), leased.epoch());
      store.insertLeads(tenant, running.id(), StoreFixtures.leads(running, i * 100_000, LEADS / 4));
      campaigns.add(running);
    }
    SlotLimits limits = new SlotLimits(GLOBAL, GLOBAL, GLOBAL);
    AtomicLong claims = new AtomicLong();
    AtomicLong updates = new AtomicLong();
    AtomicLong claimNanos = new AtomicLong();
    AtomicLong permitNanos = new AtomicLong();
    AtomicLong updateNanos = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                Instant now = StoreFixtures.T0.plusSeconds(1);
                int empty = 0;
                for (int turn = thread; empty < campaigns.size(); turn++) {
                  Campaign campaign = campaigns.get(turn % campaigns.size());
                  long t0 = System.nanoTime();
                  ClaimResult result =
                      store.claimNext(
                          StoreFixtures.claimRequest(campaign, StoreFixtures.OWNER, now, limits));
                  claimNanos.addAndGet(System.nanoTime() - t0);
                  if (!(result instanceof ClaimResult.Claimed claimed)) {
                    empty =
                        ((ClaimResult.Denied) result).reason() == ClaimResult.Reason.NO_DUE_LEAD
                            ? empty + 1
                            : 0;
                    continue;
                  }
                  empty = 0;
                  claims.incrementAndGet();
                  long tp = System.nanoTime();
                  Call call =
                      CallLifecycle.permit(store, claimed.call(), epochs.get(campaign.id()), now);
                  permitNanos.addAndGet(System.nanoTime() - tp);
                  long t1 = System.nanoTime();
                  call = CallLifecycle.apply(store, CallLifecycle.ringing(call, now));
                  call = CallLifecycle.apply(store, CallLifecycle.answered(call, now));
                  CallLifecycle.apply(store, CallLifecycle.completed(call, now));
                  updateNanos.addAndGet(System.nanoTime() - t1);
                  updates.addAndGet(3);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    // each rate over the time the threads spent on that kind of call, scaled to all threads
    double claimRate = claims.get() / (claimNanos.get() / 1e9 / THREADS);
    double permitRate = claims.get() / (permitNanos.get() / 1e9 / THREADS);
    double updateRate = updates.get() / (updateNanos.get() / 1e9 / THREADS);
    return new String[] {
      name,
      String.valueOf(claims.get()),
      String.format("%.1f", seconds),
      String.format("%.0f", claimRate),
      String.format("%.0f", permitRate),
      String.format("%.0f", updateRate)
    };
  }
}
