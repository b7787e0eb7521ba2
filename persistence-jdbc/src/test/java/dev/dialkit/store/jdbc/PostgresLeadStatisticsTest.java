package dev.dialkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A large import refreshes PostgreSQL's planner statistics of the leads table at once: without them
 * the claim's pick on a freshly imported million-lead campaign was planned as a scan and an on-disk
 * sort of every queued lead (seconds per claim) until autovacuum came round.
 */
class PostgresLeadStatisticsTest {
  private static final String PREFIX = "stats_";
  private JdbcConnectionPool pool;

  @AfterEach
  void close() {
    if (pool != null) {
      TestDatabases.dropTables(pool, PREFIX);
      pool.dispose();
    }
  }

  @Test
  void tenThousandLeadsInsertedLeaveTheLeadsTableAnalyzed() throws SQLException {
    pool = TestDatabases.postgres(2);
    TestDatabases.dropTables(pool, PREFIX);
    JdbcCampaignStore store = JdbcCampaignStore.builder(pool).tablePrefix(PREFIX).build();
    store.migrate();
    // on a server whose autovacuum runs, it must not be what analyzes the table here
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + PREFIX + "leads SET (autovacuum_enabled = false)");
    }
    Campaign campaign = StoreFixtures.draft(StoreFixtures.TENANT_A, "big");
    store.createCampaign(campaign);
    assertThat(estimatedRows()).as("a new table: never analyzed").isNegative();

    store.insertLeads(campaign.tenant(), campaign.id(), StoreFixtures.leads(campaign, 0, 9_000));
    assertThat(estimatedRows()).as("below the threshold: left to autovacuum").isNegative();

    store.insertLeads(
        campaign.tenant(), campaign.id(), StoreFixtures.leads(campaign, 9_000, 1_000));
    assertThat(estimatedRows()).as("analyzed by the insert that crossed 10,000").isEqualTo(10_000);
  }

  /** {@code pg_class.reltuples}: -1 until the table is first analyzed (or vacuumed). */
  private long estimatedRows() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT reltuples FROM pg_class WHERE relname = ?")) {
      s.setString(1, PREFIX + "leads");
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return (long) r.getDouble(1);
      }
    }
  }
}
