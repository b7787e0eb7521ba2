package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import dev.dialkit.testkit.StoreFixtures;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A claimer that dies or stalls between the writes of a pass-over or of a capped claim: the
 * counters move exactly once, a suppressed lead is never dialed, and a claim that died does not
 * keep eating a cap unit once it is repaired.
 */
class PassOverCrashTest extends DirectedTest {
  private static final AttemptCaps ONE_A_DAY = AttemptCaps.perRolling24Hours(1);

  // ---------------------------------------------------------------- suppressed leads

  @Test
  void aSkipWhoseClaimerDiedBeforeItsCountersIsCountedOnceByTheRepair() {
    Campaign campaign = running("c1", 1);
    suppress(0);
    Seams.set(
        Seams.Point.BEFORE_SKIP_COUNTERS,
        () -> {
          throw new IllegalStateException("the claimer dies here");
        });
    assertThatThrownBy(() -> claim(campaign, NO_LIMITS)).hasMessageContaining("dies here");
    Seams.clear();

    assertThat(onlyLead(campaign).state()).isEqualTo(LeadState.SKIPPED);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).as("not yet moved").isEqualTo(1);
    assertThat(store.completeIfDone(TENANT_A, campaign.id(), seconds(1)))
        .as("the lead still counts as queued: no early completion")
        .isEmpty();

    store.releaseOrphanSlots();
    store.releaseOrphanSlots();

    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(1);
    assertThat(store.completeIfDone(TENANT_A, campaign.id(), seconds(2)).orElseThrow().status())
        .isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  void aSkipperThatWakesAfterTheRepairFinishedItsSkipAppliesNothing() {
    skipperWakesAfterTheRepair();
  }

  @Test
  void withUnmarkedSkipCountersTheSkipCountsTwice() {
    failsWithout(() -> Switches.exactlyOnceSkips = false, this::skipperWakesAfterTheRepair);
  }

  private void skipperWakesAfterTheRepair() {
    Campaign campaign = running("c1", 2);
    suppress(0);
    AtomicBoolean stalled = new AtomicBoolean();
    Seams.set(
        Seams.Point.BEFORE_SKIP_COUNTERS,
        () -> {
          if (stalled.compareAndSet(false, true)) {
            store.releaseOrphanSlots();
          }
        });

    ClaimResult.Claimed claimed = (ClaimResult.Claimed) claim(campaign, NO_LIMITS);
    Seams.clear();

    assertThat(stalled).isTrue();
    assertThat(claimed.lead().phone()).isEqualTo(StoreFixtures.phone(1));
    assertThat(claimed.passedOver()).extracting(Lead::hold).containsExactly(LeadHold.SUPPRESSED);
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).as("LEADS_SKIPPED").isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).as("LEADS_QUEUED").isZero();
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).as("LEADS_IN_PROGRESS").isEqualTo(1);
  }

  // ---------------------------------------------------------------- capped claims

  @Test
  void aClaimThatDiedAfterReservingTheNumberHoldsTheCapOnlyUntilTheRepairPutsItsLeadBack() {
    Campaign a = running("a", 1);
    Campaign b = running("b", 1);
    Campaign c = running("c", 1);
    Seams.set(
        Seams.Point.NUMBER_RESERVED,
        () -> {
          throw new IllegalStateException("the claimer dies here");
        });
    assertThatThrownBy(() -> capped(a)).hasMessageContaining("dies here");
    Seams.clear();

    // the claim might still be alive: its reservation counts
    assertThat(capped(b).passedOver())
        .extracting(Lead::hold)
        .containsExactly(LeadHold.ROLLING_24_HOUR_CAP);

    for (int pass = 0; pass <= LeadPick.STALE_AFTER; pass++) {
      assertThat(onlyLead(a).state()).as("pass %d", pass).isEqualTo(LeadState.IN_PROGRESS);
      store.releaseOrphanSlots();
    }
    Lead back = onlyLead(a);
    assertThat(back.state()).isEqualTo(LeadState.QUEUED);
    assertThat(back.attempts()).isZero();
    assertThat(counter(a, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(a, Counter.LEADS_IN_PROGRESS)).isZero();

    // its claim is gone, and no call was stored: the reservation no longer counts
    ClaimResult.Claimed claimed = (ClaimResult.Claimed) capped(c);
    assertThat(claimed.passedOver()).isEmpty();
    // and the cap holds for the lead that was put back
    assertThat(capped(a).passedOver())
        .extracting(Lead::hold)
        .containsExactly(LeadHold.ROLLING_24_HOUR_CAP);
    assertThat(store.findActiveCalls(TENANT_A, a.id())).isEmpty();
  }

  @Test
  void aClaimThatDiedAfterConfirmingGetsItsCallFromTheRepairAndItsReleaseFreesTheCap() {
    Campaign a = running("a", 1);
    Campaign b = running("b", 1);
    Seams.set(
        Seams.Point.LEAD_CONFIRMED,
        () -> {
          throw new IllegalStateException("the claimer dies here");
        });
    assertThatThrownBy(() -> capped(a)).hasMessageContaining("dies here");
    Seams.clear();

    store.releaseOrphanSlots();
    List<Call> recreated = store.findActiveCalls(TENANT_A, a.id());
    assertThat(recreated).as("the repair recreates the claim's call").hasSize(1);
    Call call = recreated.get(0);
    assertThat(call.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(store.slotUsage(TENANT_A, a.id()).campaign()).as("never given a slot").isZero();

    // the dialer's recovery releases the call unsent, as it does any call without a slot
    releaseUnsent(call);
    assertThat(counter(a, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(a, Counter.LEADS_IN_PROGRESS)).isZero();

    assertThat(capped(b))
        .as("a call released unsent does not count")
        .isInstanceOf(ClaimResult.Claimed.class);
  }

  // ---------------------------------------------------------------- helpers

  private void suppress(int n) {
    store.addSuppressions(
        List.of(
            new Suppression(
                TENANT_A, StoreFixtures.phone(n), SuppressionSource.OPT_OUT, null, null, T0)));
  }

  private ClaimResult capped(Campaign campaign) {
    ClaimRequest request = StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS, ONE_A_DAY);
    return store.claimNext(request);
  }

  private Lead onlyLead(Campaign campaign) {
    return store
        .listLeads(TENANT_A, campaign.id(), dev.dialkit.campaign.PageRequest.of(0, 10))
        .items()
        .get(0);
  }

  private void releaseUnsent(Call call) {
    Call released =
        call.toBuilder()
            .status(CallStatus.CANCELED)
            .failureReason(FailureReason.NOT_DIALED)
            .endedAt(seconds(1))
            .nextVersion(seconds(1))
            .build();
    CallTransition transition =
        new CallTransition(
            released,
            call.version(),
            "released",
            true,
            LeadOutcome.putBack(seconds(1)),
            CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1).plus(Counter.LEADS_QUEUED, 1),
            List.of(StoreFixtures.logOf(released, seconds(1))));
    assertThat(store.applyTransition(transition).outcome()).isEqualTo(Outcome.APPLIED);
  }
}
