package dev.dialkit.store.mongo.internal;

import static dev.dialkit.store.mongo.internal.Codec.fieldKey;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The concurrency slots of the whole store in one document: {@code g} (held in the store), {@code
 * t.<tenant>} and {@code c.<campaign>} (held per tenant and campaign) and {@code h.<call>} (who
 * holds a slot). A slot is taken by one conditional update that checks the three limits and adds
 * the holder in the same single-document write, so all three limits hold at once across every
 * instance, and the counts can never drift from the holders: they change only together.
 */
final class Ledger {
  static final String ID = "slots";

  /** Who holds a slot. */
  record Holder(CallId call, TenantId tenant, CampaignId campaign) {}

  private final MongoCollection<Document> slots;

  Ledger(MongoCollection<Document> slots) {
    this.slots = slots;
  }

  /** Creates the ledger document if there is none (idempotent). */
  void ensureExists() {
    try {
      slots.insertOne(
          new Document("_id", ID)
              .append("g", 0L)
              .append("t", new Document())
              .append("c", new Document())
              .append("h", new Document()));
    } catch (MongoException e) {
      if (!Errors.isDuplicateKey(e)) {
        throw e;
      }
    }
  }

  /** The first limit a new slot would exceed (global, tenant, campaign), by a plain read. */
  Reason fullUnder(TenantId tenant, CampaignId campaign, SlotLimits limits) {
    return fullUnder(read(), tenant, campaign, limits);
  }

  /**
   * Takes a slot for {@code call} if all three limits allow it; returns {@code null} when the slot
   * is held (now or already), else the first limit that is reached.
   */
  Reason hold(CallId call, TenantId tenant, CampaignId campaign, SlotLimits limits) {
    String t = "t." + fieldKey(tenant.value());
    String c = "c." + fieldKey(campaign.value());
    String h = "h." + fieldKey(call.value());
    Bson filter =
        Filters.and(
            Filters.eq("_id", ID),
            Filters.lt("g", limits.global()),
            Filters.not(Filters.gte(t, limits.tenant())),
            Filters.not(Filters.gte(c, limits.campaign())),
            Filters.exists(h, false));
    Bson update =
        Updates.combine(
            Updates.inc("g", 1),
            Updates.inc(t, 1),
            Updates.inc(c, 1),
            Updates.set(h, new Document("t", tenant.value()).append("c", campaign.value())));
    while (true) {
      if (slots.updateOne(filter, update).getModifiedCount() == 1) {
        return null;
      }
      Document ledger = read();
      if (ledger.get("h", Document.class).containsKey(fieldKey(call.value()))) {
        return null;
      }
      Reason full = fullUnder(ledger, tenant, campaign, limits);
      if (full != null) {
        return full;
      }
      // a slot was freed between the update and the read: try again
    }
  }

  /** Frees the slot of {@code holder}; false if it was not held (a slot is freed once). */
  boolean release(Holder holder) {
    String h = "h." + fieldKey(holder.call().value());
    return slots
            .updateOne(
                Filters.and(Filters.eq("_id", ID), Filters.exists(h, true)),
                Updates.combine(
                    Updates.inc("g", -1),
                    Updates.inc("t." + fieldKey(holder.tenant().value()), -1),
                    Updates.inc("c." + fieldKey(holder.campaign().value()), -1),
                    Updates.unset(h)))
            .getModifiedCount()
        == 1;
  }

  /** Whether {@code call} holds a slot. */
  boolean isHeld(CallId call) {
    return read().get("h", Document.class).containsKey(fieldKey(call.value()));
  }

  /** Slots held in the store, by the tenant and by the campaign. */
  SlotUsage usage(TenantId tenant, CampaignId campaign) {
    Document ledger = read();
    return new SlotUsage(
        (int) Codec.number(ledger, "g"),
        (int) Codec.number(ledger.get("t", Document.class), fieldKey(tenant.value())),
        campaign == null
            ? 0
            : (int) Codec.number(ledger.get("c", Document.class), fieldKey(campaign.value())));
  }

  /** Every holder, by call. */
  Map<CallId, Holder> holders() {
    Map<CallId, Holder> holders = new LinkedHashMap<>();
    read()
        .get("h", Document.class)
        .forEach(
            (key, value) -> {
              Document d = (Document) value;
              CallId call = CallId.of(Codec.idOf(key));
              holders.put(
                  call,
                  new Holder(call, TenantId.of(d.getString("t")), CampaignId.of(d.getString("c"))));
            });
    return holders;
  }

  private Document read() {
    Document ledger = slots.find(Filters.eq("_id", ID)).first();
    if (ledger == null) {
      ensureExists();
      ledger = slots.find(Filters.eq("_id", ID)).first();
    }
    return ledger;
  }

  private static Reason fullUnder(
      Document ledger, TenantId tenant, CampaignId campaign, SlotLimits limits) {
    if (Codec.number(ledger, "g") >= limits.global()) {
      return Reason.GLOBAL_LIMIT;
    }
    if (Codec.number(ledger.get("t", Document.class), fieldKey(tenant.value()))
        >= limits.tenant()) {
      return Reason.TENANT_LIMIT;
    }
    if (Codec.number(ledger.get("c", Document.class), fieldKey(campaign.value()))
        >= limits.campaign()) {
      return Reason.CAMPAIGN_LIMIT;
    }
    return null;
  }
}
