package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.claimRequest;
import static dev.dialkit.testkit.StoreFixtures.draft;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Leases: acquire, renew, expiry at {@code now + ttl}, take-over and release. */
interface LeaseContract extends StoreContractSupport {
  Duration TTL = Duration.ofSeconds(30);

  @Test
  default void aFreeLeaseIsAcquiredAndRenewedOnlyByItsOwner() {
    CampaignId id = created("c1");

    assertThat(store().tryLease(id, OWNER, T0, TTL)).isTrue();
    assertThat(store().tryLease(id, OTHER_OWNER, seconds(10), TTL)).isFalse();
    assertThat(store().tryLease(id, OWNER, seconds(20), TTL)).isTrue();
    // renewed at 20 s, so it runs until 50 s
    assertThat(store().tryLease(id, OTHER_OWNER, seconds(49), TTL)).isFalse();
    assertThat(store().tryLease(id, OWNER, seconds(49), TTL)).isTrue();
  }

  @Test
  default void anExpiredLeaseIsTakenOverAndTheFormerOwnerLosesIt() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 5);
    store().releaseLease(campaign.id(), OWNER);
    assertThat(store().tryLease(campaign.id(), OWNER, T0, TTL)).isTrue();

    assertThat(store().tryLease(campaign.id(), OTHER_OWNER, seconds(29), TTL)).isFalse();
    assertThat(store().tryLease(campaign.id(), OTHER_OWNER, seconds(30), TTL)).isTrue();

    assertThat(store().tryLease(campaign.id(), OWNER, seconds(31), TTL)).isFalse();
    assertThat(denial(claim(campaign, seconds(31), NO_LIMITS))).isEqualTo(Reason.NOT_LEASE_OWNER);
    claimed(store().claimNext(claimRequest(campaign, OTHER_OWNER, seconds(31), NO_LIMITS)));
  }

  @Test
  default void anOwnerMayRenewItsExpiredLeaseIfNobodyTookIt() {
    CampaignId id = created("c1");
    assertThat(store().tryLease(id, OWNER, T0, TTL)).isTrue();

    assertThat(store().tryLease(id, OWNER, seconds(45), TTL)).isTrue();
    assertThat(store().tryLease(id, OTHER_OWNER, seconds(74), TTL)).isFalse();
  }

  @Test
  default void onlyTheOwnerReleasesALease() {
    CampaignId id = created("c1");
    assertThat(store().tryLease(id, OWNER, T0, TTL)).isTrue();

    store().releaseLease(id, OTHER_OWNER);
    assertThat(store().tryLease(id, OTHER_OWNER, seconds(1), TTL)).isFalse();

    store().releaseLease(id, OWNER);
    assertThat(store().tryLease(id, OTHER_OWNER, seconds(1), TTL)).isTrue();
    store().releaseLease(id, OWNER);
    assertThat(store().tryLease(id, OWNER, seconds(2), TTL)).isFalse();
  }

  @Test
  default void leasesAreIndependentPerCampaign() {
    CampaignId one = created("c1");
    CampaignId two = created("c2");

    assertThat(store().tryLease(one, OWNER, T0, TTL)).isTrue();
    assertThat(store().tryLease(two, OTHER_OWNER, T0, TTL)).isTrue();
  }

  @Test
  default void anUnknownCampaignCannotBeLeasedAndTtlMustBePositive() {
    CampaignId id = created("c1");

    assertThat(store().tryLease(CampaignId.of("nope"), OWNER, T0, TTL)).isFalse();
    assertThatThrownBy(() -> store().tryLease(id, OWNER, T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().tryLease(id, OWNER, T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store().tryLease(id, OTHER_OWNER, T0, TTL)).isTrue();
  }

  private CampaignId created(String id) {
    Campaign campaign = draft(TENANT_A, id);
    store().createCampaign(campaign);
    return campaign.id();
  }
}
