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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Inserts leads: duplicates by phone found first (against the campaign and within the input), a
 * block of sequences reserved on the campaign document ({@code $inc leadSeq}), one unordered
 * insert, then the counters. The unique index on (campaign, phone) settles a race with a concurrent
 * insert of the same number: the loser reports it as a duplicate.
 */
final class LeadInserter {
  private final Collections db;
  private final Sequences sequences;

  LeadInserter(Collections db, Sequences sequences) {
    this.db = db;
    this.sequences = sequences;
  }

  LeadInsertResult insert(TenantId tenant, CampaignId campaignId, List<Lead> input) {
    if (db.campaigns().countDocuments(MongoStore.owned(tenant, campaignId)) == 0) {
      throw new StoreException(
          "campaign " + campaignId + " does not exist for tenant " + tenant, false);
    }
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
    // input index -> duplicate number, so that the duplicates come out in input order
    TreeMap<Integer, PhoneNumber> duplicates = new TreeMap<>();
    List<Lead> accepted = new ArrayList<>();
    List<Integer> acceptedIndex = new ArrayList<>();
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
    if (!accepted.isEmpty()) {
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
    }
    if (accepted.isEmpty()) {
      return new LeadInsertResult(List.of(), List.copyOf(duplicates.values()));
    }
    long last =
        Codec.number(
            db.campaigns()
                .findOneAndUpdate(
                    Filters.eq("_id", campaignId.value()),
                    Updates.inc("leadSeq", (long) accepted.size()),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
            "leadSeq");
    long seq = last - accepted.size();
    List<Lead> stored = new ArrayList<>(accepted.size());
    List<Document> docs = new ArrayList<>(accepted.size());
    for (Lead lead : accepted) {
      Lead withSeq = lead.withSequence(++seq);
      stored.add(withSeq);
      docs.add(Codec.lead(withSeq));
    }
    Set<Integer> failed = new HashSet<>();
    try {
      db.leads().insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != Errors.DUPLICATE_KEY) {
          undo(stored, failed);
          throw e;
        }
        failed.add(error.getIndex());
      }
      for (int index : failed) {
        Lead lead = stored.get(index);
        Document holder =
            db.leads()
                .find(
                    Filters.and(
                        Filters.eq("campaignId", campaignId.value()),
                        Filters.eq("phone", lead.phone().e164())))
                .first();
        if (holder == null) {
          // the id, not the number, was taken meanwhile: the whole insert fails
          undo(stored, failed);
          throw new StoreException("lead " + lead.id() + " already exists", false, e);
        }
        duplicates.put(acceptedIndex.get(index), lead.phone());
      }
    }
    List<Lead> inserted = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      if (!failed.contains(i)) {
        inserted.add(stored.get(i));
      }
    }
    if (!inserted.isEmpty()) {
      db.campaigns()
          .updateOne(
              Filters.eq("_id", campaignId.value()),
              Updates.combine(
                  Updates.inc("counters." + Counter.LEADS_TOTAL.name(), (long) inserted.size()),
                  Updates.inc("counters." + Counter.LEADS_QUEUED.name(), (long) inserted.size())));
    }
    return new LeadInsertResult(inserted, List.copyOf(duplicates.values()));
  }

  private void undo(List<Lead> stored, Set<Integer> failed) {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      if (!failed.contains(i)) {
        mine.add(stored.get(i).id().value());
      }
    }
    if (!mine.isEmpty()) {
      db.leads().deleteMany(Filters.in("_id", mine));
    }
  }
}
