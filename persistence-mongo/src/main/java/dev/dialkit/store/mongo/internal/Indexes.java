package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The indexes the store needs. Creating them is idempotent; an index that exists under the same
 * name or on the same keys with other keys or options is an error that names it, found by reading
 * the existing indexes first (the server's own codes 85 IndexOptionsConflict and 86
 * IndexKeySpecsConflict are translated too).
 */
final class Indexes {
  private record Spec(
      MongoCollection<Document> collection, String name, Document keys, boolean unique) {}

  private Indexes() {}

  static void ensure(Collections db) {
    for (Spec spec : specs(db)) {
      create(spec);
    }
  }

  /**
   * The names of the indexes that are missing (no index on the same keys with the same uniqueness),
   * read without creating anything: what {@code schemaProblem()} reports.
   */
  static List<String> missing(Collections db) {
    List<String> missing = new ArrayList<>();
    for (Spec spec : specs(db)) {
      boolean found = false;
      for (Document existing : spec.collection().listIndexes()) {
        if (spec.keys().equals(existing.get("key", Document.class))
            && existing.getBoolean("unique", false) == spec.unique()) {
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(spec.collection().getNamespace().getCollectionName() + "." + spec.name());
      }
    }
    return missing;
  }

  private static List<Spec> specs(Collections db) {
    String p = db.prefix();
    List<Spec> specs = new ArrayList<>();
    // one phone per campaign: the de-duplication of leads
    specs.add(
        new Spec(
            db.leads(), p + "lead_phone", new Document("campaignId", 1).append("phone", 1), true));
    specs.add(
        new Spec(
            db.leads(),
            p + "lead_claim",
            new Document("campaignId", 1)
                .append("state", 1)
                .append("priority", -1)
                .append("sequence", 1),
            false));
    specs.add(
        new Spec(
            db.leads(),
            p + "lead_sequence",
            new Document("tenant", 1).append("campaignId", 1).append("sequence", 1),
            true));
    specs.add(
        new Spec(
            db.calls(),
            p + "call_active",
            new Document("campaignId", 1)
                .append("terminal", 1)
                .append("createdAt", 1)
                .append("order", 1),
            false));
    specs.add(
        new Spec(
            db.calls(),
            p + "call_provider_id",
            new Document("provider", 1).append("providerCallId", 1),
            false));
    specs.add(
        new Spec(
            db.calls(),
            p + "call_provider_request",
            new Document("provider", 1).append("providerRequestId", 1),
            false));
    specs.add(new Spec(db.calls(), p + "call_pending", new Document("pending.kind", 1), false));
    specs.add(
        new Spec(
            db.log(),
            p + "log_campaign",
            new Document("tenant", 1).append("campaignId", 1).append("_id", 1),
            false));
    specs.add(
        new Spec(
            db.log(),
            p + "log_call",
            new Document("tenant", 1).append("callId", 1).append("_id", 1),
            false));
    specs.add(
        new Spec(
            db.campaigns(),
            p + "campaign_tenant",
            new Document("tenant", 1).append("createdAt", 1).append("seq", 1),
            false));
    specs.add(
        new Spec(
            db.campaigns(),
            p + "campaign_status",
            new Document("status", 1).append("createdAt", 1).append("seq", 1),
            false));
    specs.add(new Spec(db.instances(), p + "instance_seen", new Document("at", 1), false));
    // a campaign's counter shards, summed by every campaign read
    specs.add(
        new Spec(db.counters(), p + "counter_campaign", new Document("campaignId", 1), false));
    // the attempt caps count a tenant's calls to a number since a moment (NumberGate)
    specs.add(
        new Spec(
            db.calls(),
            p + "call_number",
            new Document("tenant", 1).append("to", 1).append("createdAt", 1),
            false));
    // leads whose pass-over counters are still to be applied (PassOver), for the repair
    specs.add(new Spec(db.leads(), p + "lead_pass_over", new Document("passOver.kind", 1), false));
    // callbacks and stops whose counters are still to be applied (LeadMoves), for the repair
    specs.add(new Spec(db.leads(), p + "lead_move", new Document("move.version", 1), false));
    // a campaign's calls per disposition code, for its progress (OutcomeDocs)
    specs.add(
        new Spec(
            db.callOutcomes(),
            p + "outcome_campaign",
            new Document("campaignId", 1).append("disposition", 1),
            false));
    // claims still checking the list and the caps (LeadPick), aged by the repair
    specs.add(new Spec(db.leads(), p + "lead_checking", new Document("claim.checking", 1), false));
    // the do-not-call list: one entry per tenant and number, paged by number
    specs.add(
        new Spec(
            db.suppressions(),
            p + "suppression_number",
            new Document("tenant", 1).append("phone", 1),
            true));
    return specs;
  }

  private static void create(Spec spec) {
    String collection = spec.collection().getNamespace().getCollectionName();
    String wanted = describe(spec.keys(), spec.unique());
    for (Document existing : spec.collection().listIndexes()) {
      String name = existing.getString("name");
      Document keys = existing.get("key", Document.class);
      boolean unique = existing.getBoolean("unique", false);
      boolean sameName = spec.name().equals(name);
      boolean sameKeys = spec.keys().equals(keys);
      if ((sameName || sameKeys) && !(sameKeys && unique == spec.unique())) {
        throw Errors.indexConflict(
            collection,
            name,
            wanted,
            new MongoException("existing index " + name + " is " + describe(keys, unique)));
      }
      if (sameKeys) {
        return; // already there (perhaps under another name): nothing to do
      }
    }
    try {
      spec.collection()
          .createIndex(spec.keys(), new IndexOptions().name(spec.name()).unique(spec.unique()));
    } catch (MongoCommandException e) {
      int code = e.getErrorCode();
      if (code == Errors.INDEX_OPTIONS_CONFLICT
          || code == Errors.INDEX_KEY_SPECS_CONFLICT
          || code == Errors.INDEX_ALREADY_EXISTS) {
        throw Errors.indexConflict(collection, spec.name(), wanted, e);
      }
      throw e;
    }
  }

  private static String describe(Document keys, boolean unique) {
    return keys.toJson() + (unique ? " unique" : "");
  }
}
