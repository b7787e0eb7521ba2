package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import dev.dialkit.testkit.StoreFixtures;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An outbox finished by two parties applies its counter deltas once, however late the second wakes:
 * the first finishes it whole (counters, outbox cleared) while the second, which read the outbox
 * before, is held between that read and its counter step.
 */
class ExactlyOnceCountersTest extends DirectedTest {

  @Test
  void aWriterThatWakesAfterTheNextTransitionFinishedItsOutboxAppliesNothing() {
    writerWakesAfterTheNextTransition();
  }

  @Test
  void withTheFormerMarkerTheWritersDeltasCountTwice() {
    failsWithout(
        () -> Switches.exactlyOnceCounters = false, this::writerWakesAfterTheNextTransition);
  }

  @Test
  void aClaimerThatWakesAfterTheRepairFinishedItsOutboxAppliesNothing() {
    claimerWakesAfterTheRepair();
  }

  @Test
  void withTheFormerMarkerTheClaimCountsTwice() {
    failsWithout(() -> Switches.exactlyOnceCounters = false, this::claimerWakesAfterTheRepair);
  }

  /**
   * The end of a call is written (call, outbox) and its writer stalls before the counters; a late
   * provider update of the ended call finishes the outbox first, then applies itself.
   */
  private void writerWakesAfterTheNextTransition() {
    Campaign campaign = running("c1", 1);
    Call call = claimed(campaign);
    Call ended = StoreFixtures.moved(call, CallStatus.COMPLETED, seconds(5));
    AtomicBoolean stalled = new AtomicBoolean();
    Seams.set(
        Seams.Point.BEFORE_COUNTERS,
        () -> {
          if (stalled.compareAndSet(false, true)) {
            Call recorded =
                ended.toBuilder()
                    .recordingUrl("https://rec.example/1.mp3")
                    .nextVersion(seconds(6))
                    .build();
            CallTransition late =
                new CallTransition(
                    recorded,
                    ended.version(),
                    "recording",
                    false,
                    null,
                    CounterDelta.NONE,
                    List.of());
            assertThat(store.applyTransition(late).outcome()).isEqualTo(Outcome.APPLIED);
          }
        });

    finish(call, seconds(5));
    Seams.clear();

    assertThat(stalled).isTrue();
    assertThat(counter(campaign, Counter.LEADS_DONE)).as("LEADS_DONE").isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).as("LEADS_IN_PROGRESS").isZero();
    assertThat(counter(campaign, Counter.CALLS_COMPLETED)).as("CALLS_COMPLETED").isEqualTo(1);
    assertThat(store.completeIfDone(TENANT_A, campaign.id(), seconds(7)))
        .as("every lead is done: the campaign completes")
        .isPresent();
  }

  /** A claim takes its slot and stalls before its counters; the repair finishes its outbox. */
  private void claimerWakesAfterTheRepair() {
    Campaign campaign = running("c1", 2);
    AtomicBoolean stalled = new AtomicBoolean();
    Seams.set(
        Seams.Point.BEFORE_COUNTERS,
        () -> {
          if (stalled.compareAndSet(false, true)) {
            store.releaseOrphanSlots();
          }
        });

    claimed(campaign);
    Seams.clear();

    assertThat(stalled).isTrue();
    assertThat(counter(campaign, Counter.CALLS_PLACED)).as("CALLS_PLACED").isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).as("LEADS_IN_PROGRESS").isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).as("LEADS_QUEUED").isEqualTo(1);
  }
}
