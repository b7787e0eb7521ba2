package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The instance registry (heartbeats) and the orphan-slot repair. */
interface InstanceContract extends StoreContractSupport {
  Duration DEAD_AFTER = Duration.ofSeconds(15);

  @Test
  default void anInstanceIsLiveUntilItsHeartbeatsStopForTheTimeout() {
    store().heartbeat("a", T0);
    store().heartbeat("b", T0);
    assertThat(store().liveInstances(seconds(10), DEAD_AFTER)).containsExactlyInAnyOrder("a", "b");

    store().heartbeat("a", seconds(10));
    assertThat(store().liveInstances(seconds(15), DEAD_AFTER))
        .as("b's last heartbeat is exactly the timeout ago: dead")
        .containsExactly("a");
    assertThat(store().liveInstances(seconds(24), DEAD_AFTER)).containsExactly("a");
    assertThat(store().liveInstances(seconds(25), DEAD_AFTER)).isEmpty();

    store().heartbeat("b", seconds(30));
    assertThat(store().liveInstances(seconds(31), DEAD_AFTER)).as("back").containsExactly("b");
  }

  @Test
  default void aDeregisteredInstanceIsGoneAndDeregisteringTwiceIsHarmless() {
    store().heartbeat("a", T0);
    store().deregister("a");
    store().deregister("a");
    store().deregister("never-seen");
    assertThat(store().liveInstances(seconds(1), DEAD_AFTER)).isEmpty();
  }

  @Test
  default void instancesSilentSinceTheCutoffAreRemovedAndOthersKept() {
    store().heartbeat("a", T0);
    store().heartbeat("b", seconds(10));
    store().heartbeat("c", seconds(20));

    assertThat(store().removeInstancesSeenBefore(seconds(10))).isEqualTo(2);
    assertThat(store().liveInstances(seconds(21), Duration.ofHours(1))).containsExactly("c");
    assertThat(store().removeInstancesSeenBefore(seconds(10))).isZero();
    store().heartbeat("a", seconds(30));
    assertThat(store().liveInstances(seconds(31), Duration.ofHours(1)))
        .as("a dead instance that comes back registers again")
        .containsExactlyInAnyOrder("a", "c");
  }

  @Test
  default void aNonPositiveTimeoutIsRejected() {
    assertThatThrownBy(() -> store().liveInstances(T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void noSlotIsOrphanedByTheSpiAloneAndRepairChangesNothing() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 3);
    var first = claimed(campaign, seconds(1));
    claimed(campaign, seconds(2));
    store()
        .applyTransition(
            end(
                first.call(),
                CallStatus.BUSY,
                LeadOutcome.finalState(LeadState.FAILED),
                "k",
                seconds(3)));

    var before = store().slotUsage(TENANT_A, campaign.id());
    assertThat(before.campaign()).isEqualTo(1);
    assertThat(store().releaseOrphanSlots()).isZero();
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(before);
  }
}
