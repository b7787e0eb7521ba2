package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.ScheduleRules;
import org.bson.Document;

/**
 * A picked lead whose number is on the tenant's do-not-call list, skipped for good with its
 * counters moved exactly once, in the manner of a call's {@link Outbox}:
 *
 * <ol>
 *   <li>one update of the lead, conditional on the pick ({@link LeadPick#stillPicked}): {@code
 *       SKIPPED}, hold {@code SUPPRESSED}, the pick's attempt given back, and a {@code passOver}
 *       outbox holding the counter delta ({@code LEADS_QUEUED -1, LEADS_SKIPPED +1});
 *   <li>the delta into the lead's counter shard under the marker {@code <lead>.skip}, never removed
 *       ({@link CounterShards#apply(CampaignId, String, long, Document)}), so that whoever applies
 *       it again (the claimer waking late, the repair, both) changes nothing;
 *   <li>the outbox cleared.
 * </ol>
 *
 * A crash after step 1 leaves the outbox; the repair finishes it ({@link #finish}). Until then the
 * lead still counts as queued, so the campaign cannot complete early. {@code SKIPPED} is final, so
 * a lead is skipped at most once and one marker version suffices.
 */
final class PassOver {
  static final String SKIP = "skip";
  static final String EXPIRE = "expire";

  /** The counters a skip moves. */
  static final CounterDelta SKIP_DELTA =
      CounterDelta.of(Counter.LEADS_QUEUED, -1).plus(Counter.LEADS_SKIPPED, 1);

  private static final long VERSION = 1;

  private final Collections db;
  private final CounterShards shards;

  PassOver(Collections db, CounterShards shards) {
    this.db = db;
    this.shards = shards;
  }

  /** Skips the picked lead; returns it as stored, or null if the pick was lost meanwhile. */
  Lead skip(LeadPick.Picked picked) {
    Document after =
        db.leads()
            .findOneAndUpdate(
                LeadPick.stillPicked(picked.doc().getString("_id"), picked.token()),
                Updates.combine(
                    Updates.set("state", LeadState.SKIPPED.name()),
                    Updates.set("hold", LeadHold.SUPPRESSED.name()),
                    Updates.unset("claim"),
                    Updates.inc("attempts", -1),
                    Updates.inc("calls", -1),
                    Updates.set(
                        "passOver",
                        new Document("kind", SKIP).append("counters", Codec.delta(SKIP_DELTA)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (after == null) {
      return null;
    }
    finish(after);
    return Codec.lead(after);
  }

  /**
   * Expires the lead if it is still queued (its campaign's schedule ended), with the same outbox as
   * a skip, so its counters move once; returns whether it did.
   */
  boolean expire(String leadId) {
    Document after =
        db.leads()
            .findOneAndUpdate(
                Filters.and(
                    Filters.eq("_id", leadId), Filters.eq("state", LeadState.QUEUED.name())),
                Updates.combine(
                    Updates.set("state", LeadState.SKIPPED.name()),
                    Updates.set("hold", LeadHold.EXPIRED.name()),
                    Updates.set(
                        "passOver",
                        new Document("kind", EXPIRE)
                            .append("counters", Codec.delta(ScheduleRules.expiredDelta(1))))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (after == null) {
      return false;
    }
    finish(after);
    return true;
  }

  /** Steps 2 and 3 for a lead document holding a {@code passOver} outbox; idempotent. */
  void finish(Document lead) {
    Document pending = lead.get("passOver", Document.class);
    if (pending == null) {
      return;
    }
    String id = lead.getString("_id");
    CampaignId campaign = CampaignId.of(lead.getString("campaignId"));
    Document counters = pending.get("counters", Document.class);
    Seams.at(Seams.Point.BEFORE_SKIP_COUNTERS);
    if (Switches.exactlyOnceSkips) {
      shards.apply(campaign, key(id), VERSION, counters);
    } else {
      shards.addUnmarked(campaign, key(id), counters);
    }
    db.leads()
        .updateOne(
            Filters.and(Filters.eq("_id", id), Filters.exists("passOver", true)),
            Updates.unset("passOver"));
  }

  /** The marker's name: a lead id plus {@code .skip}, never a call id (those end in a number). */
  private static String key(String leadId) {
    return leadId + "." + SKIP;
  }
}
