package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.draft;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Leases: acquire, renew, expiry at {@code now + ttl}, take-over and release, and the fencing epoch
 * that grows with every acquisition and never with a renewal.
 */
interface LeaseContract extends StoreContractSupport {
  Duration TTL = Duration.ofSeconds(30);

  @Test
  default void aFreeLeaseIsAcquiredAtEpochOneAndRenewedOnlyByItsOwnerWithItsEpoch() {
    CampaignId id = created("c1");

    assertThat(take(id, OWNER, 0, T0)).isEqualTo(new Lease(OWNER, 1, seconds(30)));
    assertThat(take(id, OTHER_OWNER, 0, seconds(10)))
        .as("denied: the holder's lease comes back")
        .isEqualTo(new Lease(OWNER, 1, seconds(30)));
    assertThat(take(id, OWNER, 1, seconds(20))).isEqualTo(new Lease(OWNER, 1, seconds(50)));
    assertThat(take(id, OTHER_OWNER, 0, seconds(49)).owner()).isEqualTo(OWNER);
    assertThat(take(id, OWNER, 1, seconds(49))).isEqualTo(new Lease(OWNER, 1, seconds(79)));
  }

  @Test
  default void everyAcquisitionBumpsTheEpochAndATakeoverMakesTheOldOneWorthless() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 5);
    dropLease(campaign.id(), OWNER, T0);
    long first = take(campaign.id(), OWNER, 0, T0).epoch();

    assertThat(take(campaign.id(), OTHER_OWNER, 0, seconds(29)).owner()).isEqualTo(OWNER);
    Lease taken = take(campaign.id(), OTHER_OWNER, 0, seconds(30));
    assertThat(taken.owner()).isEqualTo(OTHER_OWNER);
    assertThat(taken.epoch()).isEqualTo(first + 1);

    assertThat(take(campaign.id(), OWNER, first, seconds(31)))
        .as("the old epoch no longer renews")
        .isEqualTo(taken);
    assertThat(denial(claim(campaign, seconds(31), StoreFixtures.NO_LIMITS)))
        .isEqualTo(Reason.NOT_LEASE_OWNER);
    claimed(
        store()
            .claimNext(
                StoreFixtures.claimRequest(
                    campaign, OTHER_OWNER, seconds(31), StoreFixtures.NO_LIMITS)));
  }

  @Test
  default void theSameOwnerAcquiringWithoutItsEpochGetsANewOne() {
    CampaignId id = created("c1");
    assertThat(take(id, OWNER, 0, T0).epoch()).isEqualTo(1);

    // a restarted instance with the same id: a new epoch fences off its former life
    assertThat(take(id, OWNER, 0, seconds(5))).isEqualTo(new Lease(OWNER, 2, seconds(35)));
    assertThat(take(id, OWNER, 1, seconds(6)))
        .as("the former life's epoch acquires anew rather than renewing")
        .isEqualTo(new Lease(OWNER, 3, seconds(36)));
  }

  @Test
  default void anOwnerMayRenewItsExpiredLeaseIfNobodyTookIt() {
    CampaignId id = created("c1");
    assertThat(take(id, OWNER, 0, T0).epoch()).isEqualTo(1);

    assertThat(take(id, OWNER, 1, seconds(45))).isEqualTo(new Lease(OWNER, 1, seconds(75)));
    assertThat(take(id, OTHER_OWNER, 0, seconds(74)).owner()).isEqualTo(OWNER);
  }

  @Test
  default void onlyTheOwnerWithItsEpochReleasesALeaseAndTheEpochSurvivesTheRelease() {
    CampaignId id = created("c1");
    assertThat(take(id, OWNER, 0, T0).epoch()).isEqualTo(1);

    store().releaseLease(id, OTHER_OWNER, 1);
    store().releaseLease(id, OWNER, 2);
    assertThat(take(id, OTHER_OWNER, 0, seconds(1)).owner()).isEqualTo(OWNER);

    store().releaseLease(id, OWNER, 1);
    assertThat(take(id, OTHER_OWNER, 0, seconds(1)))
        .isEqualTo(new Lease(OTHER_OWNER, 2, seconds(31)));
    assertThat(take(id, OWNER, 1, seconds(2)))
        .as("released and retaken: the old epoch renews nothing")
        .isEqualTo(new Lease(OTHER_OWNER, 2, seconds(31)));
  }

  @Test
  default void aReleasedLeaseTakenBackByItsFormerOwnerGetsANewEpoch() {
    CampaignId id = created("c1");
    take(id, OWNER, 0, T0);
    store().releaseLease(id, OWNER, 1);

    assertThat(take(id, OWNER, 1, seconds(1))).isEqualTo(new Lease(OWNER, 2, seconds(31)));
  }

  @Test
  default void leasesAreIndependentPerCampaign() {
    CampaignId one = created("c1");
    CampaignId two = created("c2");

    assertThat(take(one, OWNER, 0, T0).owner()).isEqualTo(OWNER);
    assertThat(take(two, OTHER_OWNER, 0, T0)).isEqualTo(new Lease(OTHER_OWNER, 1, seconds(30)));
  }

  @Test
  default void anUnknownCampaignHasNoLeaseAndBadArgumentsAreRejected() {
    CampaignId id = created("c1");

    assertThat(store().tryLease(CampaignId.of("nope"), OWNER, 0, T0, TTL)).isEmpty();
    assertThatThrownBy(() -> store().tryLease(id, OWNER, 0, T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().tryLease(id, OWNER, 0, T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().tryLease(id, OWNER, -1, T0, TTL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(take(id, OTHER_OWNER, 0, T0).owner()).isEqualTo(OTHER_OWNER);
  }

  private Lease take(CampaignId id, String owner, long heldEpoch, Instant now) {
    return store().tryLease(id, owner, heldEpoch, now, TTL).orElseThrow();
  }

  private CampaignId created(String id) {
    Campaign campaign = draft(TENANT_A, id);
    store().createCampaign(campaign);
    return campaign.id();
  }
}
