package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DialPermit.Reason;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.store.jdbc.internal.SqlErrors;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The locks of the permit transaction, shown without sleeps: another connection holds a lock on the
 * campaign row in an open transaction, and a store whose sessions give up waiting for a lock at
 * once (or within 100 ms) shows whether an operation waits for it. A permit must wait for a pause
 * or takeover that has not committed yet (a plain read would decide on the row as it was and grant
 * a permit "after" the pause); a pause must wait for a permit in progress; and on PostgreSQL and
 * MariaDB the permits of one campaign must not wait for each other.
 */
abstract class PermitLockTests {
  static final String PREFIX = "dklock_";

  /** A pool on the database under test. */
  abstract DataSource dataSource();

  /** A pool on the same database whose sessions give up waiting for a row lock at once. */
  abstract DataSource impatient();

  /** The lock the permit takes on the campaign row in this dialect. */
  abstract String permitLock();

  /**
   * Whether that lock is shared, so that two permits of one campaign do not wait for each other.
   */
  boolean sharedPermitLock() {
    return true;
  }

  private JdbcCampaignStore store;
  private JdbcCampaignStore impatientStore;
  private Campaign campaign;
  private long epoch;
  private Call first;
  private Call second;

  @BeforeEach
  void runningCampaignWithTwoClaimedCalls() {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    store.migrate();
    impatientStore = JdbcCampaignStore.builder(impatient()).tablePrefix(PREFIX).build();
    Campaign draft = StoreFixtures.draft(TENANT_A, "locks");
    store.createCampaign(draft);
    campaign =
        store
            .transitionCampaign(
                TENANT_A, draft.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0)
            .orElseThrow();
    epoch = store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL).orElseThrow().epoch();
    store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, 2));
    first = claim();
    second = claim();
  }

  @Test
  void aPermitWaitsForAPauseInProgressAndIsRefusedOnceItCommits() throws Exception {
    try (Connection other = openTransaction()) {
      execute(other, "UPDATE " + PREFIX + "campaigns SET status = 'PAUSED' WHERE id = ?");
      assertWaitsForALock(() -> impatientStore.requestDialPermit(permit(first)));
      other.commit();
    }
    assertThat(store.requestDialPermit(permit(first)))
        .isEqualTo(new DialPermit.Denied(Reason.NOT_DIALING, first));
  }

  @Test
  void aPermitWaitsForALeaseTakeoverInProgressAndIsRefusedOnceItCommits() throws Exception {
    try (Connection other = openTransaction()) {
      execute(
          other,
          "UPDATE "
              + PREFIX
              + "campaigns SET lease_owner = 'dialer-2', lease_epoch = lease_epoch + 1"
              + " WHERE id = ?");
      assertWaitsForALock(() -> impatientStore.requestDialPermit(permit(first)));
      other.commit();
    }
    assertThat(store.requestDialPermit(permit(first)))
        .isEqualTo(new DialPermit.Denied(Reason.LEASE_LOST, first));
  }

  @Test
  void aPauseWaitsForAPermitInProgressWhileOtherPermitsOfTheCampaignGoOn() throws Exception {
    try (Connection other = openTransaction()) {
      // what a permit in progress holds on the campaign row
      execute(other, "SELECT id FROM " + PREFIX + "campaigns WHERE id = ? " + permitLock());

      assertWaitsForALock(
          () ->
              impatientStore.transitionCampaign(
                  TENANT_A,
                  campaign.id(),
                  Set.of(CampaignStatus.RUNNING),
                  CampaignStatus.PAUSED,
                  seconds(1)));
      if (sharedPermitLock()) {
        assertThat(impatientStore.requestDialPermit(permit(second)).granted()).isTrue();
      } else {
        assertWaitsForALock(() -> impatientStore.requestDialPermit(permit(second)));
      }
      other.commit();
    }
    assertThat(store.requestDialPermit(permit(first)).granted()).isTrue();
  }

  private Call claim() {
    return ((ClaimResult.Claimed)
            store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS)))
        .call();
  }

  private PermitRequest permit(Call call) {
    return new PermitRequest(
        TENANT_A,
        call.id(),
        OWNER,
        epoch,
        seconds(2),
        null,
        List.of(StoreFixtures.logOf(call, T0)));
  }

  private Connection openTransaction() throws SQLException {
    Connection c = dataSource().getConnection();
    c.setAutoCommit(false);
    return c;
  }

  private void execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, campaign.id().value());
      s.execute();
    }
  }

  /** The operation gave up waiting for a lock (after the store's own retries): it was blocked. */
  private static void assertWaitsForALock(ThrowingCallable operation) {
    assertThatThrownBy(operation)
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue())
        .cause()
        .isInstanceOf(SQLException.class)
        .satisfies(
            cause ->
                assertThat(SqlErrors.isRetryableConflict((SQLException) cause))
                    .as("a lock wait given up: %s", cause)
                    .isTrue());
  }
}
