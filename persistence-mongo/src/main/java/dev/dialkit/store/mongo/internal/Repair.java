package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What a crash between two writes can leave, and how it is finished or undone. Every step is a
 * conditional or idempotent write, so the repair is safe at any time, on any instance, concurrently
 * with claims, transitions, permits and inserts in flight:
 *
 * <ol>
 *   <li>leads skipped as suppressed whose counters were not yet applied ({@link PassOver}), leads
 *       called back or stopped likewise ({@link LeadMoves}), and picks that stayed checking their
 *       number past {@value LeadPick#STALE_AFTER} passes (the claimer died): put back in the queue
 *       ({@link LeadPick});
 *   <li>a lead in progress whose call was never inserted (crash after the claim's lead write): the
 *       call is inserted as the claim would have (same id, same values, insert-if-absent), so the
 *       lead and its call agree again and the dialer's reconciliation settles the call. A claim
 *       being undone never looks like this: the undo ends its call, it never deletes it ({@link
 *       ClaimUndo}); a lead in progress whose call was undone gets the rest of the undo;
 *   <li>an unfinished outbox (crash after a call's own write): applied and cleared. A claim's
 *       outbox only once the call holds its slot, since until then the claim may still be undone;
 *   <li>slots held by a call that is terminal or does not exist: released, counts with holders;
 *   <li>per campaign: lead inserts left open ({@link InsertIntents#repair}: aged, then rolled
 *       back), and counter markers of the former scheme left after their outbox was cleared.
 * </ol>
 */
final class Repair {
  private final Collections db;
  private final Ledger ledger;
  private final Outbox outbox;
  private final ClaimUndo undo;
  private final InsertIntents intents;
  private final PassOver passOver;
  private final LeadMoves moves;
  private final LeadPick picks;

  Repair(
      Collections db,
      Ledger ledger,
      Outbox outbox,
      ClaimUndo undo,
      InsertIntents intents,
      PassOver passOver,
      LeadMoves moves) {
    this.db = db;
    this.moves = moves;
    this.ledger = ledger;
    this.outbox = outbox;
    this.undo = undo;
    this.intents = intents;
    this.passOver = passOver;
    this.picks = new LeadPick(db);
  }

  /** Runs every repair; returns the number of slots released. */
  int run() {
    finishPassOvers();
    finishMoves();
    ageChecks();
    settleClaims();
    int released = finishOutboxes();
    released += releaseOrphanSlots();
    repairCampaigns();
    return released;
  }

  /** Callbacks and stops whose counters a crash left unapplied ({@link LeadMoves}). */
  private void finishMoves() {
    for (Document doc : db.leads().find(Filters.exists(LeadMoves.MOVE + ".version", true))) {
      moves.finish(doc);
    }
  }

  /** Skips whose counters a crash left unapplied ({@link PassOver}). */
  private void finishPassOvers() {
    for (Document doc : db.leads().find(Filters.exists("passOver.kind", true))) {
      passOver.finish(doc);
    }
  }

  /** Picks still checking their number: aged, and put back once stale ({@link LeadPick}). */
  private void ageChecks() {
    for (Document doc :
        db.leads()
            .find(
                Filters.and(
                    Filters.eq("state", LeadState.IN_PROGRESS.name()),
                    Filters.eq("claim.checking", true)))) {
      picks.putBackIfStale(doc);
    }
  }

  private void settleClaims() {
    for (Document doc :
        db.leads()
            .find(
                Filters.and(
                    Filters.eq("state", LeadState.IN_PROGRESS.name()),
                    Filters.exists("claim", true),
                    // a pick still checking its number has no call yet and may never get one
                    Filters.ne("claim.checking", true)))) {
      Seams.at(Seams.Point.REPAIR_READ_LEAD);
      Lead lead = Codec.lead(doc);
      int attempt = (int) Codec.number(doc, "calls");
      CallId id = CallId.forAttempt(lead.id(), attempt);
      Document existing = db.calls().find(Filters.eq("_id", id.value())).first();
      if (existing != null) {
        if (existing.getBoolean("undone", false)) {
          undo.finish(Codec.call(existing));
        }
        continue;
      }
      Document claim = doc.get("claim", Document.class);
      Call call =
          Call.initiated(
              lead,
              attempt,
              claim.getString("provider"),
              PhoneNumber.of(claim.getString("from")),
              claim.getDate("at").toInstant());
      try {
        db.calls().insertOne(Codec.call(call).append("pending", Outbox.claim(Outbox.CLAIM_DELTA)));
      } catch (MongoException e) {
        if (!Errors.isDuplicateKey(e)) {
          throw e;
        }
      }
    }
  }

  private int finishOutboxes() {
    int released = 0;
    for (Document doc : db.calls().find(Filters.exists("pending.kind", true))) {
      Outbox.Work work = Outbox.Work.of(doc);
      if (Outbox.CLAIM.equals(work.pending().getString("kind")) && !ledger.isHeld(work.call())) {
        continue;
      }
      if (outbox.finish(work)) {
        released++;
      }
    }
    return released;
  }

  private int releaseOrphanSlots() {
    Map<CallId, Ledger.Holder> holders = ledger.holders();
    if (holders.isEmpty()) {
      return 0;
    }
    Map<String, String> statusById = new HashMap<>();
    List<String> ids = holders.keySet().stream().map(CallId::value).toList();
    db.calls()
        .find(Filters.in("_id", ids))
        .projection(Projections.include("status"))
        .forEach(d -> statusById.put(d.getString("_id"), d.getString("status")));
    int released = 0;
    for (Ledger.Holder holder : holders.values()) {
      String status = statusById.get(holder.call().value());
      if ((status == null || CallStatus.valueOf(status).isTerminal()) && ledger.release(holder)) {
        released++;
      }
    }
    return released;
  }

  private void repairCampaigns() {
    for (Document campaign :
        db.campaigns().find().projection(Projections.include("applied", InsertIntents.OPEN))) {
      intents.repair(campaign);
      dropStaleMarkers(campaign);
    }
  }

  /** Markers of the former counter scheme ({@link Switches#exactlyOnceCounters} off). */
  private void dropStaleMarkers(Document campaign) {
    Document applied = campaign.get("applied", Document.class);
    if (applied == null || applied.isEmpty()) {
      return;
    }
    for (String marker : applied.keySet()) {
      int at = marker.lastIndexOf('@');
      String callId = Codec.idOf(marker.substring(0, at));
      long version = Long.parseLong(marker.substring(at + 1));
      boolean open =
          db.calls()
                  .countDocuments(
                      Filters.and(
                          Filters.eq("_id", callId), Filters.eq("pending.version", version)))
              > 0;
      if (!open) {
        db.campaigns()
            .updateOne(
                Filters.eq("_id", campaign.getString("_id")), Updates.unset("applied." + marker));
      }
    }
  }
}
