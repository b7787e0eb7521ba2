package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A dial permit takes effect only if its campaign still dials under the asker's lease after the
 * grant is written into the call: a pause or a takeover that commits between the two is seen by the
 * permit's second read, which takes the grant back.
 */
class PermitFenceTest extends DirectedTest {

  @Test
  void aPauseBetweenTheGrantAndTheSecondReadTakesTheGrantBack() {
    Campaign campaign = running("c1", 1);
    long epoch = store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL).orElseThrow().epoch();
    Call call = claimed(campaign);
    Seams.set(
        Seams.Point.PERMIT_WRITTEN,
        () ->
            store.transitionCampaign(
                TENANT_A,
                campaign.id(),
                Set.of(CampaignStatus.RUNNING),
                CampaignStatus.PAUSED,
                seconds(2)));

    DialPermit permit = permit(call, epoch, seconds(2));

    assertThat(permit).isEqualTo(new DialPermit.Denied(DialPermit.Reason.NOT_DIALING, call));
    assertTakenBack(call);
  }

  @Test
  void aTakeoverBetweenTheGrantAndTheSecondReadTakesTheGrantBack() {
    Campaign campaign = running("c1", 1);
    long epoch = store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL).orElseThrow().epoch();
    Call call = claimed(campaign);
    Instant expiry = T0.plus(LEASE_TTL);
    Seams.set(
        Seams.Point.PERMIT_WRITTEN,
        () ->
            assertThat(store.tryLease(campaign.id(), OTHER_OWNER, 0, expiry, LEASE_TTL))
                .hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo(OTHER_OWNER)));

    DialPermit permit = permit(call, epoch, expiry.minusSeconds(1));

    assertThat(permit).isEqualTo(new DialPermit.Denied(DialPermit.Reason.LEASE_LOST, call));
    assertTakenBack(call);
  }

  private DialPermit permit(Call call, long epoch, Instant now) {
    return store.requestDialPermit(
        new PermitRequest(
            TENANT_A, call.id(), OWNER, epoch, now, null, List.of(StoreFixtures.logOf(call, now))));
  }

  /** The call is as before the grant, with no log of it. */
  private void assertTakenBack(Call call) {
    assertThat(store.findCall(TENANT_A, call.id())).contains(call);
    assertThat(store.callLog(TENANT_A, call.id(), PageRequest.of(0, 10)).items())
        .extracting(e -> e.event())
        .doesNotContain(CallLogEvent.STATUS_APPLIED);
  }
}
