package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The tenants' do-not-call lists: one document per tenant and number, {@code _id = <tenant>/<e164>}
 * (a tenant id holds no {@code /}, so the id is unambiguous and unique by construction; the unique
 * index {@code (tenant, phone)} also orders a tenant's list by number).
 *
 * <p>An add is a bulk of whole-document upserts by {@code _id}: each replaces the entry with the
 * given one, so applying it twice is applying it once. Without transactions a batch is not atomic
 * on the server; it is all or nothing for everything this side can refuse (every entry is checked
 * before the first write), and a failure of the server mid-way leaves a part of the batch stored
 * (entries replaced, never half-written) and is reported; the same batch sent again stores the rest
 * and leaves the stored part as it is.
 */
final class DoNotCallList {
  private final Collections db;

  DoNotCallList(Collections db) {
    this.db = db;
  }

  static String id(TenantId tenant, PhoneNumber phone) {
    return tenant.value() + "/" + phone.e164();
  }

  /** Checks every entry, then upserts them all, the last entry of a repeated number winning. */
  void add(List<Suppression> entries) {
    if (entries == null) {
      throw new IllegalArgumentException("suppressions must not be null");
    }
    Map<String, Suppression> last = new LinkedHashMap<>();
    for (Suppression entry : entries) {
      if (entry == null) {
        throw new IllegalArgumentException("suppressions must not contain null");
      }
      last.remove(id(entry.tenant(), entry.phone()));
      last.put(id(entry.tenant(), entry.phone()), entry);
    }
    if (last.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(last.size());
    for (Map.Entry<String, Suppression> e : last.entrySet()) {
      writes.add(
          new ReplaceOneModel<>(
              Filters.eq("_id", e.getKey()),
              document(e.getValue()),
              new ReplaceOptions().upsert(true)));
    }
    BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
    try {
      db.suppressions().bulkWrite(writes, unordered);
    } catch (MongoException e) {
      if (!Errors.isDuplicateKey(e)) {
        throw e;
      }
      // two upserts of one new number raced (another add of it); the entry now exists, so the
      // same replaces, sent again, match it: the whole batch again is harmless
      db.suppressions().bulkWrite(writes, unordered);
    }
  }

  boolean remove(TenantId tenant, PhoneNumber phone) {
    return db.suppressions().deleteOne(Filters.eq("_id", id(tenant, phone))).getDeletedCount() == 1;
  }

  Suppression find(TenantId tenant, PhoneNumber phone) {
    Document doc = db.suppressions().find(Filters.eq("_id", id(tenant, phone))).first();
    return doc == null ? null : entry(doc);
  }

  /** Whether the number is on the tenant's list: what the claim asks. */
  boolean isListed(TenantId tenant, PhoneNumber phone) {
    return db.suppressions().countDocuments(Filters.eq("_id", id(tenant, phone))) > 0;
  }

  /** One query for at most {@code MAX_SUPPRESSION_LOOKUP} numbers (checked by the caller). */
  Map<PhoneNumber, Suppression> findAll(TenantId tenant, Collection<PhoneNumber> phones) {
    Map<PhoneNumber, Suppression> found = new LinkedHashMap<>();
    if (phones.isEmpty()) {
      return found;
    }
    List<String> ids = phones.stream().map(p -> id(tenant, p)).distinct().toList();
    Map<String, Suppression> byNumber = new LinkedHashMap<>();
    for (Document doc : db.suppressions().find(Filters.in("_id", ids))) {
      Suppression entry = entry(doc);
      byNumber.put(entry.phone().e164(), entry);
    }
    for (PhoneNumber phone : phones) {
      Suppression entry = byNumber.get(phone.e164());
      if (entry != null) {
        found.put(phone, entry);
      }
    }
    return found;
  }

  Page<Suppression> page(TenantId tenant, PageRequest page) {
    long total = db.suppressions().countDocuments(Filters.eq("tenant", tenant.value()));
    if (total == 0) {
      return new Page<>(List.of(), 0, 0);
    }
    List<Suppression> items =
        Codec.all(
            db.suppressions()
                .find(Filters.eq("tenant", tenant.value()))
                .sort(Sorts.ascending("phone"))
                .skip(page.offset())
                .limit(page.limit()),
            DoNotCallList::entry);
    return new Page<>(items, total, 0);
  }

  private static Document document(Suppression s) {
    return new Document("_id", id(s.tenant(), s.phone()))
        .append("tenant", s.tenant().value())
        .append("phone", s.phone().e164())
        .append("source", s.source().name())
        .append("reason", s.reason())
        .append("callId", s.callId() == null ? null : s.callId().value())
        .append("createdAt", Codec.date(s.createdAt()));
  }

  private static Suppression entry(Document d) {
    String callId = d.getString("callId");
    return new Suppression(
        TenantId.of(d.getString("tenant")),
        PhoneNumber.of(d.getString("phone")),
        SuppressionSource.valueOf(d.getString("source")),
        d.getString("reason"),
        callId == null ? null : CallId.of(callId),
        Codec.instant(d, "createdAt"));
  }
}
