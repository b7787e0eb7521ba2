package dev.dialkit.store.mongo.internal;

import static dev.dialkit.store.mongo.internal.Codec.fieldKey;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The slots of a batch claim, taken in <b>one</b> conditional update of the {@link Ledger}
 * document: the filter checks that all three limits leave room for the whole batch ({@code g <= G -
 * n}, and the same for the tenant and the campaign) and that none of the batch's calls holds a slot
 * yet; the update adds {@code n} to the three counts and the {@code n} holders. It is the single
 * claim's update with {@code n} for 1, so every limit holds across instances for the same reason:
 * one single-document write checks and takes. It reads back only the three counts it needs, never
 * the holders of the whole store.
 */
final class SlotBatch {
  /**
   * The room left for a campaign's claims.
   *
   * @param free slots a claim may still take under all three limits, >= 0
   * @param binding the first limit (global, tenant, campaign) with no room left, null while {@code
   *     free > 0}
   */
  record Room(int free, Reason binding) {}

  /**
   * What the update took.
   *
   * @param held how many of the calls, from the first, now hold a slot
   * @param room the room left right after
   */
  record Held(int held, Room room) {}

  private final MongoCollection<Document> slots;
  private final Ledger ledger;

  SlotBatch(MongoCollection<Document> slots, Ledger ledger) {
    this.slots = slots;
    this.ledger = ledger;
  }

  /** The room left now, from the three counts alone. */
  Room room(TenantId tenant, CampaignId campaign, SlotLimits limits) {
    Document counts =
        slots
            .find(Filters.eq("_id", Ledger.ID))
            .projection(Projections.include("g", t(tenant), c(campaign)))
            .first();
    if (counts == null) {
      ledger.ensureExists();
      return room(tenant, campaign, limits);
    }
    return room(counts, tenant, campaign, limits);
  }

  /**
   * Takes slots for as many of {@code calls} as the limits allow, first ones first, in one update
   * when they all fit (the usual case). If the update finds the room gone (other claims took slots
   * since the room was read), it reads the counts again and takes what is left, fewer calls.
   */
  Held hold(List<CallId> calls, TenantId tenant, CampaignId campaign, SlotLimits limits) {
    int n = calls.size();
    while (n > 0) {
      List<CallId> batch = calls.subList(0, n);
      Document after =
          slots.findOneAndUpdate(
              filter(batch, tenant, campaign, limits),
              update(batch, tenant, campaign),
              new FindOneAndUpdateOptions()
                  .projection(Projections.include("g", t(tenant), c(campaign)))
                  .returnDocument(ReturnDocument.AFTER));
      if (after != null) {
        return new Held(n, room(after, tenant, campaign, limits));
      }
      if (anyHeld(batch)) {
        // a slot of this batch is held already (an earlier write of it went through): settle
        // each call as a single claim would, in order
        return oneByOne(calls, tenant, campaign, limits);
      }
      Room room = room(tenant, campaign, limits);
      if (room.free() == 0) {
        return new Held(0, room);
      }
      n = Math.min(n, room.free());
    }
    return new Held(0, room(tenant, campaign, limits));
  }

  private Held oneByOne(
      List<CallId> calls, TenantId tenant, CampaignId campaign, SlotLimits limits) {
    int held = 0;
    for (CallId call : calls) {
      if (ledger.hold(call, tenant, campaign, limits) != null) {
        break;
      }
      held++;
    }
    return new Held(held, room(tenant, campaign, limits));
  }

  private boolean anyHeld(List<CallId> calls) {
    List<String> holders = new ArrayList<>();
    calls.forEach(c -> holders.add(h(c)));
    Document found =
        slots.find(Filters.eq("_id", Ledger.ID)).projection(Projections.include(holders)).first();
    Document h = found == null ? null : found.get("h", Document.class);
    return h != null && !h.isEmpty();
  }

  private static Bson filter(
      List<CallId> calls, TenantId tenant, CampaignId campaign, SlotLimits limits) {
    int n = calls.size();
    List<Bson> filter = new ArrayList<>();
    filter.add(Filters.eq("_id", Ledger.ID));
    filter.add(Filters.lte("g", limits.global() - n));
    // an absent count is 0: "not greater than" matches it, "less than or equal" would not
    filter.add(Filters.not(Filters.gt(t(tenant), limits.tenant() - n)));
    filter.add(Filters.not(Filters.gt(c(campaign), limits.campaign() - n)));
    calls.forEach(call -> filter.add(Filters.exists(h(call), false)));
    return Filters.and(filter);
  }

  private static Bson update(List<CallId> calls, TenantId tenant, CampaignId campaign) {
    int n = calls.size();
    List<Bson> update = new ArrayList<>();
    update.add(Updates.inc("g", n));
    update.add(Updates.inc(t(tenant), n));
    update.add(Updates.inc(c(campaign), n));
    Document holder = new Document("t", tenant.value()).append("c", campaign.value());
    calls.forEach(call -> update.add(Updates.set(h(call), holder)));
    return Updates.combine(update);
  }

  private static Room room(Document counts, TenantId tenant, CampaignId campaign, SlotLimits l) {
    long global = l.global() - Codec.number(counts, "g");
    long inTenant = l.tenant() - count(counts, "t", tenant.value());
    long inCampaign = l.campaign() - count(counts, "c", campaign.value());
    Reason binding =
        global <= 0
            ? Reason.GLOBAL_LIMIT
            : inTenant <= 0 ? Reason.TENANT_LIMIT : inCampaign <= 0 ? Reason.CAMPAIGN_LIMIT : null;
    long free = Math.max(0, Math.min(global, Math.min(inTenant, inCampaign)));
    return new Room((int) free, binding);
  }

  private static long count(Document counts, String map, String key) {
    Document d = counts.get(map, Document.class);
    return d == null ? 0 : Codec.number(d, fieldKey(key));
  }

  private static String t(TenantId tenant) {
    return "t." + fieldKey(tenant.value());
  }

  private static String c(CampaignId campaign) {
    return "c." + fieldKey(campaign.value());
  }

  private static String h(CallId call) {
    return "h." + fieldKey(call.value());
  }
}
