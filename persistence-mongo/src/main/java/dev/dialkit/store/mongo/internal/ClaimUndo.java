package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.LeadState;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * Takes back a claim that got no slot (another claim took the last one between the ledger read and
 * the slot write), in this order:
 *
 * <ol>
 *   <li>the call ends {@code CANCELED} ({@code NOT_DIALED}, marked {@code undone}, version 2) and
 *       its claim outbox is dropped: one compare-and-set on version 1 with the outbox still there.
 *       If it fails, another party already moved the call on (a release of an abandoned claim) and
 *       its outbox settles the lead; nothing more is done here;
 *   <li>the claim's counters are settled: never applied, or applied by a finisher and taken out
 *       ({@link CounterShards#settleUndoneClaim});
 *   <li>the lead goes back to the queue, its attempt given back (its call number is not: a call id
 *       is never reused).
 * </ol>
 *
 * <p>The call is never deleted, so its id is never absent again once the claim stored it: the
 * repair, which recreates the call of a lead in progress whose call is missing, cannot recreate the
 * call of a claim being undone as a ghost, however its reads interleave with these writes. A crash
 * after step 1 leaves the lead in progress with its call undone; the repair finishes steps 2 and 3
 * ({@link #finish}).
 */
final class ClaimUndo {
  /** The version an undone call ends at. */
  static final long UNDONE_VERSION = 2;

  private final Collections db;
  private final CounterShards shards;

  ClaimUndo(Collections db, CounterShards shards) {
    this.db = db;
    this.shards = shards;
  }

  /** Takes the claim of {@code call} back. */
  void undo(Call call) {
    if (!Switches.undoEndsTheCall) {
      putLeadBackThenDelete(call);
      return;
    }
    Call ended =
        call.toBuilder()
            .status(CallStatus.CANCELED)
            .failureReason(FailureReason.NOT_DIALED)
            .nextVersion(call.createdAt())
            .build();
    List<Bson> update = new ArrayList<>();
    Codec.callState(ended).forEach((k, v) -> update.add(Updates.set(k, v)));
    update.add(Updates.set("undone", true));
    update.add(Updates.unset("pending"));
    long matched =
        db.calls()
            .updateOne(
                Filters.and(
                    Filters.eq("_id", call.id().value()),
                    Filters.eq("version", 1L),
                    Filters.eq("pending.kind", Outbox.CLAIM)),
                Updates.combine(update))
            .getMatchedCount();
    if (matched == 1) {
      finish(call);
    }
  }

  /** Steps 2 and 3, idempotent: run by the undo and by the repair after a crash. */
  void finish(Call call) {
    shards.settleUndoneClaim(call.campaignId(), call.id(), UNDONE_VERSION, Outbox.CLAIM_DELTA);
    putLeadBack(call);
  }

  private void putLeadBack(Call call) {
    db.leads()
        .updateOne(
            Filters.and(
                Filters.eq("_id", call.leadId().value()),
                Filters.eq("state", LeadState.IN_PROGRESS.name()),
                Filters.eq("calls", call.attempt())),
            Updates.combine(
                Updates.set("state", LeadState.QUEUED.name()),
                Updates.unset("claim"),
                Updates.inc("attempts", -1)));
  }

  /**
   * The former undo, kept only for {@link Switches#undoEndsTheCall}: the lead goes back, then the
   * call is deleted. A repair that read the lead in progress before the first write and looks the
   * call up after the second finds it missing and recreates it: a ghost of a claim that no longer
   * exists, which later requeues a lead whose real call is live.
   */
  private void putLeadBackThenDelete(Call call) {
    putLeadBack(call);
    db.calls()
        .deleteOne(
            Filters.and(
                Filters.eq("_id", call.id().value()),
                Filters.eq("version", 1L),
                Filters.eq("pending.kind", Outbox.CLAIM)));
  }
}
