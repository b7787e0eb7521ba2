package dev.dialkit.store.mongo.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch claim: the single claim's steps ({@link Claimer}) for up to as many leads as there are
 * free slots, with the slots of all of them taken in <b>one</b> update of the ledger ({@link
 * SlotBatch}) and their counters in one bulk write:
 *
 * <ol>
 *   <li>read the campaign once (running, lease held): a denial here touches no lead;
 *   <li>read the three slot counts: the room under all three limits; none left is the answer,
 *       before any lead is touched;
 *   <li>stage up to {@code min(room, wanted)} leads, each exactly as a single claim's steps 3 to 6
 *       (pick, do-not-call list, caps, confirm, call inserted with its claim outbox), the i-th
 *       claimed calling from {@code from.get(i)}; a lead passed over is listed once;
 *   <li>take their slots in one ledger update; if other claims took slots meanwhile, the first ones
 *       get what is left and the others are undone ({@link ClaimUndo}), exactly as a single claim
 *       that lost the last slot;
 *   <li>finish their claim outboxes (counters in one bulk write, outboxes cleared in one update);
 *   <li>if the batch still wants leads and the counts read back from step 4 leave room (slots freed
 *       meanwhile), go on at step 3; otherwise say why it stopped: the first limit with no room
 *       left, else {@code NO_DUE_LEAD} if the queue ran out, else nothing.
 * </ol>
 *
 * <p>Every write keeps its single-claim meaning, so the repair and the fencing treat a batch's
 * calls as they treat single claims' (a call without a slot is never permitted; its claim outbox is
 * finished only once the call holds a slot).
 */
final class BatchClaimer {
  private final Claimer claimer;
  private final SlotBatch slots;
  private final ClaimUndo undo;
  private final Outbox outbox;

  BatchClaimer(Claimer claimer, SlotBatch slots, ClaimUndo undo, Outbox outbox) {
    this.claimer = claimer;
    this.slots = slots;
    this.undo = undo;
    this.outbox = outbox;
  }

  BatchClaimResult claim(BatchClaimRequest batch) {
    ClaimRequest request = batch.request();
    Claimer.Gate gate = claimer.gate(request);
    if (gate.denied() != null) {
      return new BatchClaimResult(List.of(), List.of(), gate.denied());
    }
    List<ClaimResult.Claimed> claimed = new ArrayList<>();
    List<Lead> passedOver = new ArrayList<>();
    SlotBatch.Room room = slots.room(request.tenant(), request.campaignId(), request.limits());
    while (claimed.size() < batch.max()) {
      if (room.free() == 0) {
        return new BatchClaimResult(claimed, passedOver, room.binding());
      }
      if (request.zones() != null && request.zones().isEmpty()) {
        return new BatchClaimResult(claimed, passedOver, Reason.NO_DUE_LEAD);
      }
      int wanted = Math.min(room.free(), batch.max() - claimed.size());
      List<Claimer.Staged> staged = new ArrayList<>(wanted);
      boolean ranOut = false;
      while (staged.size() < wanted) {
        ClaimRequest next = batch.claim(claimed.size() + staged.size());
        Claimer.Staged one = claimer.stage(next, gate.unclaimable(), passedOver);
        if (one == null) {
          ranOut = true;
          break;
        }
        staged.add(one);
      }
      if (staged.isEmpty()) {
        return new BatchClaimResult(claimed, passedOver, Reason.NO_DUE_LEAD);
      }
      SlotBatch.Held held = hold(request, staged);
      for (Claimer.Staged s : staged.subList(0, held.held())) {
        claimed.add(new ClaimResult.Claimed(s.lead(), s.call()));
      }
      room = held.room();
      if (held.held() < staged.size()) {
        continue; // other claims took slots meanwhile: the room read back decides what follows
      }
      if (ranOut) {
        return new BatchClaimResult(claimed, passedOver, Reason.NO_DUE_LEAD);
      }
    }
    return new BatchClaimResult(claimed, passedOver, null);
  }

  /**
   * Steps 4 and 5 for the staged leads: the first {@code held()} hold their slots and are counted,
   * the others are undone.
   */
  private SlotBatch.Held hold(ClaimRequest request, List<Claimer.Staged> staged) {
    List<CallId> ids = staged.stream().map(s -> s.call().id()).toList();
    Seams.at(Seams.Point.BEFORE_SLOT);
    SlotBatch.Held held = slots.hold(ids, request.tenant(), request.campaignId(), request.limits());
    for (Claimer.Staged lost : staged.subList(held.held(), staged.size())) {
      undo.undo(lost.call());
    }
    List<Call> holding = staged.subList(0, held.held()).stream().map(Claimer.Staged::call).toList();
    outbox.finishClaims(request.campaignId(), holding);
    return held;
  }
}
