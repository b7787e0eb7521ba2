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
 *   <li>read the campaign: running, lease held ({@code now < leaseExpiry});
 *   <li>read the ledger: a limit already reached is the answer, before any lead is touched;
 *   <li>the lead: one {@code findOneAndUpdate} (queued, due, admitted zone; priority desc, sequence
 *       asc) sets it in progress, {@code attempts + 1}, {@code calls + 1} and records the claim
 *       (provider, from, time) so that the repair can recreate the call;
 *   <li>the call, inserted {@code INITIATED} with an outbox holding the claim's counters;
 *   <li>the slot: one conditional update of the ledger under all three limits; if it fails (another
 *       claim took the last slot since step 2) the call is deleted and the lead put back as it was;
 *   <li>the outbox: the counters, then the outbox cleared.
 * </ol>
 */
final class Claimer {
  private final Collections db;
  private final Ledger ledger;
  private final Outbox outbox;

  Claimer(Collections db, Ledger ledger, Outbox outbox) {
    this.db = db;
    this.ledger = ledger;
    this.outbox = outbox;
  }

  ClaimResult claim(ClaimRequest request) {
    Document campaign =
        db.campaigns()
            .find(MongoStore.owned(request.tenant(), request.campaignId()))
            .projection(Projections.include("status", "leaseOwner", "leaseExpiry"))
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
    Document leadDoc = claimLead(request);
    if (leadDoc == null) {
      return ClaimResult.denied(Reason.NO_DUE_LEAD);
    }
    Lead lead = Codec.lead(leadDoc);
    int attempt = (int) Codec.number(leadDoc, "calls");
    Call call = insertCall(lead, attempt, request.provider(), request.from(), request.now());
    attempt = call.attempt();
    Reason denied =
        ledger.hold(call.id(), request.tenant(), request.campaignId(), request.limits());
    if (denied != null) {
      undo(call, attempt);
      return ClaimResult.denied(denied);
    }
    Document doc = Codec.call(call).append("pending", Outbox.claim(Outbox.CLAIM_DELTA));
    outbox.finish(Outbox.Work.of(doc));
    return new ClaimResult.Claimed(lead, call);
  }

  private Document claimLead(ClaimRequest request) {
    List<Bson> filter = new ArrayList<>();
    filter.add(Filters.eq("campaignId", request.campaignId().value()));
    filter.add(Filters.eq("state", LeadState.QUEUED.name()));
    filter.add(Filters.lte("nextAttemptAt", Codec.date(request.now())));
    filter.add(Filters.eq("tenant", request.tenant().value()));
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
   * Inserts the call of {@code attempt}. If that id is taken by a call the repair recreated for
   * this very claim, that is the call; if it is taken by another, the next attempt number is used
   * (a call id is never reused).
   */
  private Call insertCall(
      Lead lead, int attempt, String provider, dev.dialkit.campaign.PhoneNumber from, Instant now) {
    while (true) {
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
      if (existing != null
          && Codec.call(existing).equals(call)
          && existing.get("pending") != null) {
        return call;
      }
      db.leads()
          .updateOne(
              Filters.and(Filters.eq("_id", lead.id().value()), Filters.eq("calls", attempt)),
              Updates.inc("calls", 1));
      attempt++;
    }
  }

  /**
   * Takes back a claim that got no slot: the lead goes back as it was (first, so that the repair
   * never recreates the call of a claim being undone), then the call is deleted. The lead's call
   * number is not given back: a call id is never reused, even one that was never dialed.
   */
  private void undo(Call call, int attempt) {
    db.leads()
        .updateOne(
            Filters.and(
                Filters.eq("_id", call.leadId().value()),
                Filters.eq("state", LeadState.IN_PROGRESS.name()),
                Filters.eq("calls", attempt)),
            Updates.combine(
                Updates.set("state", LeadState.QUEUED.name()),
                Updates.unset("claim"),
                Updates.inc("attempts", -1)));
    db.calls()
        .deleteOne(
            Filters.and(
                Filters.eq("_id", call.id().value()),
                Filters.eq("version", 1L),
                Filters.eq("pending.kind", Outbox.CLAIM)));
  }
}
