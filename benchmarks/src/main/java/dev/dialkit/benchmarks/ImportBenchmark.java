package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * How fast a CSV file of leads gets into a campaign through {@code leads().importCsv}, with the
 * heap capped (run it with {@code -Xmx256m}): a generated file of {@code -Drows} rows (default
 * 1,000,000; see {@link ImportFile} for the mix) into an H2 file database and, when {@code
 * DIALKIT_TEST_POSTGRES_URL} is set, a fresh PostgreSQL database, each run side by side with the
 * floor: the JDK alone reading the same file and splitting its lines at commas. {@code -Druns}
 * rounds (default 3), each on a new, empty database; one table row per round and target; {@code
 * -Dtargets=postgresql} runs PostgreSQL only.
 */
public final class ImportBenchmark {
  static final int ROWS = Integer.getInteger("rows", 1_000_000);
  static final int RUNS = Integer.getInteger("runs", 3);
  static final TenantId TENANT = TenantId.of("bench");
  static final String TARGETS = System.getProperty("targets", "h2,postgresql");

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("dir", "target/import-bench"));
    Files.createDirectories(dir);
    Path file = ImportFile.generate(dir.resolve("leads.csv"), ROWS, 42);
    System.out.printf(
        Locale.ROOT,
        "file: %,d rows, %,d bytes; heap max %,d MiB; %d cores%n",
        ROWS,
        Files.size(file),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        Runtime.getRuntime().availableProcessors());
    String pg = System.getenv("DIALKIT_TEST_POSTGRES_URL");
    TextTable table =
        new TextTable(
            "run",
            "target",
            "rows",
            "seconds",
            "rows/s",
            "x floor",
            "peak heap MiB",
            "imported",
            "invalid",
            "duplicates");
    for (int run = 1; run <= RUNS; run++) {
      double floor = floor(file, table, run);
      Path h2 = dir.resolve("h2-" + run);
      deleteH2(h2);
      if (TARGETS.contains("h2")) {
        String h2Url = "jdbc:h2:file:" + h2.toAbsolutePath() + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        JdbcConnectionPool h2Pool = JdbcConnectionPool.create(h2Url, "sa", "");
        try {
          measure("H2 file", () -> h2Pool, file, table, run, floor);
        } finally {
          h2Pool.dispose();
          deleteH2(h2);
        }
      }
      if (pg != null && TARGETS.contains("postgresql")) {
        String url = freshPostgres(pg);
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        try {
          measure("PostgreSQL", () -> pool, file, table, run, floor);
        } finally {
          pool.dispose();
        }
      }
    }
    System.out.println();
    System.out.print(table.render());
  }

  /** The JDK alone: read every line of the file as UTF-8 and split it at commas. */
  private static double floor(Path file, TextTable table, int run) throws Exception {
    long fields = 0;
    long rows = 0;
    long peak;
    long started = System.nanoTime();
    try (HeapWatch heap = new HeapWatch();
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        fields += line.split(",", -1).length;
        rows++;
      }
      peak = heap.peakMib();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (fields == 0) {
      throw new IllegalStateException("nothing read");
    }
    table.row(
        Integer.toString(run),
        "floor: JDK read + split",
        String.format(Locale.ROOT, "%,d", rows),
        String.format(Locale.ROOT, "%.2f", seconds),
        String.format(Locale.ROOT, "%,.0f", rows / seconds),
        "1.0",
        Long.toString(peak),
        "-",
        "-",
        "-");
    return seconds;
  }

  private static void measure(
      String name, Supplier<DataSource> ds, Path file, TextTable table, int run, double floor)
      throws Exception {
    JdbcCampaignStore store = JdbcCampaignStore.create(ds.get());
    store.migrate();
    try (CampaignDialer dialer = dialer(store)) {
      CampaignId campaign =
          dialer
              .campaigns()
              .create(
                  TENANT,
                  CampaignSpec.builder()
                      .name("import " + run)
                      .agent(Agent.answerUrl("https://agent.example/answer"))
                      .callerIds("+14155550199")
                      .build());
      CsvImportOptions options = CsvImportOptions.builder().defaultRegion("US").build();
      long started = System.nanoTime();
      long peak;
      ImportReport report;
      try (HeapWatch heap = new HeapWatch();
          InputStream in = Files.newInputStream(file)) {
        report = dialer.leads().importCsv(TENANT, campaign, in, options);
        peak = heap.peakMib();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      try (report) {
        table.row(
            Integer.toString(run),
            name,
            String.format(Locale.ROOT, "%,d", report.rowsRead()),
            String.format(Locale.ROOT, "%.2f", seconds),
            String.format(Locale.ROOT, "%,.0f", report.rowsRead() / seconds),
            String.format(Locale.ROOT, "%.1f", seconds / floor),
            Long.toString(peak),
            String.format(Locale.ROOT, "%,d", report.inserted()),
            String.format(Locale.ROOT, "%,d", report.invalidCount()),
            String.format(Locale.ROOT, "%,d", report.duplicateCount()));
      }
      System.out.printf(Locale.ROOT, "run %d %s: %.2f s%n", run, name, seconds);
    }
  }

  private static CampaignDialer dialer(CampaignStore store) {
    // never started: an import needs the store only; the provider is required by the builder
    return CampaignDialer.builder()
        .store(store)
        .provider(
            SimulatedCallProvider.builder()
                .clock(VirtualClock.at(Instant.EPOCH))
                .scheduler(new ManualScheduler(VirtualClock.at(Instant.EPOCH)))
                .build())
        .build();
  }

  /** Drops and creates the database {@code dialkit_bench_import}; its URL. */
  private static String freshPostgres(String testUrl) throws Exception {
    String admin = testUrl.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS dialkit_bench_import");
      s.execute("CREATE DATABASE dialkit_bench_import");
    }
    return testUrl.replaceFirst("/[^/?]+(\\?|$)", "/dialkit_bench_import$1");
  }

  private static void deleteH2(Path base) throws Exception {
    for (String suffix : List.of(".mv.db", ".trace.db")) {
      Files.deleteIfExists(base.resolveSibling(base.getFileName() + suffix));
    }
  }
}
