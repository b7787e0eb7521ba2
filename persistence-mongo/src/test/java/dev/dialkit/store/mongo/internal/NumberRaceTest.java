package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.store.mongo.MongoCampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two store instances on one database claim, for two campaigns, leads that call the same number
 * under a cap of one call a day. The second instance's whole claim runs at a named point of the
 * first's: between the first's read of the number and its write, and between the second's
 * reservation and its call. Neither interleaving may let both calls through.
 */
class NumberRaceTest extends DirectedTest {
  private static final AttemptCaps ONE_A_DAY = AttemptCaps.perRolling24Hours(1);

  /** The second dialer instance: its own store object, same database. */
  private MongoCampaignStore other;

  @BeforeEach
  void secondInstance() {
    other = MongoCampaignStore.create(database);
  }

  @Test
  void aClaimThatReadTheNumberBeforeAnotherInstanceReservedItIsHeldBackWhenItWrites() {
    bothReadBeforeEitherWrites();
  }

  @Test
  void withoutTheCompareAndSetOnTheNumberBothInstancesCallIt() {
    failsWithout(() -> Switches.serializedNumbers = false, this::bothReadBeforeEitherWrites);
  }

  /**
   * The first instance reads the number (no calls) and, before it writes, the second instance
   * claims the other campaign's lead to the same number to the end. The first's write must fail and
   * its second look must find the second's call.
   */
  private void bothReadBeforeEitherWrites() {
    Campaign a = running("a", 1);
    Campaign b = running("b", 1);
    AtomicBoolean raced = new AtomicBoolean();
    AtomicReference<ClaimResult> second = new AtomicReference<>();
    Seams.set(
        Seams.Point.NUMBER_READ,
        () -> {
          if (raced.compareAndSet(false, true)) {
            second.set(other.claimNext(request(b)));
          }
        });

    ClaimResult first = store.claimNext(request(a));
    Seams.clear();

    assertThat(raced).isTrue();
    assertThat(second.get()).as("the second instance").isInstanceOf(ClaimResult.Claimed.class);
    assertThat(first).as("the first instance").isInstanceOf(ClaimResult.Denied.class);
    Lead deferred = first.passedOver().get(0);
    assertThat(deferred.hold()).isEqualTo(LeadHold.ROLLING_24_HOUR_CAP);
    assertThat(deferred.state()).isEqualTo(LeadState.QUEUED);
    assertThat(deferred.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(deferred.attempts()).isZero();
    assertThat(callsToTheNumber()).isEqualTo(1);
    assertThat(counter(a, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(a, Counter.CALLS_PLACED)).isZero();
    assertThat(counter(b, Counter.LEADS_IN_PROGRESS)).isEqualTo(1);
  }

  @Test
  void aReservationWhoseCallIsNotYetStoredCountsForTheOtherInstance() {
    Campaign a = running("a", 1);
    Campaign b = running("b", 1);
    AtomicBoolean raced = new AtomicBoolean();
    AtomicReference<ClaimResult> first = new AtomicReference<>();
    // the second instance has reserved the number; its lead and call are not written yet
    Seams.set(
        Seams.Point.NUMBER_RESERVED,
        () -> {
          if (raced.compareAndSet(false, true)) {
            first.set(store.claimNext(request(a)));
          }
        });

    ClaimResult second = other.claimNext(request(b));
    Seams.clear();

    assertThat(raced).isTrue();
    assertThat(second).isInstanceOf(ClaimResult.Claimed.class);
    assertThat(first.get()).isInstanceOf(ClaimResult.Denied.class);
    assertThat(first.get().passedOver())
        .extracting(Lead::hold)
        .containsExactly(LeadHold.ROLLING_24_HOUR_CAP);
    assertThat(callsToTheNumber()).isEqualTo(1);
  }

  private static dev.dialkit.campaign.spi.ClaimRequest request(Campaign campaign) {
    return StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS, ONE_A_DAY);
  }

  private long callsToTheNumber() {
    return database
        .getCollection(MongoCampaignStore.DEFAULT_COLLECTION_PREFIX + "calls")
        .countDocuments(
            Filters.and(
                Filters.eq("tenant", TENANT_A.value()),
                Filters.eq("to", StoreFixtures.phone(0).e164())));
  }
}
