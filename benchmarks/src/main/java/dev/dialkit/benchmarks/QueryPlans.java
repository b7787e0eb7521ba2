package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The plans of every statement the JDBC store runs on the claim, dial-permit and webhook paths, on
 * PostgreSQL with a campaign of {@code --leads} leads (default 1,000,000). Creates the database
 * {@value QueryPlansServer#DATABASE} afresh on the server of {@code DIALKIT_TEST_POSTGRES_URL},
 * fills it ({@link QueryPlansData}, {@link QueryPlansCalls}, {@link QueryPlansFastForward}), runs
 * ANALYZE, then runs the paths ({@link QueryPlansPaths}) on a store whose connections record and
 * explain every statement ({@link QueryPlansRecorder}, {@link QueryPlansPostgres}), and prints the
 * plans ({@link QueryPlansReport}). {@code --markdown FILE} also writes the README's summary there;
 * {@code --ddl "CREATE INDEX ..."} (repeatable) runs a candidate change of the schema (an index to
 * try, one to drop) after ANALYZE, before the plans are taken.
 *
 * <p>Run: {@code ./mvnw -q -o -pl benchmarks exec:java
 * -Dbenchmark=dev.dialkit.benchmarks.QueryPlans -Dexec.args="--markdown target/query-plans.md"}
 */
public final class QueryPlans {
  static final String PREFIX = JdbcCampaignStore.DEFAULT_TABLE_PREFIX;

  private QueryPlans() {}

  public static void main(String[] args) throws Exception {
    int leads = 1_000_000;
    Path markdown = null;
    List<String> indexes = new ArrayList<>();
    QueryPlansServer server = QueryPlansServer.POSTGRESQL;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--leads" -> leads = Integer.parseInt(args[++i]);
        case "--markdown" -> markdown = Path.of(args[++i]);
        case "--ddl" -> indexes.add(args[++i]);
        case "--db" -> server = QueryPlansServer.named(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    DataSource pool = server.recreate();
    System.out.printf("load %s at the start%n", QueryPlansPlan.loadNow());
    long start = System.nanoTime();
    JdbcCampaignStore store = JdbcCampaignStore.create(pool);
    store.migrate();
    QueryPlansData data = new QueryPlansData(store);
    Campaign big = data.running(QueryPlansData.A, "big");
    data.insert(big, leads, n -> QueryPlansData.bigLead(big, n));
    Campaign second = data.running(QueryPlansData.A, "second");
    data.insert(second, 50_000, n -> QueryPlansData.secondLead(second, n));
    Campaign draft = data.draft(QueryPlansData.A, "draft");
    data.insert(draft, 20_000, n -> QueryPlansData.secondLead(draft, n + 10));
    Campaign other = data.running(QueryPlansData.B, "other");
    data.insert(other, 100_000, n -> QueryPlansData.otherTenantLead(other, n));
    System.out.printf("leads inserted: %.0f s%n", seconds(start));
    QueryPlansCalls calls = new QueryPlansCalls(store);
    long epoch = data.epochs.get(big.id().value());
    calls.history(big, epoch, 300, 150, StoreFixtures.T0.plusSeconds(1));
    calls.history(
        other, data.epochs.get(other.id().value()), 100, 50, StoreFixtures.T0.plusSeconds(1));
    try (Connection c = pool.getConnection()) {
      // the store's first call of the big campaign, ended COMPLETED, is every copy's template
      new QueryPlansFastForward(PREFIX, server == QueryPlansServer.POSTGRESQL)
          .run(
              c,
              big.id().value(),
              micros(QueryPlansPaths.NOW),
              micros(QueryPlansPaths.NOW.plusSeconds(3600)),
              leads * 3 / 10,
              big.id().value() + "-lead-0.1",
              openCall(pool, big));
    }
    data.suppress(QueryPlansData.A, leads * 9 / 10, 10_000);
    data.suppress(QueryPlansData.B, 5_090_000, 5_000);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      server.analyze(c);
      // a candidate change (an index), to see the plans it gives; the store's migrations stay as
      // they are
      for (String index : indexes) {
        System.out.printf("candidate DDL: %s%n", index);
        s.execute(index);
      }
      if (!indexes.isEmpty()) {
        server.analyze(c);
      }
    }
    System.out.printf(
        "filled and analysed: %.0f s, load %s%n", seconds(start), QueryPlansPlan.loadNow());
    QueryPlansRecorder.Explainer explainer;
    try (Connection c = pool.getConnection()) {
      Map<String, Long> rows = server.tableRows(c);
      explainer = server.explainer(rows);
      rows.forEach((t, n) -> System.out.printf("  %-28s %,12d rows%n", t, n));
    }
    QueryPlansRecorder recorder = new QueryPlansRecorder(explainer);
    JdbcCampaignStore recorded = JdbcCampaignStore.create(recorder.wrap(pool));
    // its first use checks the schema version once: not part of any path
    recorded.findCampaign(big.tenant(), big.id()).orElseThrow();
    QueryPlansPaths paths = new QueryPlansPaths(recorded, recorder, (c, n) -> nextDue(pool, c, n));
    paths.run(big, second, epoch);
    paths.outcomes.forEach(o -> System.out.printf("  path checked: %s%n", o));
    QueryPlansReport report = new QueryPlansReport(recorder.steps());
    report.print(System.out);
    if (markdown != null) {
      Files.writeString(markdown, report.markdown());
      System.out.printf("%nMarkdown written to %s%n", markdown);
    }
    System.out.printf(
        "load %s at the end, %.0f s in all%n", QueryPlansPlan.loadNow(), seconds(start));
  }

  /**
   * The next {@code count} due leads of {@code c} in claim order, as suppressions of their numbers.
   */
  private static List<Suppression> nextDue(DataSource pool, Campaign c, int count) {
    List<Suppression> out = new ArrayList<>();
    try (Connection conn = pool.getConnection();
        PreparedStatement s =
            conn.prepareStatement(
                "SELECT tenant, phone FROM "
                    + PREFIX
                    + "leads WHERE campaign_id = ?"
                    + " AND state = 'QUEUED' AND next_attempt_at <= ?"
                    + " ORDER BY priority DESC, seq LIMIT ?")) {
      s.setString(1, c.id().value());
      s.setLong(2, micros(QueryPlansPaths.NOW));
      s.setInt(3, count);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              QueryPlansData.suppression(
                  TenantId.of(r.getString(1)),
                  dev.dialkit.campaign.PhoneNumber.of(r.getString(2))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** A call of {@code c} in progress, holding a slot: the template of the copied slots. */
  private static String openCall(DataSource pool, Campaign c) throws SQLException {
    try (Connection conn = pool.getConnection();
        PreparedStatement s =
            conn.prepareStatement(
                "SELECT MIN(call_id) FROM " + PREFIX + "slots WHERE campaign_id = ?")) {
      s.setString(1, c.id().value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  private static long micros(java.time.Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
