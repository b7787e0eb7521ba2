package dev.dialkit.benchmarks;

import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The store's throughput beside the database's own ceiling and beside db-scheduler, in one run, on
 * each configured database (H2 in memory always; PostgreSQL and MariaDB when {@code
 * DIALKIT_TEST_POSTGRES_URL} and {@code DIALKIT_TEST_MARIADB_URL} are set, each in a scratch
 * database {@value BenchDatabase#SCRATCH} that the run drops and creates): single-row INSERT
 * commits per second, leads claimed per second (batched and single), webhook updates per second,
 * whole dialer leads per second at concurrency 50 and 500, and db-scheduler executions per second,
 * with the ratios and the load average at the start and end of each measurement; then the same
 * end-to-end runs on the in-memory store, the dialer's own ceiling. Figures are printed, never
 * asserted: the machine may be shared, so compare the ratios within one run.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks exec:java
 * -Dbenchmark=dev.dialkit.benchmarks.StoreThroughputBenchmark -Dexec.args="--leads 5000"}
 */
public final class StoreThroughputBenchmark {
  /** Client threads of every store-level figure, and db-scheduler's executor threads. */
  static final int THREADS = 8;

  /** One connection per client thread, plus room for the dialer's own threads end to end. */
  static final int POOL_SIZE = 16;

  static final Duration CEILING_WARM_UP = Duration.ofSeconds(1);
  static final Duration CEILING_MEASURED = Duration.ofSeconds(3);
  static final int BATCH_ROUNDS = 6;
  static final int SINGLE_ROUNDS = 3;
  static final int WEBHOOK_WARM_UP_CALLS = 100;
  static final int WEBHOOK_CALLS = 400;
  static final int E2E_WARM_UP_LEADS = 500;
  static final int DB_SCHEDULER_WARM_UP_TASKS = 2_000;

  private StoreThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    ThroughputOptions options;
    try {
      options = ThroughputOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(ThroughputOptions.USAGE);
      System.exit(2);
      return;
    }
    List<BenchDatabase> databases = BenchDatabase.configured(options.databases());
    System.out.printf(
        "store throughput: %d client threads, end to end %,d leads, db-scheduler %,d tasks;"
            + " load avg %s%n",
        THREADS, options.leads(), options.tasks(), LoadAverage.now());
    for (BenchDatabase db : databases) {
      System.out.printf("%n== %s (%s)%n", db.name(), BenchDatabase.redacted(db.url()));
      System.out.println(measure(db, options).render());
    }
    if (options.inMemory()) {
      System.out.printf("%n== the dialer alone (the in-memory store)%n");
      System.out.println(alone(options).render());
    }
    System.out.printf("load avg at the end: %s%n", LoadAverage.now());
  }

  // one line on stderr as each figure is done: a run on a busy machine takes minutes
  private static <T> T progress(T figures) {
    List<?> all = figures instanceof List<?> list ? list : List.of(figures);
    for (Object o : all) {
      Measurement m = (Measurement) o;
      System.err.printf(
          Locale.ROOT,
          "  %s: %,.0f/s (%,d in %.2f s; load avg %s to %s) %s%n",
          m.what(),
          m.rate(),
          m.count(),
          m.seconds(),
          m.loadStart(),
          m.loadEnd(),
          m.note());
    }
    return figures;
  }

  // the same end-to-end runs with no database: what the dialer and the simulator cost by themselves
  private static ThroughputTable alone(ThroughputOptions options) {
    List<Measurement> e2e =
        endToEnd(
            (prefix, concurrency, leads) ->
                EndToEndRun.run(CampaignStore.inMemory(), prefix, concurrency, leads),
            "mem",
            options.leads());
    return new ThroughputTable().add(e2e.get(0), null, "").add(e2e.get(1), null, "");
  }

  /** One end-to-end run on a store: its table prefix, concurrency and leads. */
  @FunctionalInterface
  private interface EndToEnd {
    Measurement run(String prefix, int concurrency, int leads);
  }

  // a warm-up, then concurrency 50 and 500, in that order: every store's end-to-end figures
  private static List<Measurement> endToEnd(EndToEnd e2e, String prefix, int leads) {
    progress(e2e.run(prefix + "_warm_", 50, E2E_WARM_UP_LEADS).withNote("warm-up"));
    Measurement e2e50 = progress(e2e.run(prefix + "50_", 50, leads));
    return List.of(e2e50, progress(e2e.run(prefix + "500_", 500, leads)));
  }

  /**
   * Durable updates of a call in the end-to-end runs: the provider's answer to the create request
   * and the simulator's four status callbacks (initiated, ringing, in-progress, completed), each
   * stored before it is acknowledged.
   */
  static final int UPDATES_PER_LEAD = 5;

  /**
   * What the store's webhook rate leaves for end to end: the same run's updates per second (all
   * three kinds) divided by the updates a lead needs. Derived, not measured: an end-to-end run can
   * reach it only if claiming, the provider and the dialer cost nothing, on the same cores.
   */
  static Measurement storeBound(Measurement webhooks) {
    return new Measurement(
        "end to end at the store's webhook rate (÷ " + UPDATES_PER_LEAD + " updates a lead)",
        webhooks.threads(),
        webhooks.count() / UPDATES_PER_LEAD,
        webhooks.seconds(),
        webhooks.loadStart(),
        webhooks.loadEnd(),
        "derived from the row \"" + webhooks.what() + "\", not measured");
  }

  private static ThroughputTable measure(BenchDatabase db, ThroughputOptions options)
      throws Exception {
    db.recreate();
    DataSource pool = db.pool(POOL_SIZE);
    try {
      Measurement ceiling =
          progress(InsertCeiling.measure(pool, THREADS, CEILING_WARM_UP, CEILING_MEASURED));
      List<Measurement> claims =
          progress(ClaimThroughput.measure(pool, THREADS, BATCH_ROUNDS, SINGLE_ROUNDS));
      List<Measurement> webhooks =
          progress(WebhookThroughput.measure(pool, THREADS, WEBHOOK_WARM_UP_CALLS, WEBHOOK_CALLS));
      List<Measurement> e2e =
          endToEnd(
              (prefix, concurrency, leads) -> EndToEndRun.run(pool, prefix, concurrency, leads),
              "tpe",
              options.leads());
      Measurement scheduler =
          progress(
              DbSchedulerRun.run(db, pool, THREADS, DB_SCHEDULER_WARM_UP_TASKS, options.tasks()));
      ThroughputTable table = new ThroughputTable().add(ceiling, null, "");
      for (Measurement m : claims) {
        table.add(m, ceiling, "ceiling");
      }
      for (Measurement m : webhooks) {
        table.add(m, ceiling, "ceiling");
      }
      table.add(e2e.get(0), scheduler, "db-scheduler").add(e2e.get(1), scheduler, "db-scheduler");
      table.add(storeBound(webhooks.get(2)), scheduler, "db-scheduler");
      table.add(scheduler, null, "");
      return table;
    } finally {
      BenchDatabase.close(pool);
    }
  }
}
