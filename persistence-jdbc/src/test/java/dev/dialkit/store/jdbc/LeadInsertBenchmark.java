package dev.dialkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.testkit.StoreFixtures;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue item 6: 1,000,000 leads added straight through {@link JdbcCampaignStore#insertLeads} in
 * batches of 10,000 on freshly created (never analysed) tables. Skipped unless {@code
 * -Ddialkit.bench.insert=true}; {@code -Ddialkit.bench.db=postgres|mariadb|h2} (default postgres),
 * {@code -Ddialkit.bench.leads} and {@code -Ddialkit.bench.runs} (default 1,000,000 and 3). Prints
 * per run the total seconds and the rate of the first and last 100,000.
 */
class LeadInsertBenchmark {
  private static final Logger log = LoggerFactory.getLogger(LeadInsertBenchmark.class);
  private static final String PREFIX = "dkbench_";
  private static final int BATCH = 10_000;
  private static final int SLICE = 100_000;
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"), ZoneId.of("Asia/Kolkata"));

  @Test
  void insertAMillionLeadsInBatchesOfTenThousand() {
    Assumptions.assumeTrue(
        Boolean.getBoolean("dialkit.bench.insert"), "set -Ddialkit.bench.insert=true to run");
    String db = System.getProperty("dialkit.bench.db", "postgres");
    int leads = Integer.getInteger("dialkit.bench.leads", 1_000_000);
    int runs = Integer.getInteger("dialkit.bench.runs", 3);
    for (int run = 1; run <= runs; run++) {
      DataSource ds =
          switch (db) {
            case "postgres" -> TestDatabases.postgres(2);
            case "mariadb" -> TestDatabases.mariaDb(2);
            case "h2" -> TestDatabases.h2Memory();
            default -> throw new IllegalArgumentException("dialkit.bench.db: " + db);
          };
      TestDatabases.dropTables(ds, PREFIX);
      JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
      store.migrate();
      Campaign campaign =
          StoreFixtures.draft(StoreFixtures.TENANT_A, "bench")
              .withStatus(CampaignStatus.RUNNING, StoreFixtures.T0);
      store.createCampaign(campaign);

      List<Double> sliceSeconds = new ArrayList<>();
      long insertNanos = 0;
      long sliceNanos = 0;
      for (int from = 0; from < leads; from += BATCH) {
        List<Lead> batch = batch(campaign, from, Math.min(BATCH, leads - from));
        long start = System.nanoTime();
        LeadInsertResult result = store.insertLeads(campaign.tenant(), campaign.id(), batch);
        long took = System.nanoTime() - start;
        assertThat(result.inserted()).hasSize(batch.size());
        insertNanos += took;
        sliceNanos += took;
        if ((from + BATCH) % SLICE == 0) {
          sliceSeconds.add(sliceNanos / 1e9);
          sliceNanos = 0;
        }
      }
      assertThat(
              store
                  .findCampaign(campaign.tenant(), campaign.id())
                  .orElseThrow()
                  .counters()
                  .get(Counter.LEADS_QUEUED))
          .isEqualTo(leads);
      String line =
          String.format(
              Locale.ROOT,
              "%s run %d: %,d leads in %.1f s (%,.0f leads/s); first 100,000 at %,.0f leads/s,"
                  + " last 100,000 at %,.0f leads/s",
              db,
              run,
              leads,
              insertNanos / 1e9,
              leads / (insertNanos / 1e9),
              SLICE / sliceSeconds.get(0),
              SLICE / sliceSeconds.get(sliceSeconds.size() - 1));
      log.info(line);
      System.out.println("BENCH " + line);
      TestDatabases.dropTables(ds, PREFIX);
      close(ds);
    }
  }

  /** {@code size} new leads numbered from {@code from}, as a CSV import would make them. */
  private static List<Lead> batch(Campaign campaign, int from, int size) {
    List<Lead> out = new ArrayList<>(size);
    for (int n = from; n < from + size; n++) {
      out.add(
          new Lead(
              LeadId.of("ld-" + n),
              campaign.tenant(),
              campaign.id(),
              PhoneNumber.of("+1415" + (2_000_000 + n)),
              "Lead " + n,
              "lead" + n + "@example.com",
              "Company " + (n % 1000),
              Map.of("plan", "gold", "source", "csv"),
              ZONES.get(n % ZONES.size()),
              n % 3,
              0,
              0,
              LeadState.QUEUED,
              StoreFixtures.T0,
              null,
              StoreFixtures.T0));
    }
    return out;
  }

  private static void close(DataSource ds) {
    if (ds instanceof org.h2.jdbcx.JdbcConnectionPool pool) {
      pool.dispose();
    } else if (ds instanceof org.mariadb.jdbc.MariaDbPoolDataSource pool) {
      pool.close();
    }
  }
}
