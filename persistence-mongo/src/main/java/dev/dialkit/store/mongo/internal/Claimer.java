package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One claim, in this order of single-document writes:
 *
 * <ol>
 *   <li>read the campaign: running, lease held ({@code now < leaseExpiry}), and the lead inserts
 *       still open or rolled back, whose leads are not claimable ({@link InsertIntents});
 *   <li>read the ledger: a limit already reached is the answer, before any lead is touched;
 *   <li>the lead: one {@code findOneAndUpdate} (queued, due, admitted zone, not of an open insert;
 *       priority desc, sequence asc) sets it in progress, {@code attempts + 1}, {@code calls + 1}
 *       and records the claim (provider, from, time) so that the repair can recreate the call;
 *   <li>the call, inserted {@code INITIATED} with an outbox holding the claim's counters;
 *   <li>the slot: one conditional update of the ledger under all three limits; if it fails (another
 *       claim took the last slot since step 2) the claim is undone ({@link ClaimUndo});
 *   <li>the outbox: the counters, then the outbox cleared.
 * </ol>
 */
final class Claimer {
  private final Collections db;
  private final Ledger ledger;
  private final Outbox outbox;
  private final ClaimUndo undo;

  Claimer(Collections db, Ledger ledger, Outbox outbox, ClaimUndo undo) {
    this.db = db;
    this.ledger = ledger;
    this.outbox = outbox;
    this.undo = undo;
  }

  ClaimResult claim(ClaimRequest request) {
    Document campaign =
        db.campaigns()
            .find(MongoStore.owned(request.tenant(), request.campaignId()))
            .projection(
                Projections.include(
                    "status",
                    "leaseOwner",
                    "leaseExpiry",
                    InsertIntents.OPEN,
                    InsertIntents.VOIDED))
            .first();
    if (campaign == null || !CampaignStatus.RUNNING.name().equals(campaign.getString("status"))) {
      return ClaimResult.denied(Reason.NOT_RUNNING);
    }
    Date expiry = campaign.getDate("leaseExpiry");
    if (!request.owner().equals(campaign.getString("leaseOwner"))
        || expiry == null
        || !request.now().isBefore(expiry.toInstant())) {
      return ClaimResult.denied(Reason.NOT_LEASE_OWNER);
    }
    Reason full = ledger.fullUnder(request.tenant(), request.campaignId(), request.limits());
    if (full != null) {
      return ClaimResult.denied(full);
    }
    if (request.zones() != null && request.zones().isEmpty()) {
      return ClaimResult.denied(Reason.NO_DUE_LEAD);
    }
    Document leadDoc = claimLead(request, InsertIntents.unclaimable(campaign));
    if (leadDoc == null) {
      return ClaimResult.denied(Reason.NO_DUE_LEAD);
    }
    Lead lead = Codec.lead(leadDoc);
    int attempt = (int) Codec.number(leadDoc, "calls");
    Call call = insertCall(lead, attempt, request.provider(), request.from(), request.now());
    if (call == null) {
      // this claim stalled so long that its call was recreated and settled by others
      return ClaimResult.denied(Reason.NO_DUE_LEAD);
    }
    Seams.at(Seams.Point.BEFORE_SLOT);
    Reason denied =
        ledger.hold(call.id(), request.tenant(), request.campaignId(), request.limits());
    if (denied != null) {
      undo.undo(call);
      return ClaimResult.denied(denied);
    }
    Document doc = Codec.call(call).append("pending", Outbox.claim(Outbox.CLAIM_DELTA));
    outbox.finish(Outbox.Work.of(doc));
    return new ClaimResult.Claimed(lead, call);
  }

  private Document claimLead(ClaimRequest request, List<String> unclaimableInserts) {
    List<Bson> filter = new ArrayList<>();
    filter.add(Filters.eq("campaignId", request.campaignId().value()));
    filter.add(Filters.eq("state", LeadState.QUEUED.name()));
    filter.add(Filters.lte("nextAttemptAt", Codec.date(request.now())));
    filter.add(Filters.eq("tenant", request.tenant().value()));
    if (!unclaimableInserts.isEmpty()) {
      filter.add(Filters.nin(InsertIntents.LEAD_FIELD, unclaimableInserts));
    }
    if (request.zones() != null) {
      filter.add(Filters.in("timeZone", request.zones().stream().map(ZoneId::getId).toList()));
    }
    return db.leads()
        .findOneAndUpdate(
            Filters.and(filter),
            Updates.combine(
                Updates.set("state", LeadState.IN_PROGRESS.name()),
                Updates.set(
                    "claim",
                    new Document("provider", request.provider())
                        .append("from", request.from().e164())
                        .append("at", Codec.date(request.now()))),
                Updates.inc("attempts", 1),
                Updates.inc("calls", 1)),
            new FindOneAndUpdateOptions()
                .sort(Sorts.orderBy(Sorts.descending("priority"), Sorts.ascending("sequence")))
                .returnDocument(ReturnDocument.AFTER));
  }

  /**
   * Inserts the call of {@code attempt}. If that id is taken, the repair recreated this very
   * claim's call (it found the lead in progress without one): unchanged, that is the call; changed,
   * others settled it while this claim stalled, and this claim gives up (null). No other call can
   * have the id: the lead's call number was raised by this claim alone, and calls are never
   * deleted.
   */
  private Call insertCall(
      Lead lead, int attempt, String provider, dev.dialkit.campaign.PhoneNumber from, Instant now) {
    Call call = Call.initiated(lead, attempt, provider, from, now);
    try {
      db.calls().insertOne(Codec.call(call).append("pending", Outbox.claim(Outbox.CLAIM_DELTA)));
      return call;
    } catch (MongoException e) {
      if (!Errors.isDuplicateKey(e)) {
        throw e;
      }
    }
    Document existing = db.calls().find(Filters.eq("_id", call.id().value())).first();
    boolean recreated =
        existing != null && Codec.call(existing).equals(call) && existing.get("pending") != null;
    return recreated ? call : null;
  }
}
