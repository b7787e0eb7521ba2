package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.store.jdbc.internal.SqlErrors;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The number locks of a capped claim, shown without sleeps: another connection holds a number's row
 * in an open transaction (as a claim of that number in progress does), and a store whose sessions
 * give up waiting for a lock at once shows whether a claim waits for it. A claim of that number
 * must wait; a claim of another number, or one without caps, must not; and a claim that already
 * holds a number must leave a held second number queued rather than wait for it (so two claims can
 * never wait for each other's numbers).
 */
abstract class NumberLockTests {
  static final String PREFIX = "dknum_";
  static final AttemptCaps ONE_A_DAY = AttemptCaps.perRolling24Hours(1);

  /** A pool on the database under test. */
  abstract DataSource dataSource();

  /** A pool on the same database whose sessions give up waiting for a row lock at once. */
  abstract DataSource impatient();

  private JdbcCampaignStore store;
  private JdbcCampaignStore impatientStore;

  @BeforeEach
  void schemaWithTheFirstNumbersRow() throws SQLException {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    store.migrate();
    impatientStore = JdbcCampaignStore.builder(impatient()).tablePrefix(PREFIX).build();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO " + PREFIX + "number_locks (tenant, phone) VALUES (?, ?)")) {
      s.setString(1, TENANT_A.value());
      s.setString(2, phone(1).e164());
      s.executeUpdate();
    }
  }

  @Test
  void aClaimWaitsForItsNumberOnlyWhileAnotherClaimOfThatNumberIsInProgress() throws Exception {
    Campaign one = running("one", 1);
    Campaign two = running("two", 2);
    try (Connection other = holdNumber(1)) {
      assertWaitsForALock(() -> impatientStore.claimNext(request(one, seconds(1), ONE_A_DAY)));
      assertThat(impatientStore.claimNext(request(two, seconds(1), ONE_A_DAY)))
          .as("another number does not wait")
          .isInstanceOf(ClaimResult.Claimed.class);
      assertThat(impatientStore.claimNext(request(one, seconds(1), AttemptCaps.NONE)))
          .as("a claim without caps takes no number lock")
          .isInstanceOf(ClaimResult.Claimed.class);
      other.commit();
    }
  }

  @Test
  void aClaimHoldingANumberLeavesAHeldSecondNumberQueuedInsteadOfWaiting() throws Exception {
    // number 3 was called at T0, so under one call a day the first lead of "mixed" is capped
    claimed(running("earlier", 3), T0);
    Campaign mixed = running("mixed", 3, 1);
    ClaimResult result;
    try (Connection other = holdNumber(1)) {
      result = impatientStore.claimNext(request(mixed, seconds(1), ONE_A_DAY));
      other.commit();
    }
    assertThat(result).isInstanceOf(ClaimResult.Denied.class);
    assertThat(((ClaimResult.Denied) result).reason()).isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
    assertThat(result.passedOver())
        .extracting(Lead::phone, Lead::hold)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(phone(3), LeadHold.ROLLING_24_HOUR_CAP));

    ClaimResult.Claimed next = claimed(mixed, seconds(2));
    assertThat(next.lead().phone()).as("the busy number's lead stayed due").isEqualTo(phone(1));
    assertThat(next.lead().state()).isEqualTo(LeadState.IN_PROGRESS);
  }

  /**
   * A running campaign {@code id} of tenant A calling {@code numbers}, the first at the highest
   * priority, its lease held by OWNER.
   */
  private Campaign running(String id, int... numbers) {
    Campaign draft = StoreFixtures.draft(TENANT_A, id);
    store.createCampaign(draft);
    List<Lead> leads = new java.util.ArrayList<>();
    for (int i = 0; i < numbers.length; i++) {
      leads.add(StoreFixtures.lead(draft, numbers[i], numbers.length - i));
    }
    Campaign campaign =
        store
            .transitionCampaign(
                TENANT_A, draft.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0)
            .orElseThrow();
    store.insertLeads(TENANT_A, campaign.id(), leads);
    assertThat(store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL)).isPresent();
    return campaign;
  }

  private ClaimResult.Claimed claimed(Campaign campaign, Instant now) {
    ClaimResult result = store.claimNext(request(campaign, now, ONE_A_DAY));
    assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
    return (ClaimResult.Claimed) result;
  }

  private static dev.dialkit.campaign.spi.ClaimRequest request(
      Campaign campaign, Instant now, AttemptCaps caps) {
    return StoreFixtures.claimRequest(campaign, OWNER, now, NO_LIMITS, caps);
  }

  /** An open transaction holding the row of number {@code n}, as a claim of it in progress. */
  private Connection holdNumber(int n) throws SQLException {
    Connection c = dataSource().getConnection();
    c.setAutoCommit(false);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT phone FROM "
                + PREFIX
                + "number_locks WHERE tenant = ? AND phone = ? FOR UPDATE")) {
      s.setString(1, TENANT_A.value());
      s.setString(2, phone(n).e164());
      s.executeQuery().close();
    }
    return c;
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
