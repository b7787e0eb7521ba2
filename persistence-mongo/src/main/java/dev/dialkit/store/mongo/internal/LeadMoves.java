package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallbackRequest;
import dev.dialkit.campaign.spi.CallbackResult;
import dev.dialkit.campaign.spi.OutcomeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Callbacks and stops: a lead moved outside a claim, its counters moved exactly once in the manner
 * of {@link PassOver}:
 *
 * <ol>
 *   <li>one update of the lead, conditional on its state and moves as read (a claim's pick makes it
 *       {@code IN_PROGRESS}, so a picked lead never matches): the new state, due time, hold and
 *       attempts, one more {@code moves}, and a {@code move} outbox with the counter delta;
 *   <li>the delta into the counter shards under the marker {@code <lead>.move}, at version {@code
 *       moves} ({@link CounterShards#apply(CampaignId, String, long, Document)}): applied once
 *       however often it is finished;
 *   <li>the outbox cleared.
 * </ol>
 *
 * A requeue then raises the campaign document's {@code rev} if the campaign has not ended: a
 * completion that read the counters before the requeue fails its compare-and-set and reads them
 * again. If the campaign ended meanwhile, the lead is moved back the same way and the answer is
 * {@code CAMPAIGN_ENDED}. A crash after step 1 leaves the outbox, which the repair finishes.
 */
final class LeadMoves {
  static final String MOVE = "move";

  private final Collections db;
  private final CounterShards shards;

  LeadMoves(Collections db, CounterShards shards) {
    this.db = db;
    this.shards = shards;
  }

  CallbackResult callback(CallbackRequest request) {
    boolean reopened = false;
    while (true) {
      Document doc = leadDoc(request.tenant(), request.leadId());
      if (doc == null) {
        return new CallbackResult(CallbackResult.Result.NOT_FOUND, null);
      }
      Lead lead = Codec.lead(doc);
      Document campaignDoc =
          db.campaigns().find(Filters.eq("_id", lead.campaignId().value())).first();
      // status and schedule decide; the counters (the shards' query) are not needed
      Campaign campaign = Codec.campaign(campaignDoc);
      CallbackResult result = OutcomeRules.callback(lead, campaign, request);
      if (!result.scheduled()) {
        return result;
      }
      // a completed campaign runs again first: crashed right after, it is running with nothing
      // queued, and the dialer completes it again; the other order could leave a queued lead in a
      // completed campaign, which nothing dials
      if (result.result() == CallbackResult.Result.REOPENED) {
        if (!reopen(campaignDoc, campaign.reopened(request.now()))) {
          continue; // the campaign changed meanwhile: decide again
        }
        reopened = true;
      }
      if (!move(doc, lead, result.lead())) {
        continue; // the lead changed meanwhile: decide again
      }
      if (lead.state() == LeadState.QUEUED || stillOpen(lead.campaignId())) {
        return reopened && result.result() == CallbackResult.Result.REQUEUED
            ? new CallbackResult(CallbackResult.Result.REOPENED, result.lead())
            : result;
      }
      // the campaign ended between the read and the requeue: give the lead its state back and
      // decide again (a completed campaign is reopened, a canceled one refuses)
      Document moved = leadDoc(request.tenant(), request.leadId());
      move(moved, Codec.lead(moved), lead);
    }
  }

  /** Moves the completed campaign {@code doc} to {@code reopened} unless it changed; whether so. */
  private boolean reopen(Document doc, Campaign reopened) {
    return db.campaigns()
            .updateOne(
                Filters.and(
                    Filters.eq("_id", doc.getString("_id")),
                    Filters.eq("status", CampaignStatus.COMPLETED.name()),
                    Filters.eq("rev", doc.get("rev"))),
                Updates.combine(
                    Updates.set("status", reopened.status().name()),
                    Updates.unset("endedAt"),
                    Updates.set("updatedAt", Codec.date(reopened.updatedAt())),
                    Updates.inc("rev", 1L)))
            .getMatchedCount()
        == 1;
  }

  Optional<Lead> stop(TenantId tenant, LeadId id) {
    while (true) {
      Document doc = leadDoc(tenant, id);
      if (doc == null) {
        return Optional.empty();
      }
      Lead lead = Codec.lead(doc);
      Lead stopped = OutcomeRules.stop(lead);
      if (stopped == lead) {
        return Optional.of(lead);
      }
      if (move(doc, lead, stopped)) {
        return Optional.of(stopped);
      }
    }
  }

  /** Step 2 and 3 for a lead document holding a {@code move} outbox; idempotent. */
  void finish(Document lead) {
    Document pending = lead.get(MOVE, Document.class);
    if (pending == null) {
      return;
    }
    String id = lead.getString("_id");
    shards.apply(
        CampaignId.of(lead.getString("campaignId")),
        id + "." + MOVE,
        Codec.number(pending, "version"),
        pending.get("counters", Document.class));
    db.leads()
        .updateOne(
            Filters.and(
                Filters.eq("_id", id), Filters.eq(MOVE + ".version", pending.get("version"))),
            Updates.unset(MOVE));
  }

  /**
   * Moves the lead from {@code before} (as {@code doc} holds it) to {@code after}; false if raced.
   */
  private boolean move(Document doc, Lead before, Lead after) {
    finish(doc); // an earlier move's counters first, so the markers stay in order
    long version = Codec.number(doc, "moves") + 1;
    CounterDelta delta = OutcomeRules.counters(before, after);
    List<Bson> sets = new ArrayList<>();
    sets.add(Updates.set("state", after.state().name()));
    sets.add(Updates.set("nextAttemptAt", Codec.date(after.nextAttemptAt())));
    sets.add(
        after.hold() == null ? Updates.unset("hold") : Updates.set("hold", after.hold().name()));
    sets.add(Updates.set("attempts", after.attempts()));
    sets.add(Updates.set("moves", version));
    if (!delta.isEmpty()) {
      sets.add(
          Updates.set(
              MOVE, new Document("version", version).append("counters", Codec.delta(delta))));
    }
    Document moved =
        db.leads()
            .findOneAndUpdate(
                Filters.and(
                    Filters.eq("_id", doc.getString("_id")),
                    Filters.eq("state", before.state().name()),
                    Filters.eq("moves", doc.get("moves")),
                    Filters.exists(MOVE, false)),
                Updates.combine(sets),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (moved == null) {
      return false;
    }
    finish(moved);
    return true;
  }

  /** Raises the campaign's {@code rev} unless it has ended; whether it had not. */
  private boolean stillOpen(CampaignId campaign) {
    return db.campaigns()
            .updateOne(
                Filters.and(
                    Filters.eq("_id", campaign.value()),
                    Filters.nin(
                        "status",
                        CampaignStatus.COMPLETED.name(),
                        CampaignStatus.CANCELED.name(),
                        CampaignStatus.FAILED.name())),
                Updates.inc("rev", 1L))
            .getMatchedCount()
        == 1;
  }

  private Document leadDoc(TenantId tenant, LeadId id) {
    return db.leads().find(MongoStore.owned(tenant, id.value())).first();
  }
}
