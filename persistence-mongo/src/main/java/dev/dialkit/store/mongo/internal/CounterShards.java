package dev.dialkit.store.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The counter deltas of call outboxes, applied exactly once whoever finishes an outbox and however
 * late a finisher wakes. Each campaign has up to {@value #SHARDS} shard documents ({@code _id =
 * <campaign>/<n>}, the shard of a call fixed by its id) holding {@code counters} and {@code
 * applied.<call>}: the version of the call's last outbox whose deltas are in. One update checks
 * that marker and moves counters and marker together, so the check and the effect are one atomic
 * write.
 *
 * <p>The markers are never removed: a finisher that read an outbox long ago must still find it
 * applied (removing a marker is what let such a finisher apply the deltas a second time). Ordering
 * by version suffices because a call gets a new outbox only once the previous one is cleared, and
 * an outbox is cleared only after its counters are in, so a call's outboxes are applied in version
 * order. The campaign's counters are its document's (creation and lead inserts) plus its shards'.
 *
 * <p>Size: a marker is its key (the call id, at most 128 characters) plus 10 bytes, at most 138
 * bytes and about 50 for typical ids. A shard stays under MongoDB's 16 MB document limit up to
 * 120,000 calls in the worst case, so a campaign takes at least {@value #SHARDS} times that (3.8
 * million calls, over 10 million with typical ids); spreading the writes also splits the hot
 * document every claim and every end used to update.
 */
final class CounterShards {
  /** Shards per campaign. Never change it: a call's shard must stay where its marker is. */
  static final int SHARDS = 32;

  private final MongoCollection<Document> shards;

  CounterShards(MongoCollection<Document> shards) {
    this.shards = shards;
  }

  /**
   * Adds {@code delta} to the campaign's counters unless the call's outbox {@code version} (or a
   * later one) is already in; idempotent, and safe concurrently with any other finisher.
   */
  void apply(CampaignId campaign, CallId call, long version, Document delta) {
    apply(campaign, call.value(), version, delta);
  }

  /**
   * As {@link #apply(CampaignId, CallId, long, Document)} for a change that is not a call's: {@code
   * key} names it (an id-like string, never one of a call: {@link PassOver} uses {@code
   * <lead>.skip}, and a call id ends in a number), and gets its own marker.
   */
  void apply(CampaignId campaign, String key, long version, Document delta) {
    List<Bson> update = new ArrayList<>();
    delta.forEach((k, v) -> update.add(Updates.inc("counters." + k, ((Number) v).longValue())));
    update.add(Updates.set(marker(key), version));
    markOnce(campaign, key, version - 1, Updates.combine(update));
  }

  /**
   * As {@link #apply(CampaignId, CallId, long, Document)} for the calls of one batch claim, all at
   * {@code version} with the same {@code delta}: one unordered bulk write of the same marked
   * updates. A write that would create a shard that exists (created meanwhile, or the marker is
   * already past) fails alone with a duplicate key and is settled by {@link #apply} on its own.
   */
  void applyAll(CampaignId campaign, List<CallId> calls, long version, Document delta) {
    List<UpdateOneModel<Document>> writes = new ArrayList<>(calls.size());
    for (CallId call : calls) {
      List<Bson> update = new ArrayList<>();
      delta.forEach((k, v) -> update.add(Updates.inc("counters." + k, ((Number) v).longValue())));
      update.add(Updates.set(marker(call.value()), version));
      update.add(Updates.setOnInsert("campaignId", campaign.value()));
      writes.add(
          new UpdateOneModel<>(
              Filters.and(
                  Filters.eq("_id", id(campaign, call.value())),
                  Filters.not(Filters.gt(marker(call.value()), version - 1))),
              Updates.combine(update),
              new UpdateOptions().upsert(true)));
    }
    try {
      shards.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      for (BulkWriteError error : e.getWriteErrors()) {
        apply(campaign, calls.get(error.getIndex()), version, delta);
      }
    }
  }

  /**
   * The former way, kept only for {@link Switches#exactlyOnceSkips}: the deltas with no marker, so
   * that a second finisher adds them again.
   */
  void addUnmarked(CampaignId campaign, String key, Document delta) {
    List<Bson> update = new ArrayList<>();
    delta.forEach((k, v) -> update.add(Updates.inc("counters." + k, ((Number) v).longValue())));
    update.add(Updates.setOnInsert("campaignId", campaign.value()));
    shards.updateOne(
        Filters.eq("_id", id(campaign, key)),
        Updates.combine(update),
        new UpdateOptions().upsert(true));
  }

  /**
   * Settles the counters of a claim that was undone: if its deltas never went in, they never will
   * (the marker jumps to {@code undoneVersion} without them); if a finisher put them in, they are
   * taken out once. Either way the campaign ends up as if the claim had never been made.
   */
  void settleUndoneClaim(
      CampaignId campaign, CallId call, long undoneVersion, CounterDelta claimDelta) {
    if (markOnce(campaign, call.value(), 0, Updates.set(marker(call.value()), undoneVersion))) {
      return;
    }
    List<Bson> undo = new ArrayList<>();
    claimDelta.amounts().forEach((c, v) -> undo.add(Updates.inc("counters." + c.name(), -v)));
    undo.add(Updates.set(marker(call.value()), undoneVersion));
    shards.updateOne(
        Filters.and(
            Filters.eq("_id", id(campaign, call.value())), Filters.eq(marker(call.value()), 1L)),
        Updates.combine(undo));
  }

  /** The campaign as stored: its document's counters plus its shards'. */
  Campaign withShards(Document campaign) {
    return totals(List.of(campaign)).get(0);
  }

  /** Each campaign with its shards' counters added, in order; one query for all of them. */
  List<Campaign> totals(List<Document> campaigns) {
    if (campaigns.isEmpty()) {
      return List.of();
    }
    Collection<String> ids = campaigns.stream().map(d -> d.getString("_id")).toList();
    Map<String, Map<Counter, Long>> sums = new HashMap<>();
    for (Document shard :
        shards
            .find(Filters.in("campaignId", ids))
            .projection(Projections.include("campaignId", "counters"))) {
      Map<Counter, Long> sum =
          sums.computeIfAbsent(shard.getString("campaignId"), k -> new EnumMap<>(Counter.class));
      shard
          .get("counters", new Document())
          .forEach((k, v) -> sum.merge(Counter.valueOf(k), ((Number) v).longValue(), Long::sum));
    }
    List<Campaign> out = new ArrayList<>(campaigns.size());
    for (Document doc : campaigns) {
      Campaign campaign = Codec.campaign(doc);
      Map<Counter, Long> extra = sums.get(campaign.id().value());
      out.add(
          extra == null
              ? campaign
              : campaign.withCounters(campaign.counters().plus(new CounterDelta(extra))));
    }
    return out;
  }

  /**
   * One update of the call's shard that applies {@code update} only while the call's marker is at
   * most {@code atMost}; creates the shard on first use. Returns whether it applied.
   */
  private boolean markOnce(CampaignId campaign, String key, long atMost, Bson update) {
    Bson filter =
        Filters.and(
            Filters.eq("_id", id(campaign, key)), Filters.not(Filters.gt(marker(key), atMost)));
    Bson withOwner = Updates.combine(update, Updates.setOnInsert("campaignId", campaign.value()));
    try {
      // matched, or no shard yet and created with the update applied
      shards.updateOne(filter, withOwner, new UpdateOptions().upsert(true));
      return true;
    } catch (MongoException e) {
      if (!Errors.isDuplicateKey(e)) {
        throw e;
      }
      // the shard exists (created meanwhile, or the marker is already past): no upsert this time
      return shards.updateOne(filter, update).getMatchedCount() == 1;
    }
  }

  private static String id(CampaignId campaign, String key) {
    return campaign.value() + "/" + Math.floorMod(key.hashCode(), SHARDS);
  }

  private static String marker(String key) {
    return "applied." + Codec.fieldKey(key);
  }
}
