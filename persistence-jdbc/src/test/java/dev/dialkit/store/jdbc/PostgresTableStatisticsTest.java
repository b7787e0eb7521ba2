package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store refreshes PostgreSQL's planner statistics of the tables it grows, instead of waiting
 * for autovacuum (which may be off, and runs a minute or more later at best). Without them, the
 * claim's pick on a freshly imported million-lead campaign was a scan and an on-disk sort of every
 * queued lead, and every webhook's update of its call read every call of the tenant through {@code
 * calls_number}.
 */
class PostgresTableStatisticsTest {
  private static final String PREFIX = "stats_";
  private JdbcConnectionPool pool;
  private JdbcCampaignStore store;

  @BeforeEach
  void open() throws SQLException {
    pool = TestDatabases.postgres(2);
    TestDatabases.dropTables(pool, PREFIX);
    store = JdbcCampaignStore.builder(pool).tablePrefix(PREFIX).build();
    store.migrate();
    // on a server whose autovacuum runs, it must not be what analyzes the tables here
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + PREFIX + "leads SET (autovacuum_enabled = false)");
      s.execute("ALTER TABLE " + PREFIX + "calls SET (autovacuum_enabled = false)");
    }
  }

  @AfterEach
  void close() {
    if (pool != null) {
      TestDatabases.dropTables(pool, PREFIX);
      pool.dispose();
    }
  }

  @Test
  void tenThousandLeadsInsertedLeaveTheLeadsTableAnalyzed() throws SQLException {
    Campaign campaign = StoreFixtures.draft(StoreFixtures.TENANT_A, "big");
    store.createCampaign(campaign);
    assertThat(estimatedRows("leads")).as("a new table: never analyzed").isNegative();

    store.insertLeads(campaign.tenant(), campaign.id(), StoreFixtures.leads(campaign, 0, 9_000));
    assertThat(estimatedRows("leads")).as("below the threshold: left to autovacuum").isNegative();

    store.insertLeads(
        campaign.tenant(), campaign.id(), StoreFixtures.leads(campaign, 9_000, 1_000));
    assertThat(estimatedRows("leads"))
        .as("analyzed by the insert that crossed 10,000")
        .isEqualTo(10_000);
  }

  @Test
  void aThousandCallsClaimedLeaveTheCallsTableAnalyzedAndTheWebhookUpdateOnThePrimaryKey()
      throws SQLException {
    Campaign campaign = running("calls");
    store.insertLeads(campaign.tenant(), campaign.id(), StoreFixtures.leads(campaign, 0, 1_000));
    for (int batch = 0; batch < 9; batch++) {
      claimHundred(campaign);
    }
    assertThat(estimatedRows("calls")).as("900 calls: left to autovacuum").isNegative();

    claimHundred(campaign);
    assertThat(estimatedRows("calls"))
        .as("analyzed by the claim that crossed 1,000")
        .isEqualTo(1_000);
    // the shape of the call's guarded update (CallRows.guardedUpdate), every webhook's statement
    assertThat(
            plan(
                "EXPLAIN UPDATE "
                    + PREFIX
                    + "calls SET version = version + 1 WHERE id = 'x'"
                    + " AND version = 1 AND tenant = '"
                    + campaign.tenant().value()
                    + "'"
                    + " AND campaign_id = '"
                    + campaign.id().value()
                    + "' AND lead_id = 'y'"
                    + " AND attempt = 1"))
        .contains("Index Scan using " + PREFIX + "calls_pkey");
  }

  @Test
  void aStoreStartedOnALargeTableWaitsForAFifthOfItBeforeAnalyzing() throws SQLException {
    // calls of an earlier process, 10,000 of them, analyzed
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO "
              + PREFIX
              + "calls (id, tenant, campaign_id, lead_id, attempt, provider, from_number,"
              + " to_number, status, created_at, version, updated_at) SELECT 'old-' || g, 't',"
              + " 'c', 'l-' || g, 1, 'p', '+14155550100', '+14155550101', 'COMPLETED', 0, 1, 0"
              + " FROM generate_series(1, 10000) g");
      s.execute("ANALYZE " + PREFIX + "calls");
    }
    Campaign campaign = running("restart");
    store.insertLeads(campaign.tenant(), campaign.id(), StoreFixtures.leads(campaign, 0, 2_000));
    for (int batch = 0; batch < 19; batch++) {
      claimHundred(campaign);
    }
    assertThat(estimatedRows("calls"))
        .as("1,900 new calls: under a fifth of the 10,000 there were")
        .isEqualTo(10_000);

    claimHundred(campaign);
    assertThat(estimatedRows("calls")).as("2,000: a fifth, analyzed").isEqualTo(12_000);
  }

  private Campaign running(String id) {
    Campaign draft = StoreFixtures.draft(StoreFixtures.TENANT_A, id);
    store.createCampaign(draft);
    Campaign running =
        store
            .transitionCampaign(
                draft.tenant(),
                draft.id(),
                Set.of(CampaignStatus.DRAFT),
                CampaignStatus.RUNNING,
                T0)
            .orElseThrow();
    assertThat(store.tryLease(running.id(), StoreFixtures.OWNER, 0, T0, StoreFixtures.LEASE_TTL))
        .isPresent();
    return running;
  }

  private void claimHundred(Campaign campaign) {
    List<PhoneNumber> from = new ArrayList<>();
    for (int i = 0; i < CampaignStore.MAX_CLAIM_BATCH; i++) {
      from.add(i == 0 ? StoreFixtures.FROM : PhoneNumber.of("+1415555" + (1000 + i)));
    }
    var claimed =
        store.claimBatch(
            new BatchClaimRequest(
                StoreFixtures.claimRequest(
                    campaign, StoreFixtures.OWNER, T0, StoreFixtures.NO_LIMITS),
                from));
    assertThat(claimed.claimed()).hasSize(CampaignStore.MAX_CLAIM_BATCH);
  }

  private String plan(String explain) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(explain)) {
      while (r.next()) {
        plan.append(r.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  /** {@code pg_class.reltuples}: -1 until the table is first analyzed (or vacuumed). */
  private long estimatedRows(String table) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT reltuples FROM pg_class WHERE relname = ?")) {
      s.setString(1, PREFIX + table);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return (long) r.getDouble(1);
      }
    }
  }
}
