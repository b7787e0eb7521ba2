package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Campaign documents: creation, reads (the document's counters plus its {@link CounterShards}), and
 * the two status writes, each one compare-and-set on the campaign document. {@code rev} grows with
 * every status change, so a compare-and-set on it is immune to A-B-A.
 */
final class CampaignDocuments {
  private final Collections db;
  private final CounterShards shards;
  private final Sequences sequences;

  CampaignDocuments(Collections db, CounterShards shards, Sequences sequences) {
    this.db = db;
    this.shards = shards;
    this.sequences = sequences;
  }

  void create(Campaign campaign) {
    long seq = sequences.reserve("campaigns", 1);
    try {
      db.campaigns().insertOne(Codec.campaign(campaign, seq));
    } catch (MongoException e) {
      if (Errors.isDuplicateKey(e)) {
        throw new StoreException("campaign " + campaign.id() + " already exists", false, e);
      }
      throw e;
    }
  }

  Optional<Campaign> find(TenantId tenant, CampaignId id) {
    Document doc = db.campaigns().find(MongoStore.owned(tenant, id)).first();
    return Optional.ofNullable(doc).map(shards::withShards);
  }

  /** The campaigns {@code filter} selects, oldest first. */
  List<Campaign> list(Bson filter) {
    List<Document> docs =
        db.campaigns()
            .find(filter)
            .sort(Sorts.ascending("createdAt", "seq"))
            .into(new ArrayList<>());
    return shards.totals(docs);
  }

  Optional<Campaign> transition(
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      Instant at) {
    while (true) {
      Document doc = db.campaigns().find(MongoStore.owned(tenant, id)).first();
      if (doc == null || !expected.contains(CampaignStatus.valueOf(doc.getString("status")))) {
        return Optional.empty();
      }
      Optional<Campaign> moved =
          move(doc, Filters.eq("rev", doc.get("rev")), Codec.campaign(doc).withStatus(next, at));
      if (moved.isPresent()) {
        return moved;
      }
    }
  }

  /**
   * Completes the campaign if its counters say it is done, with a compare-and-set on the status
   * revision and on {@code leadSeq} as read: every lead insert raises {@code leadSeq} in the same
   * update that counts its leads ({@link InsertIntents#reserve}), so an insert that got in after
   * the read fails the write, and one after the write finds the campaign finished.
   *
   * <p>The counters are read from several documents one after the other, yet the check is sound:
   * the sum of {@code LEADS_QUEUED} and {@code LEADS_IN_PROGRESS} of a shard never grows (a claim
   * or a requeue moves a lead between the two, only a lead's end takes it out), and the campaign
   * document's grows only with {@code leadSeq}. So a sum read as 0 is still 0 at the write, and no
   * lead is queued or in progress then: each counts in that sum from before its document is stored
   * until after it reaches a final state.
   */
  Optional<Campaign> completeIfDone(TenantId tenant, CampaignId id, Instant at) {
    while (true) {
      Document doc = db.campaigns().find(MongoStore.owned(tenant, id)).first();
      if (doc == null) {
        return Optional.empty();
      }
      Campaign campaign = shards.withShards(doc);
      if (!campaign.isDone()) {
        return Optional.empty();
      }
      Seams.at(Seams.Point.COMPLETION_READ);
      Bson unchanged =
          Switches.fencedLeadInserts
              ? Filters.and(
                  Filters.eq("rev", doc.get("rev")), Filters.eq("leadSeq", doc.get("leadSeq")))
              : Filters.eq("rev", doc.get("rev"));
      Optional<Campaign> done =
          move(doc, unchanged, campaign.withStatus(CampaignStatus.COMPLETED, at));
      if (done.isPresent()) {
        return done;
      }
      // changed meanwhile: look again
    }
  }

  /** Writes {@code moved}'s status and times if {@code doc} still matches {@code unchanged}. */
  private Optional<Campaign> move(Document doc, Bson unchanged, Campaign moved) {
    Document updated =
        db.campaigns()
            .findOneAndUpdate(
                Filters.and(Filters.eq("_id", doc.getString("_id")), unchanged),
                Updates.combine(
                    Updates.set("status", moved.status().name()),
                    Updates.set("startedAt", Codec.date(moved.startedAt())),
                    Updates.set("endedAt", Codec.date(moved.endedAt())),
                    Updates.set("updatedAt", Codec.date(moved.updatedAt())),
                    Updates.inc("rev", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return Optional.ofNullable(updated).map(shards::withShards);
  }
}
