package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.campaign.spi.StoreArguments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Inserts leads: duplicates by phone found first (against the campaign and within the input), then
 * the reservation ({@link InsertIntents}: status not final, sequence block, counts, insert open, in
 * one update), the leads in unordered chunks, and the close that takes back the counts of leads the
 * insert found to be duplicates and makes the rest claimable. The unique index on (campaign, phone)
 * settles a race with a concurrent insert of the same number: the loser reports it as a duplicate.
 */
final class LeadInserter {
  /** Leads per insert command; the insert shows a sign of life to the repair after each. */
  static final int CHUNK = 500;

  private final Collections db;
  private final InsertIntents intents;

  LeadInserter(Collections db, InsertIntents intents) {
    this.db = db;
    this.intents = intents;
  }

  LeadInsertResult insert(TenantId tenant, CampaignId campaignId, List<Lead> input) {
    refuseIfFinished(tenant, campaignId);
    TreeMap<Integer, PhoneNumber> duplicates = new TreeMap<>();
    List<Integer> acceptedIndex = new ArrayList<>();
    List<Lead> accepted = acceptable(campaignId, input, duplicates, acceptedIndex);
    if (accepted.isEmpty()) {
      return new LeadInsertResult(List.of(), List.copyOf(duplicates.values()));
    }
    boolean fenced = Switches.fencedLeadInserts;
    String token = new ObjectId().toHexString();
    long last =
        fenced
            ? reserve(tenant, campaignId, token, accepted.size())
            : reserveSequences(campaignId, accepted.size());
    long seq = last - accepted.size();
    List<Lead> stored = new ArrayList<>(accepted.size());
    List<Document> docs = new ArrayList<>(accepted.size());
    for (Lead lead : accepted) {
      Lead withSeq = lead.withSequence(++seq);
      stored.add(withSeq);
      Document doc = Codec.lead(withSeq);
      docs.add(fenced ? doc.append(InsertIntents.LEAD_FIELD, token) : doc);
    }
    Set<Integer> failed = new HashSet<>();
    for (int from = 0; from < docs.size(); from += CHUNK) {
      if (from > 0 && fenced && !intents.alive(campaignId, token)) {
        throw rolledBack(campaignId, token);
      }
      insertChunk(campaignId, stored, docs, from, failed, fenced ? token : null);
    }
    for (int index : failed) {
      duplicates.put(acceptedIndex.get(index), stored.get(index).phone());
    }
    List<Lead> inserted = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      if (!failed.contains(i)) {
        inserted.add(stored.get(i));
      }
    }
    Seams.at(Seams.Point.LEADS_STORED);
    if (!fenced) {
      countAfterwards(campaignId, inserted.size());
    } else if (!intents.close(campaignId, token, failed.size())) {
      throw rolledBack(campaignId, token);
    }
    return new LeadInsertResult(inserted, List.copyOf(duplicates.values()));
  }

  private void refuseIfFinished(TenantId tenant, CampaignId campaignId) {
    Document campaign = db.campaigns().find(MongoStore.owned(tenant, campaignId)).first();
    if (campaign == null) {
      throw new StoreException(
          "campaign " + campaignId + " does not exist for tenant " + tenant, false);
    }
    StoreArguments.acceptsLeads(Codec.campaign(campaign));
  }

  /** The leads to store; the input's duplicates (by number, or stored meanwhile) are noted. */
  private List<Lead> acceptable(
      CampaignId campaignId,
      List<Lead> input,
      TreeMap<Integer, PhoneNumber> duplicates,
      List<Integer> acceptedIndex) {
    List<String> phones = input.stream().map(l -> l.phone().e164()).distinct().toList();
    Set<String> known = new HashSet<>();
    if (!phones.isEmpty()) {
      db.leads()
          .find(
              Filters.and(
                  Filters.eq("campaignId", campaignId.value()), Filters.in("phone", phones)))
          .projection(Projections.include("phone"))
          .forEach(d -> known.add(d.getString("phone")));
    }
    List<Lead> accepted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<LeadId> ids = new HashSet<>();
    for (int i = 0; i < input.size(); i++) {
      Lead lead = input.get(i);
      String phone = lead.phone().e164();
      if (known.contains(phone) || !seen.add(phone)) {
        duplicates.put(i, lead.phone());
      } else if (!ids.add(lead.id())) {
        throw new StoreException("lead " + lead.id() + " is repeated in the input", false);
      } else {
        accepted.add(lead);
        acceptedIndex.add(i);
      }
    }
    if (accepted.isEmpty()) {
      return accepted;
    }
    List<String> idValues = accepted.stream().map(l -> l.id().value()).toList();
    Set<String> storedMeanwhile = new HashSet<>();
    for (Document existing : db.leads().find(Filters.in("_id", idValues))) {
      String id = existing.getString("_id");
      Lead mine = accepted.get(idValues.indexOf(id));
      boolean sameLead =
          existing.getString("campaignId").equals(campaignId.value())
              && existing.getString("phone").equals(mine.phone().e164());
      if (!sameLead) {
        throw new StoreException("lead " + id + " already exists", false);
      }
      // the same lead, stored by a concurrent insert since the numbers were read
      storedMeanwhile.add(id);
    }
    for (int i = accepted.size() - 1; i >= 0; i--) {
      if (storedMeanwhile.contains(accepted.get(i).id().value())) {
        duplicates.put(acceptedIndex.get(i), accepted.get(i).phone());
        accepted.remove(i);
        acceptedIndex.remove(i);
      }
    }
    return accepted;
  }

  /** {@link InsertIntents#reserve}, or why not: the campaign is gone or has finished. */
  private long reserve(TenantId tenant, CampaignId campaignId, String token, int count) {
    while (true) {
      Long last = intents.reserve(tenant, campaignId, token, count);
      if (last != null) {
        return last;
      }
      // finished (or deleted) since the first read: say so; if it moved on again, try again
      refuseIfFinished(tenant, campaignId);
    }
  }

  /**
   * Stores {@code docs[from, from + CHUNK)}; the indexes of those whose number turned out to be
   * taken (a concurrent insert) go to {@code failed}. A lead id taken meanwhile fails the whole
   * insert, after deleting what it stored.
   */
  private void insertChunk(
      CampaignId campaignId,
      List<Lead> stored,
      List<Document> docs,
      int from,
      Set<Integer> failed,
      String token) {
    int to = Math.min(docs.size(), from + CHUNK);
    try {
      db.leads().insertMany(docs.subList(from, to), new InsertManyOptions().ordered(false));
      return;
    } catch (MongoBulkWriteException e) {
      // none of these was stored: never delete one of them, it may be another insert's
      e.getWriteErrors().forEach(error -> failed.add(from + error.getIndex()));
      for (BulkWriteError error : e.getWriteErrors()) {
        int index = from + error.getIndex();
        Lead lead = stored.get(index);
        boolean numberTaken =
            error.getCode() == Errors.DUPLICATE_KEY
                && db.leads()
                        .countDocuments(
                            Filters.and(
                                Filters.eq("campaignId", campaignId.value()),
                                Filters.eq("phone", lead.phone().e164())))
                    > 0;
        if (!numberTaken) {
          undo(campaignId, stored.subList(0, to), failed, token, stored.size());
          if (error.getCode() != Errors.DUPLICATE_KEY) {
            throw e;
          }
          // the id, not the number, was taken meanwhile: the whole insert fails
          throw new StoreException("lead " + lead.id() + " already exists", false, e);
        }
      }
    }
  }

  /** Takes a failed insert back: its leads first, then its counts (never claimable between). */
  private void undo(
      CampaignId campaignId, List<Lead> attempted, Set<Integer> failed, String token, int count) {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < attempted.size(); i++) {
      if (!failed.contains(i)) {
        mine.add(attempted.get(i).id().value());
      }
    }
    if (token == null) {
      db.leads().deleteMany(Filters.in("_id", mine));
      return;
    }
    db.leads()
        .deleteMany(
            Filters.and(Filters.in("_id", mine), Filters.eq(InsertIntents.LEAD_FIELD, token)));
    intents.close(campaignId, token, count);
  }

  private StoreException rolledBack(CampaignId campaignId, String token) {
    intents.deleteQueued(campaignId.value(), token);
    return new StoreException(
        "the insert into campaign "
            + campaignId
            + " stalled so long that the repair rolled it back; nothing is stored, try again",
        true);
  }

  /** The former order, kept only for {@link Switches#fencedLeadInserts}: sequences only. */
  private long reserveSequences(CampaignId campaignId, int count) {
    return Codec.number(
        db.campaigns()
            .findOneAndUpdate(
                Filters.eq("_id", campaignId.value()),
                Updates.inc("leadSeq", (long) count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
        "leadSeq");
  }

  /**
   * The former order, kept only for {@link Switches#fencedLeadInserts}: the leads counted after
   * they are stored, so that a completion between the two finds the campaign done and strands them.
   */
  private void countAfterwards(CampaignId campaignId, int inserted) {
    if (inserted > 0) {
      db.campaigns()
          .updateOne(
              Filters.eq("_id", campaignId.value()),
              Updates.combine(
                  Updates.inc("counters." + Counter.LEADS_TOTAL.name(), (long) inserted),
                  Updates.inc("counters." + Counter.LEADS_QUEUED.name(), (long) inserted)));
    }
  }
}
