package dev.dialkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.StoreException;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** migrate(): idempotent, once when two instances start together, and refusing a newer schema. */
abstract class MigrationTests {
  static final String PREFIX = "dkmig_";

  /** A pool on the database under test. */
  abstract DataSource dataSource();

  @Test
  void migrateIsIdempotentAndRunsOnceWhenTwoInstancesStartTogether() throws Exception {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<Integer>> applied =
          List.of(
              pool.submit(() -> migrateAfter(start, ds)),
              pool.submit(() -> migrateAfter(start, ds)));
      assertThat(applied.get(0).get() + applied.get(1).get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    assertThat(store.migrate()).isZero();
    store.createCampaign(StoreFixtures.draft(StoreFixtures.TENANT_A, "c1"));
    assertThat(store.listCampaigns(StoreFixtures.TENANT_A)).hasSize(1);
  }

  @Test
  void aSchemaNewerThanTheJarIsRefusedNamingBothVersions() throws Exception {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build().migrate();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO " + PREFIX + "schema_version (version, description) VALUES (7, 'future')");
    }
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();

    assertThatThrownBy(store::migrate)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 7")
        .hasMessageContaining("supports versions 1 to " + JdbcCampaignStore.SCHEMA_VERSION);
    assertThatThrownBy(() -> store.listCampaigns(StoreFixtures.TENANT_A))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 7");
  }

  private static int migrateAfter(CyclicBarrier start, DataSource ds) throws Exception {
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    start.await();
    return store.migrate();
  }
}
