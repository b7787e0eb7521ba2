package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The changes that go with a call's change but live in other documents (the slot, the lead, the
 * campaign counters, the log), written into the call document itself ({@code pending}) by the same
 * atomic update that changes the call, then applied one by one and cleared. Every step is
 * idempotent, so whoever finds a {@code pending} outbox (the next change of the call, or the
 * repair) may apply it again, concurrently with its writer or long after it, without applying
 * anything twice:
 *
 * <ol>
 *   <li>slot: freed only if its holder is still in the ledger (one conditional update);
 *   <li>lead: updated only if the outbox's marker is not yet in the lead's {@code applied} list;
 *   <li>counters: {@link CounterShards#apply}, under the call's marker that is never removed;
 *   <li>log: entries carry the sequences reserved before the call changed; inserting one again is a
 *       duplicate key, ignored;
 *   <li>the outbox is cleared.
 * </ol>
 */
final class Outbox {
  static final String CLAIM = "claim";
  static final String TRANSITION = "transition";
  static final String PERMIT = "permit";
  private static final int LEAD_MARKERS = 16;

  /** The call fields the outbox needs. */
  record Work(
      CallId call,
      TenantId tenant,
      CampaignId campaign,
      String leadId,
      CallStatus status,
      Document pending) {
    static Work of(Document call) {
      return new Work(
          CallId.of(call.getString("_id")),
          TenantId.of(call.getString("tenant")),
          CampaignId.of(call.getString("campaignId")),
          call.getString("leadId"),
          CallStatus.valueOf(call.getString("status")),
          call.get("pending", Document.class));
    }

    String marker() {
      return Codec.fieldKey(call.value()) + "@" + pending.get("version");
    }
  }

  private final Collections db;
  private final Ledger ledger;
  private final CounterShards shards;

  Outbox(Collections db, Ledger ledger, CounterShards shards) {
    this.db = db;
    this.ledger = ledger;
    this.shards = shards;
  }

  static Document claim(CounterDelta counters) {
    return new Document("kind", CLAIM)
        .append("version", 1L)
        .append("release", false)
        .append("lead", null)
        .append("counters", Codec.delta(counters))
        .append("log", List.of());
  }

  static Document transition(
      long version, boolean release, LeadOutcome lead, CounterDelta counters, List<Document> log) {
    return new Document("kind", TRANSITION)
        .append("version", version)
        .append("release", release)
        .append(
            "lead",
            lead == null
                ? null
                : new Document("state", lead.state().name())
                    .append("nextAttemptAt", Codec.date(lead.nextAttemptAt()))
                    .append("refund", lead.refundAttempt()))
        .append("counters", Codec.delta(counters))
        .append("log", log);
  }

  /** A dial permit's outbox: only its log entries, written with the grant. */
  static Document permit(long version, List<Document> log) {
    return new Document("kind", PERMIT)
        .append("version", version)
        .append("release", false)
        .append("lead", null)
        .append("counters", new Document())
        .append("log", log);
  }

  /**
   * Applies the outbox of {@code work}, each step at most once, and clears it; returns whether this
   * call of it freed the slot.
   */
  boolean finish(Work work) {
    Document p = work.pending();
    if (p == null) {
      return false;
    }
    String marker = work.marker();
    boolean released =
        p.getBoolean("release", false)
            && ledger.release(new Ledger.Holder(work.call(), work.tenant(), work.campaign()));
    Document lead = p.get("lead", Document.class);
    if (lead != null) {
      applyLead(work, lead, marker);
    }
    Document counters = p.get("counters", Document.class);
    boolean counted = counters != null && !counters.isEmpty();
    if (counted) {
      Seams.at(Seams.Point.BEFORE_COUNTERS);
      if (Switches.exactlyOnceCounters) {
        shards.apply(work.campaign(), work.call(), version(p), counters);
      } else {
        applyOnCampaign(work, counters, marker);
      }
    }
    List<Document> log = p.getList("log", Document.class, List.of());
    if (!log.isEmpty()) {
      try {
        db.log().insertMany(log, new InsertManyOptions().ordered(false));
      } catch (MongoException e) {
        if (!Errors.isDuplicateKey(e)) {
          throw e;
        }
      }
    }
    db.calls()
        .updateOne(
            Filters.and(
                Filters.eq("_id", work.call().value()),
                Filters.eq("pending.version", p.get("version"))),
            Updates.unset("pending"));
    if (counted && !Switches.exactlyOnceCounters) {
      db.campaigns()
          .updateOne(
              Filters.eq("_id", work.campaign().value()), Updates.unset("applied." + marker));
    }
    return released;
  }

  /**
   * Finishes the claim outboxes of a batch's calls, all of {@code campaign} and all holding their
   * slots: the counters in one bulk write ({@link CounterShards#applyAll}, each call under its own
   * marker, so exactly once as in {@link #finish}), then every outbox cleared in one update. A
   * finisher that got there first (the repair) leaves nothing to apply and nothing to clear.
   */
  void finishClaims(CampaignId campaign, List<dev.dialkit.campaign.Call> calls) {
    if (calls.isEmpty()) {
      return;
    }
    if (!Switches.exactlyOnceCounters) {
      for (dev.dialkit.campaign.Call call : calls) {
        finish(Work.of(Codec.call(call).append("pending", claim(CLAIM_DELTA))));
      }
      return;
    }
    List<CallId> ids = calls.stream().map(dev.dialkit.campaign.Call::id).toList();
    shards.applyAll(campaign, ids, 1L, Codec.delta(CLAIM_DELTA));
    db.calls()
        .updateMany(
            Filters.and(
                Filters.in("_id", ids.stream().map(CallId::value).toList()),
                Filters.eq("pending.kind", CLAIM),
                Filters.eq("pending.version", 1L)),
            Updates.unset("pending"));
  }

  /**
   * The former scheme, kept only for {@link Switches#exactlyOnceCounters}: a marker on the campaign
   * document, removed once the outbox is cleared, so that a finisher that read the outbox before
   * and acts after the removal applies the deltas a second time.
   */
  private void applyOnCampaign(Work work, Document counters, String marker) {
    List<Bson> updates = new ArrayList<>();
    counters.forEach((k, v) -> updates.add(Updates.inc("counters." + k, ((Number) v).longValue())));
    updates.add(Updates.set("applied." + marker, true));
    db.campaigns()
        .updateOne(
            Filters.and(
                Filters.eq("_id", work.campaign().value()),
                Filters.exists("applied." + marker, false)),
            Updates.combine(updates));
  }

  private static long version(Document pending) {
    return ((Number) pending.get("version")).longValue();
  }

  private void applyLead(Work work, Document lead, String marker) {
    LeadState state = LeadState.valueOf(lead.getString("state"));
    List<Bson> set = new ArrayList<>();
    set.add(Updates.set("state", state.name()));
    if (lead.getDate("nextAttemptAt") != null) {
      set.add(Updates.set("nextAttemptAt", lead.getDate("nextAttemptAt")));
    }
    if (work.status().isTerminal()) {
      set.add(Updates.set("lastOutcome", work.status().name()));
    }
    if (state != LeadState.IN_PROGRESS) {
      set.add(Updates.unset("claim"));
    }
    set.add(Updates.pushEach("applied", List.of(marker), new PushOptions().slice(-LEAD_MARKERS)));
    Bson notYet = Filters.and(Filters.eq("_id", work.leadId()), Filters.ne("applied", marker));
    if (lead.getBoolean("refund", false)) {
      List<Bson> withRefund = new ArrayList<>(set);
      withRefund.add(Updates.inc("attempts", -1));
      if (db.leads()
              .updateOne(
                  Filters.and(notYet, Filters.gt("attempts", 0)), Updates.combine(withRefund))
              .getMatchedCount()
          == 1) {
        return;
      }
    }
    db.leads().updateOne(notYet, Updates.combine(set));
  }

  /** The counters a claim moves. */
  static final CounterDelta CLAIM_DELTA =
      CounterDelta.of(Counter.LEADS_QUEUED, -1)
          .plus(Counter.LEADS_IN_PROGRESS, 1)
          .plus(Counter.CALLS_PLACED, 1);
}
