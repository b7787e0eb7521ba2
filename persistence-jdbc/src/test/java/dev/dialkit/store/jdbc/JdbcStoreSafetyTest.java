package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.testkit.StoreFixtures;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and bad days on H2: unsupported databases, missing schema, outages, file locks. */
class JdbcStoreSafetyTest {
  @Test
  void anUnsupportedDatabaseIsNamedWithTheSupportedOnes() {
    DataSource oracle = fakeDataSource("Oracle", "Oracle Database 19c", 19);

    assertThatThrownBy(() -> JdbcCampaignStore.create(oracle))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("found Oracle Oracle Database 19c")
        .hasMessageContaining("PostgreSQL")
        .hasMessageContaining("MariaDB 10.6+")
        .hasMessageContaining("H2 2.x")
        .satisfies(e -> assertThat(((StoreException) e).isTransient()).isFalse());
  }

  @Test
  void aTooOldMariaDbIsRejected() {
    DataSource old = fakeDataSource("MariaDB", "10.5.9-MariaDB", 10);

    assertThatThrownBy(() -> JdbcCampaignStore.create(old))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("found MariaDB 10.5.9-MariaDB");
  }

  @Test
  void aStoreWithoutSchemaSaysHowToMakeIt() {
    JdbcConnectionPool pool = TestDatabases.h2Memory();
    try {
      JdbcCampaignStore store = JdbcCampaignStore.create(pool);

      assertThatThrownBy(
              () -> store.findCampaign(TENANT_A, StoreFixtures.draft(TENANT_A, "x").id()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("schema version 0")
          .hasMessageContaining("needs version " + JdbcCampaignStore.SCHEMA_VERSION)
          .hasMessageContaining("migrate()");
    } finally {
      TestDatabases.shutdownH2(pool);
    }
  }

  @Test
  void aFailureMidClaimIsTransientAndLeavesNothingHalfDone() {
    JdbcConnectionPool pool = TestDatabases.h2Memory();
    try {
      AtomicBoolean down = new AtomicBoolean();
      DataSource flaky = failingAfterStatements(pool, down, 4);
      JdbcCampaignStore store = JdbcCampaignStore.builder(flaky).dialect(JdbcDialect.H2).build();
      store.migrate();
      Campaign campaign = StoreFixtures.draft(TENANT_A, "c1");
      store.createCampaign(campaign);
      store.transitionCampaign(
          TENANT_A, campaign.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0);
      store.tryLease(campaign.id(), OWNER, 0, T0, StoreFixtures.LEASE_TTL);
      store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, 1));

      down.set(true); // the connection is lost after the claim's fourth statement
      assertThatThrownBy(
              () -> store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS)))
          .isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue());
      down.set(false);

      assertThat(store.slotUsage(TENANT_A, campaign.id()).global()).isZero();
      ClaimResult retried =
          store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS));
      assertThat(retried).isInstanceOf(ClaimResult.Claimed.class);
      assertThat(((ClaimResult.Claimed) retried).call().attempt()).isEqualTo(1);
      assertThat(store.findActiveCalls(TENANT_A, campaign.id())).hasSize(1);
    } finally {
      TestDatabases.shutdownH2(pool);
    }
  }

  @Test
  void aFailureMidPermitIsTransientAndLeavesTheCallUnsent() {
    JdbcConnectionPool pool = TestDatabases.h2Memory();
    try {
      AtomicBoolean down = new AtomicBoolean();
      // the permit's fifth statement appends the log, after the call row was written
      DataSource flaky = failingAfterStatements(pool, down, 5);
      JdbcCampaignStore store = JdbcCampaignStore.builder(flaky).dialect(JdbcDialect.H2).build();
      store.migrate();
      Campaign campaign = StoreFixtures.draft(TENANT_A, "c1");
      store.createCampaign(campaign);
      store.transitionCampaign(
          TENANT_A, campaign.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0);
      long epoch =
          store
              .tryLease(campaign.id(), OWNER, 0, T0, StoreFixtures.LEASE_TTL)
              .orElseThrow()
              .epoch();
      store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, 1));
      Call call =
          ((ClaimResult.Claimed)
                  store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS)))
              .call();
      PermitRequest request =
          new PermitRequest(
              TENANT_A,
              call.id(),
              OWNER,
              epoch,
              StoreFixtures.seconds(1),
              null,
              List.of(StoreFixtures.logOf(call, StoreFixtures.seconds(1))));

      down.set(true);
      assertThatThrownBy(() -> store.requestDialPermit(request))
          .isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue());
      down.set(false);

      assertThat(store.findCall(TENANT_A, call.id())).as("rolled back as a whole").contains(call);
      assertThat(store.callLog(TENANT_A, call.id(), new PageRequest(0, 10, 0)).items()).isEmpty();
      assertThat(store.requestDialPermit(request).granted()).isTrue();
      assertThat(store.callLog(TENANT_A, call.id(), new PageRequest(0, 10, 0)).items()).hasSize(1);
    } finally {
      TestDatabases.shutdownH2(pool);
    }
  }

  @Test
  void anUnreachableDatabaseIsTransient() {
    DataSource unreachable =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (p, m, a) -> {
                  if (m.getName().equals("getConnection")) {
                    throw new SQLNonTransientConnectionException("Connection refused", "08001");
                  }
                  throw new UnsupportedOperationException(m.getName());
                });

    assertThatThrownBy(() -> JdbcCampaignStore.create(unreachable))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue());
  }

  @Test
  void twoProcessesOnOneH2FileGetAClearError(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("shared").toAbsolutePath();
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2FileHolder.class.getName(),
                url)
            .redirectErrorStream(true)
            .start();
    try {
      String ready = new String(other.getInputStream().readNBytes(6));
      assertThat(ready).isEqualTo("ready\n");
      JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
      try {
        assertThatThrownBy(() -> JdbcCampaignStore.create(pool))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("in use by another process")
            .hasMessageContaining("AUTO_SERVER=TRUE");
      } finally {
        pool.dispose();
      }
    } finally {
      other.destroy();
      other.waitFor();
    }
  }

  /** The other process: opens the H2 file and holds it until killed. */
  public static final class H2FileHolder {
    public static void main(String[] args) throws Exception {
      try (Connection c = java.sql.DriverManager.getConnection(args[0], "sa", "");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS held (id INT)");
        System.out.print("ready\n");
        System.out.flush();
        Thread.sleep(120_000);
      }
    }
  }

  private static DataSource fakeDataSource(String product, String version, int major) {
    DatabaseMetaData meta =
        (DatabaseMetaData)
            Proxy.newProxyInstance(
                JdbcStoreSafetyTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (p, m, a) ->
                    switch (m.getName()) {
                      case "getDatabaseProductName" -> product;
                      case "getDatabaseProductVersion" -> version;
                      case "getDatabaseMajorVersion" -> major;
                      case "getDatabaseMinorVersion" -> 5;
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                JdbcStoreSafetyTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, a) ->
                    switch (m.getName()) {
                      case "getMetaData" -> meta;
                      case "close" -> null;
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcStoreSafetyTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (p, m, a) -> {
              if (m.getName().equals("getConnection")) {
                return connection;
              }
              throw new UnsupportedOperationException(m.getName());
            });
  }

  /**
   * Connections whose {@code after}-th prepared statement fails with a lost connection while down.
   */
  private static DataSource failingAfterStatements(
      DataSource inner, AtomicBoolean down, int after) {
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcStoreSafetyTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (p, m, a) -> {
              Object result = m.invoke(inner, a);
              if (!m.getName().equals("getConnection")) {
                return result;
              }
              Connection real = (Connection) result;
              int[] statements = new int[1];
              return Proxy.newProxyInstance(
                  JdbcStoreSafetyTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (cp, cm, ca) -> {
                    if (cm.getName().equals("prepareStatement")
                        && down.get()
                        && ++statements[0] >= after) {
                      throw new SQLNonTransientConnectionException("connection lost", "08006");
                    }
                    try {
                      return cm.invoke(real, ca);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
            });
  }
}
