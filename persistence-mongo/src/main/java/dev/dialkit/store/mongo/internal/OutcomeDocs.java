package dev.dialkit.store.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.OutcomeRules;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code call_outcomes} collection: one document per call that has a disposition or a
 * conversation ({@code _id} the call id), changed by compare-and-set on its {@code rev} (an insert
 * for the first write, which a concurrent first write turns into a retry). A disposition's log
 * entry travels in the document ({@code pendingLog}) and is appended to the call log after it, then
 * cleared: a crash in between leaves it, and the next write of the call (a retried request finds
 * the disposition unchanged) appends it. So the entry is appended at least once.
 */
final class OutcomeDocs {
  private final Collections db;
  private final Sequences sequences;

  OutcomeDocs(Collections db, Sequences sequences) {
    this.db = db;
    this.sequences = sequences;
  }

  Optional<CallOutcome> find(Call call) {
    Document doc = db.callOutcomes().find(Filters.eq("_id", call.id().value())).first();
    return Optional.of(doc == null ? CallOutcome.empty(call, call.createdAt()) : outcome(doc));
  }

  DispositionWrite disposition(Call call, Disposition d, java.time.Instant at, CallLogEntry entry) {
    while (true) {
      Document doc = db.callOutcomes().find(Filters.eq("_id", call.id().value())).first();
      DispositionWrite write =
          OutcomeRules.disposition(call, doc == null ? null : outcome(doc), d, at);
      if (write.result() == DispositionWrite.Result.UNCHANGED) {
        finishLog(doc);
        return write;
      }
      Document next = document(write.outcome()).append("pendingLog", logDoc(entry));
      if (save(doc, next)) {
        finishLog(next.append("rev", rev(doc) + 1));
        return write;
      }
    }
  }

  Optional<CallOutcome> conversation(Call call, Conversation c, java.time.Instant at) {
    while (true) {
      Document doc = db.callOutcomes().find(Filters.eq("_id", call.id().value())).first();
      CallOutcome base = doc == null ? CallOutcome.empty(call, at) : outcome(doc);
      CallOutcome next = base.withConversation(c, at);
      Document write = document(next);
      if (doc != null && doc.containsKey("pendingLog")) {
        write.append("pendingLog", doc.get("pendingLog"));
      }
      if (save(doc, write)) {
        return Optional.of(next);
      }
    }
  }

  Map<String, Long> counts(TenantId tenant, CampaignId campaign) {
    Map<String, Long> counts = new HashMap<>();
    var filter =
        Filters.and(
            Filters.eq("campaignId", campaign.value()),
            Filters.eq("tenant", tenant.value()),
            Filters.ne("disposition", null));
    // at most DispositionSet.MAX_CODES codes: one count each over the (campaignId, disposition)
    // index
    for (String code : db.callOutcomes().distinct("disposition", filter, String.class)) {
      counts.put(
          code,
          db.callOutcomes().countDocuments(Filters.and(filter, Filters.eq("disposition", code))));
    }
    return Map.copyOf(counts);
  }

  /** Inserts {@code next}, or replaces {@code stored} if it is unchanged; false if raced. */
  private boolean save(Document stored, Document next) {
    if (stored == null) {
      try {
        db.callOutcomes().insertOne(next.append("rev", 1L));
        return true;
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    }
    long rev = rev(stored);
    return db.callOutcomes()
            .replaceOne(
                Filters.and(Filters.eq("_id", stored.get("_id")), Filters.eq("rev", rev)),
                next.append("rev", rev + 1))
            .getModifiedCount()
        == 1;
  }

  private void finishLog(Document doc) {
    if (doc == null || !doc.containsKey("pendingLog")) {
      return;
    }
    CallLogEntry entry = CallLogDocs.entry(doc.get("pendingLog", Document.class));
    db.log().insertMany(CallLogDocs.documents(sequences, List.of(entry)));
    db.callOutcomes()
        .updateOne(
            Filters.and(Filters.eq("_id", doc.get("_id")), Filters.eq("rev", doc.get("rev"))),
            Updates.unset("pendingLog"));
  }

  private static long rev(Document doc) {
    return doc == null ? 0 : ((Number) doc.get("rev")).longValue();
  }

  private static Document logDoc(CallLogEntry entry) {
    return CallLogDocs.document(entry, 0);
  }

  private static Document document(CallOutcome o) {
    Disposition d = o.disposition();
    Conversation c = o.conversation();
    return new Document("_id", o.callId().value())
        .append("tenant", o.tenant().value())
        .append("campaignId", o.campaignId().value())
        .append("leadId", o.leadId().value())
        .append("disposition", d == null ? null : d.code())
        .append("score", d == null ? null : d.score())
        .append("fields", d == null ? null : Codec.pairs(d.fields()))
        .append(
            "callbackAt", d == null || d.callbackAt() == null ? null : d.callbackAt().toString())
        .append("dispositionAt", Codec.date(o.dispositionAt()))
        .append("transcript", c.transcript())
        .append("summary", c.summary())
        .append("extracted", Codec.pairs(c.extracted()))
        .append("updatedAt", Codec.date(o.updatedAt()));
  }

  private static CallOutcome outcome(Document doc) {
    String code = doc.getString("disposition");
    Disposition d =
        code == null
            ? null
            : new Disposition(
                code,
                doc.getInteger("score"),
                Codec.map(doc, "fields"),
                doc.getString("callbackAt") == null
                    ? null
                    : LocalDateTime.parse(doc.getString("callbackAt")));
    return new CallOutcome(
        CallId.of(doc.getString("_id")),
        TenantId.of(doc.getString("tenant")),
        CampaignId.of(doc.getString("campaignId")),
        LeadId.of(doc.getString("leadId")),
        d,
        d == null ? null : Codec.instant(doc, "dispositionAt"),
        new Conversation(
            doc.getString("transcript"), doc.getString("summary"), Codec.map(doc, "extracted")),
        Codec.instant(doc, "updatedAt"));
  }
}
