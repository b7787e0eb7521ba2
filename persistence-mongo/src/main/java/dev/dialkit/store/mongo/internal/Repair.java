package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
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
 * with claims and transitions in flight:
 *
 * <ol>
 *   <li>a lead in progress whose call was never inserted (crash after the claim's lead write): the
 *       call is inserted as the claim would have (same id, same values, insert-if-absent), so the
 *       lead and its call agree again and the dialer's reconciliation settles the call;
 *   <li>an unfinished outbox (crash after a call's own write): applied and cleared. A claim's
 *       outbox only once the call holds its slot, since until then the claim may still be undone;
 *   <li>slots held by a call that is terminal or does not exist: released, counts with holders;
 *   <li>counter markers left on a campaign after their outbox was cleared: removed.
 * </ol>
 */
final class Repair {
  private final Collections db;
  private final Ledger ledger;
  private final Outbox outbox;

  Repair(Collections db, Ledger ledger, Outbox outbox) {
    this.db = db;
    this.ledger = ledger;
    this.outbox = outbox;
  }

  /** Runs every repair; returns the number of slots released. */
  int run() {
    recreateMissingCalls();
    int released = finishOutboxes();
    released += releaseOrphanSlots();
    dropStaleMarkers();
    return released;
  }

  private void recreateMissingCalls() {
    for (Document doc :
        db.leads()
            .find(
                Filters.and(
                    Filters.eq("state", LeadState.IN_PROGRESS.name()),
                    Filters.exists("claim", true)))) {
      Lead lead = Codec.lead(doc);
      int attempt = (int) Codec.number(doc, "calls");
      CallId id = CallId.forAttempt(lead.id(), attempt);
      if (db.calls().countDocuments(Filters.eq("_id", id.value())) > 0) {
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
      if ((status == null || MongoStore.isTerminal(status)) && ledger.release(holder)) {
        released++;
      }
    }
    return released;
  }

  private void dropStaleMarkers() {
    for (Document campaign : db.campaigns().find().projection(Projections.include("applied"))) {
      Document applied = campaign.get("applied", Document.class);
      if (applied == null || applied.isEmpty()) {
        continue;
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
}
