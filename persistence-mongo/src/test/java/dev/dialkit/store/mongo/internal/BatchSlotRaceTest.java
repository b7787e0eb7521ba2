package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.PROVIDER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.testkit.StoreFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A batch claim between its leads and its one ledger update: another claim takes slots there (the
 * batch keeps its first leads, undoes the others exactly as a single claim that lost the last slot,
 * and says which limit bound), the repair runs there (it must not finish the outboxes of calls that
 * hold no slot yet), or the claimer dies there (nothing is counted twice once the calls are
 * released, as the dialer's recovery releases them).
 */
class BatchSlotRaceTest extends DirectedTest {
  private static final SlotLimits TENANT_OF_5 = new SlotLimits(100, 5, 100);

  private BatchClaimResult batch(Campaign campaign, SlotLimits limits, int size) {
    List<PhoneNumber> from = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      from.add(PhoneNumber.of("+1415555" + (1000 + i)));
    }
    ClaimRequest first =
        new ClaimRequest(
            TENANT_A,
            campaign.id(),
            OWNER,
            T0,
            limits,
            PROVIDER,
            from.get(0),
            null,
            AttemptCaps.NONE);
    return store.claimBatch(new BatchClaimRequest(first, from));
  }

  /** Runs {@code hook} the first time a claim reaches the slot step, and never again. */
  private static void onceBeforeSlot(Runnable hook) {
    AtomicBoolean done = new AtomicBoolean();
    Seams.set(
        Seams.Point.BEFORE_SLOT,
        () -> {
          if (done.compareAndSet(false, true)) {
            hook.run();
          }
        });
  }

  @Test
  void aBatchThatLosesSlotsMeanwhileKeepsItsFirstLeadsAndUndoesTheOthers() {
    Campaign a = running("a", 10);
    Campaign b = running("b", 5);
    onceBeforeSlot(
        () -> {
          claimed(b);
          claimed(b);
        });

    BatchClaimResult result = batch(a, TENANT_OF_5, 5);

    assertThat(result.claimed()).hasSize(3);
    assertThat(result.stoppedBy()).isEqualTo(Reason.TENANT_LIMIT);
    assertThat(result.passedOver()).isEmpty();
    // the slots left went to the batch's first calls: kept, not undone and claimed again
    assertThat(result.claimed())
        .extracting(c -> c.call().id())
        .containsExactly(
            CallId.forAttempt(StoreFixtures.lead(a, 0).id(), 1),
            CallId.forAttempt(StoreFixtures.lead(a, 1).id(), 1),
            CallId.forAttempt(StoreFixtures.lead(a, 2).id(), 1));
    assertThat(result.claimed().get(2).call().from()).isEqualTo(PhoneNumber.of("+14155551002"));
    assertThat(store.slotUsage(TENANT_A, a.id())).isEqualTo(new SlotUsage(5, 5, 3));
    assertThat(counter(a, Counter.LEADS_QUEUED)).isEqualTo(7);
    assertThat(counter(a, Counter.LEADS_IN_PROGRESS)).isEqualTo(3);
    assertThat(counter(a, Counter.CALLS_PLACED)).isEqualTo(3);
    // the 4th and 5th leads of the batch: back in the queue, their calls ended unsent for good
    for (int n = 3; n < 5; n++) {
      Lead lead = store.findLead(TENANT_A, StoreFixtures.lead(a, n).id()).orElseThrow();
      assertThat(lead.state()).isEqualTo(LeadState.QUEUED);
      assertThat(lead.attempts()).isZero();
      Call undone = store.findCall(TENANT_A, CallId.forAttempt(lead.id(), 1)).orElseThrow();
      assertThat(undone.status()).isEqualTo(CallStatus.CANCELED);
      assertThat(undone.failureReason()).isEqualTo(FailureReason.NOT_DIALED);
    }
    assertThat(store.findActiveCalls(TENANT_A, a.id())).hasSize(3);

    finish(result.claimed().get(0).call(), T0.plusSeconds(1));
    BatchClaimResult next = batch(a, TENANT_OF_5, 5);
    assertThat(next.claimed()).hasSize(1);
    assertThat(next.claimed().get(0).call().attempt()).as("a call id is never reused").isEqualTo(2);
  }

  @Test
  void theRepairBetweenABatchsLeadsAndItsSlotsCountsNothingTwice() {
    Campaign a = running("a", 6);
    onceBeforeSlot(() -> assertThat(store.releaseOrphanSlots()).isZero());

    BatchClaimResult result = batch(a, TENANT_OF_5, 4);

    assertThat(result.claimed()).hasSize(4);
    assertThat(store.slotUsage(TENANT_A, a.id())).isEqualTo(new SlotUsage(4, 4, 4));
    assertThat(counter(a, Counter.CALLS_PLACED)).isEqualTo(4);
    assertThat(counter(a, Counter.LEADS_IN_PROGRESS)).isEqualTo(4);
    assertThat(counter(a, Counter.LEADS_QUEUED)).isEqualTo(2);
    store.releaseOrphanSlots();
    assertThat(counter(a, Counter.CALLS_PLACED)).isEqualTo(4);
  }

  @Test
  void aBatchClaimerThatDiesBeforeItsSlotsLeavesCallsThatNeitherHoldSlotsNorCountTwice() {
    Campaign a = running("a", 6);
    onceBeforeSlot(
        () -> {
          throw new IllegalStateException("the claimer dies");
        });

    assertThatThrownBy(() -> batch(a, TENANT_OF_5, 3)).isInstanceOf(RuntimeException.class);

    assertThat(store.slotUsage(TENANT_A, a.id())).isEqualTo(new SlotUsage(0, 0, 0));
    List<Call> staged = store.findActiveCalls(TENANT_A, a.id());
    assertThat(staged).hasSize(3).allSatisfy(c -> assertThat(c.sentAt()).isNull());
    store.releaseOrphanSlots();
    for (Call call : staged) {
      releaseUnsent(call);
    }
    assertThat(counter(a, Counter.LEADS_QUEUED)).isEqualTo(6);
    assertThat(counter(a, Counter.LEADS_IN_PROGRESS)).isZero();
    assertThat(counter(a, Counter.CALLS_PLACED)).isZero();
    for (Call call : staged) {
      Lead lead = store.findLead(TENANT_A, call.leadId()).orElseThrow();
      assertThat(lead.state()).isEqualTo(LeadState.QUEUED);
      assertThat(lead.attempts()).isZero();
    }
    // the released leads are due again at T0 + 5 s: at T0 the batch gets the three others
    assertThat(batch(a, TENANT_OF_5, 6).claimed()).hasSize(3);
  }

  /** What the dialer's recovery does with an unsent call nobody places: release it, refunded. */
  private void releaseUnsent(Call call) {
    Call released =
        call.toBuilder()
            .status(CallStatus.CANCELED)
            .failureReason(FailureReason.NOT_DIALED)
            .endedAt(T0.plusSeconds(5))
            .nextVersion(T0.plusSeconds(5))
            .build();
    assertThat(
            store
                .applyTransition(
                    new dev.dialkit.campaign.spi.CallTransition(
                        released,
                        call.version(),
                        "released",
                        true,
                        dev.dialkit.campaign.spi.LeadOutcome.putBack(T0.plusSeconds(5)),
                        dev.dialkit.campaign.CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1)
                            .plus(Counter.LEADS_QUEUED, 1)
                            .plus(Counter.CALLS_PLACED, -1),
                        List.of()))
                .outcome())
        .isEqualTo(dev.dialkit.campaign.spi.TransitionResult.Outcome.APPLIED);
  }
}
