package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.testkit.StoreFixtures;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The repair never recreates the call of a claim that is being undone. The interleaving: a claim
 * stores its lead and call, then loses the last slot to another claim; the repair reads the lead in
 * progress before the undo and looks its call up after it. The repair runs on a thread of its own,
 * held between those two reads by latches (never by sleeping).
 */
class GhostCallTest extends DirectedTest {
  private static final SlotLimits ONE_SLOT = new SlotLimits(1, 1, 1);

  @Test
  void theRepairDoesNotRecreateTheCallOfAClaimBeingUndone() throws Exception {
    repairReadsTheLeadBeforeTheUndoAndTheCallAfterIt();
  }

  @Test
  void whenTheUndoDeletesTheCallTheRepairRecreatesItAsAGhost() {
    failsWithout(
        () -> Switches.undoEndsTheCall = false,
        () -> {
          try {
            repairReadsTheLeadBeforeTheUndoAndTheCallAfterIt();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aCrashBetweenTheUndosWritesIsFinishedByTheRepair() {
    Campaign campaign = running("c1", 1);
    Call call = claimed(campaign);
    // what a claimer that died right after ending its call leaves: the call undone (its claim
    // counters settled by nobody yet) while the lead is still in progress
    database
        .getCollection("dialkit_calls")
        .updateOne(
            Filters.eq("_id", call.id().value()),
            Updates.combine(
                Updates.set("status", "CANCELED"),
                Updates.set("terminal", true),
                Updates.set("version", 2L),
                Updates.set("undone", true)));
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(1);

    store.releaseOrphanSlots();
    store.releaseOrphanSlots();

    Lead lead = store.findLead(TENANT_A, call.leadId()).orElseThrow();
    assertThat(lead.state()).isEqualTo(LeadState.QUEUED);
    assertThat(lead.attempts()).isZero();
    // the claim's counters had been applied: the undo takes them out once
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isZero();
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isZero();
  }

  private void repairReadsTheLeadBeforeTheUndoAndTheCallAfterIt() throws Exception {
    Campaign campaign = running("c1", 1);
    CountDownLatch leadRead = new CountDownLatch(1);
    CountDownLatch undone = new CountDownLatch(1);
    ExecutorService repairer = Executors.newSingleThreadExecutor();
    Future<?>[] repair = new Future<?>[1];
    Seams.set(
        Seams.Point.REPAIR_READ_LEAD,
        () -> {
          leadRead.countDown();
          await(undone);
        });
    Seams.set(
        Seams.Point.BEFORE_SLOT,
        () -> {
          // another claim takes the last slot: this claim will be undone
          takeTheLastSlot();
          repair[0] = repairer.submit(() -> store.releaseOrphanSlots());
          await(leadRead);
        });
    ClaimResult first = claim(campaign, ONE_SLOT);
    undone.countDown();
    repair[0].get(30, TimeUnit.SECONDS);
    repairer.shutdown();
    Seams.clear();

    assertThat(first).isEqualTo(ClaimResult.denied(ClaimResult.Reason.GLOBAL_LIMIT));
    CallId undoneCall = CallId.forAttempt(StoreFixtures.lead(campaign, 0).id(), 1);
    Call second = claimed(campaign);
    List<Call> active = store.findActiveCalls(TENANT_A, campaign.id());
    assertThat(active)
        .as("calls in progress of a lead claimed once since its undone claim")
        .containsExactly(second);
    assertThat(store.findCall(TENANT_A, undoneCall).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(CallStatus.CANCELED);
              assertThat(c.failureReason()).isEqualTo(FailureReason.NOT_DIALED);
            });
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(1);
  }

  private void takeTheLastSlot() {
    database
        .getCollection("dialkit_slots")
        .updateOne(
            Filters.eq("_id", Ledger.ID),
            Updates.combine(
                Updates.inc("g", 1),
                Updates.inc("t.tenant-a", 1),
                Updates.inc("c.other", 1),
                Updates.set("h.other~1", new Document("t", "tenant-a").append("c", "other"))));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other party got there").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
