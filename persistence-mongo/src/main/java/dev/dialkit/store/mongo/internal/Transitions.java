package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One call transition: checks (not found, duplicate, conflict), then one compare-and-set on the
 * call document that replaces the call, records the dedupe key (in the call's own {@code dedupe}
 * array, so key and change are one atomic write) and writes the outbox; then the outbox is applied.
 * A call with an unfinished outbox (a crash, or a writer still at it) gets it finished first.
 */
final class Transitions {
  private final Collections db;
  private final Outbox outbox;
  private final Sequences sequences;

  Transitions(Collections db, Outbox outbox, Sequences sequences) {
    this.db = db;
    this.outbox = outbox;
    this.sequences = sequences;
  }

  TransitionResult apply(CallTransition t) {
    Call next = t.call();
    String key = t.dedupeKey();
    while (true) {
      Document doc = db.calls().find(Filters.eq("_id", next.id().value())).first();
      if (doc == null || !doc.getString("tenant").equals(next.tenant().value())) {
        return new TransitionResult(Outcome.NOT_FOUND, null);
      }
      Call stored = Codec.call(doc);
      StoreArguments.sameIdentity(stored, next);
      if (key != null && doc.getList("dedupe", String.class, List.of()).contains(key)) {
        return new TransitionResult(Outcome.DUPLICATE, stored);
      }
      if (stored.version() != t.expectedVersion()) {
        return new TransitionResult(Outcome.CONFLICT, stored);
      }
      if (doc.get("pending") != null) {
        outbox.finish(Outbox.Work.of(doc));
        continue;
      }
      Document pending =
          Outbox.transition(
              next.version(),
              t.releaseSlot(),
              t.leadOutcome(),
              t.counters(),
              CallLogDocs.documents(sequences, t.log()));
      List<Bson> filter = new ArrayList<>();
      filter.add(Filters.eq("_id", next.id().value()));
      filter.add(Filters.eq("version", t.expectedVersion()));
      filter.add(Filters.exists("pending", false));
      List<Bson> update = new ArrayList<>();
      Codec.callState(next).forEach((k, v) -> update.add(Updates.set(k, v)));
      update.add(Updates.set("pending", pending));
      if (key != null) {
        filter.add(Filters.ne("dedupe", key));
        update.add(Updates.push("dedupe", key));
      }
      if (db.calls().updateOne(Filters.and(filter), Updates.combine(update)).getMatchedCount()
          == 0) {
        continue; // changed meanwhile: the next read says how
      }
      doc.putAll(Codec.callState(next));
      doc.put("pending", pending);
      outbox.finish(Outbox.Work.of(doc));
      return new TransitionResult(Outcome.APPLIED, next);
    }
  }
}
