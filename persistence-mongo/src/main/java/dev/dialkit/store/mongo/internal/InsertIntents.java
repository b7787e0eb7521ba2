package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The open lead inserts of a campaign, kept on its document so that an insert and a completion are
 * atomic with respect to each other without a transaction:
 *
 * <ol>
 *   <li><b>reserve</b>: one update of the campaign document, only if its status is not final,
 *       reserves the sequence block ({@code leadSeq}), adds the leads to {@code LEADS_TOTAL} and
 *       {@code LEADS_QUEUED} up front and records the insert as open ({@code inserts.<token>}).
 *       From then on the campaign cannot complete (its queue is not empty), and a completion that
 *       read it before fails its compare-and-set ({@code leadSeq} moved);
 *   <li>the leads are stored, each with {@code insert: <token>}; leads of an open insert are not
 *       claimable yet;
 *   <li><b>close</b>: one update takes back the counts of the leads not stored (duplicates found
 *       only by the insert) and removes the insert from {@code inserts}: its leads are claimable.
 * </ol>
 *
 * <p>A crash between 1 and 3 leaves counts that would keep the campaign from ever completing. The
 * repair counts how many of its passes found each insert open; the inserter resets that count after
 * every chunk it stores. Once {@value #STALE_AFTER} passes found it open with no sign of life, the
 * insert is rolled back in one update (counts taken back, moved from {@code inserts} to {@code
 * voided}) and its queued leads deleted. Leads of a voided insert are never claimable, so an
 * inserter that was only stalled and stores more leads afterwards cannot get them dialed: at its
 * next write it finds its insert voided, deletes its leads and fails with a transient {@link
 * dev.dialkit.campaign.StoreException}, nothing stored. (A claim that read the campaign before the
 * reservation and then took one of its leads keeps it, counted: the rollback leaves that lead be.)
 */
final class InsertIntents {
  /** Campaign field: open inserts by token, each {@code {n, seen}}. */
  static final String OPEN = "inserts";

  /** Campaign field: tokens of inserts the repair rolled back. */
  static final String VOIDED = "voided";

  /** Lead field: the token of the insert that stored it. */
  static final String LEAD_FIELD = "insert";

  /** Repair passes that must find an insert open, with no sign of life, before it is voided. */
  static final int STALE_AFTER = 5;

  private static final List<String> FINAL =
      List.of(
          CampaignStatus.COMPLETED.name(),
          CampaignStatus.CANCELED.name(),
          CampaignStatus.FAILED.name());

  private final Collections db;

  InsertIntents(Collections db) {
    this.db = db;
  }

  /** The inserts of {@code campaign} (a document read with these fields) whose leads wait. */
  static List<String> unclaimable(Document campaign) {
    List<String> tokens = new ArrayList<>(campaign.get(OPEN, new Document()).keySet());
    tokens.addAll(campaign.getList(VOIDED, String.class, List.of()));
    return tokens;
  }

  /**
   * Step 1: returns the last sequence of the reserved block, or {@code null} if the campaign does
   * not exist for the tenant or has finished.
   */
  Long reserve(TenantId tenant, CampaignId campaign, String token, int count) {
    Document doc =
        db.campaigns()
            .findOneAndUpdate(
                Filters.and(MongoStore.owned(tenant, campaign), Filters.nin("status", FINAL)),
                Updates.combine(
                    Updates.inc("leadSeq", (long) count),
                    Updates.inc("counters." + Counter.LEADS_TOTAL.name(), (long) count),
                    Updates.inc("counters." + Counter.LEADS_QUEUED.name(), (long) count),
                    Updates.set(
                        OPEN + "." + token, new Document("n", (long) count).append("seen", 0))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return doc == null ? null : Codec.number(doc, "leadSeq");
  }

  /** A sign of life between two chunks; false if the repair voided the insert meanwhile. */
  boolean alive(CampaignId campaign, String token) {
    return db.campaigns()
            .updateOne(
                Filters.and(
                    Filters.eq("_id", campaign.value()), Filters.exists(OPEN + "." + token)),
                Updates.set(OPEN + "." + token + ".seen", 0))
            .getMatchedCount()
        == 1;
  }

  /**
   * Step 3 (or the inserter's own rollback, with {@code unused} = all): takes back the counts of
   * {@code unused} leads and closes the insert; false if the repair voided it meanwhile.
   */
  boolean close(CampaignId campaign, String token, long unused) {
    return db.campaigns()
            .updateOne(
                Filters.and(
                    Filters.eq("_id", campaign.value()), Filters.exists(OPEN + "." + token)),
                Updates.combine(
                    Updates.inc("counters." + Counter.LEADS_TOTAL.name(), -unused),
                    Updates.inc("counters." + Counter.LEADS_QUEUED.name(), -unused),
                    Updates.unset(OPEN + "." + token)))
            .getMatchedCount()
        == 1;
  }

  /** The repair's pass over one campaign (read with {@link #OPEN}): ages or voids its inserts. */
  void repair(Document campaign) {
    Document open = campaign.get(OPEN, new Document());
    String id = campaign.getString("_id");
    for (String token : open.keySet()) {
      Document intent = open.get(token, Document.class);
      long seen = Codec.number(intent, "seen");
      Bson stillSo =
          Filters.and(Filters.eq("_id", id), Filters.eq(OPEN + "." + token + ".seen", seen));
      if (seen < STALE_AFTER) {
        db.campaigns().updateOne(stillSo, Updates.inc(OPEN + "." + token + ".seen", 1));
        continue;
      }
      // a claim that read the campaign before the reservation may have taken one of its leads:
      // that lead stays, and stays counted
      Bson mine = Filters.and(Filters.eq("campaignId", id), Filters.eq(LEAD_FIELD, token));
      long kept =
          db.leads()
              .countDocuments(Filters.and(mine, Filters.ne("state", LeadState.QUEUED.name())));
      long unused = Codec.number(intent, "n") - kept;
      boolean voided =
          db.campaigns()
                  .updateOne(
                      stillSo,
                      Updates.combine(
                          Updates.inc("counters." + Counter.LEADS_TOTAL.name(), -unused),
                          Updates.inc("counters." + Counter.LEADS_QUEUED.name(), -unused),
                          Updates.unset(OPEN + "." + token),
                          Updates.push(VOIDED, token)))
                  .getMatchedCount()
              == 1;
      if (voided) {
        deleteQueued(id, token);
      }
    }
  }

  /** Deletes the leads of an insert rolled back, except any a claim took. */
  void deleteQueued(String campaign, String token) {
    db.leads()
        .deleteMany(
            Filters.and(
                Filters.eq("campaignId", campaign),
                Filters.eq(LEAD_FIELD, token),
                Filters.eq("state", LeadState.QUEUED.name())));
  }
}
