package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.ClaimRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The lead step of a claim, in two writes so that the number can be checked in between: a
 * <b>pick</b> takes the best due lead out of the queue ({@code IN_PROGRESS}, one more attempt and
 * call number, {@code claim: {provider, from, at, token, checking: true}}), and then exactly one of
 * <b>confirm</b> (the claim goes on: {@code checking} and the hold removed), <b>defer</b> (back to
 * the queue at an attempt cap), {@link PassOver skip} (suppressed) or <b>put back</b> (as it was).
 * Each of these is conditional on the pick's token, so only the claim that picked the lead settles
 * it, once.
 *
 * <p>While {@code checking}, the repair does not recreate the claim's call (the number may turn out
 * suppressed or capped): it ages the pick instead and, after {@value #STALE_AFTER} passes, puts the
 * lead back ({@link #putBackIfStale}). A claimer that stalled that long finds its token gone at its
 * next write and leaves the lead alone. No call is ever stored under a pick's call number before
 * the confirmation, so giving the number back is safe.
 */
final class LeadPick {
  /** Repair passes that find a pick still checking before it is put back. */
  static final int STALE_AFTER = 5;

  /** A lead picked by this claim: the document after the pick and the pick's token. */
  record Picked(Document doc, String token) {
    Lead lead() {
      return Codec.lead(doc);
    }

    /** The call number the claim would use: one more than the lead's last call's. */
    int attempt() {
      return (int) Codec.number(doc, "calls");
    }
  }

  private final Collections db;

  LeadPick(Collections db) {
    this.db = db;
  }

  /** Picks the best due lead of the claim's campaign, or null if none is due. */
  Picked pick(ClaimRequest request, List<String> unclaimableInserts) {
    List<Bson> filter = new ArrayList<>();
    filter.add(Filters.eq("campaignId", request.campaignId().value()));
    filter.add(Filters.eq("state", LeadState.QUEUED.name()));
    filter.add(Filters.lte("nextAttemptAt", Codec.date(request.now())));
    filter.add(Filters.eq("tenant", request.tenant().value()));
    if (!unclaimableInserts.isEmpty()) {
      filter.add(Filters.nin(InsertIntents.LEAD_FIELD, unclaimableInserts));
    }
    if (request.zones() != null) {
      filter.add(Filters.in("timeZone", request.zones().stream().map(ZoneId::getId).toList()));
    }
    String token = new ObjectId().toHexString();
    Document doc =
        db.leads()
            .findOneAndUpdate(
                Filters.and(filter),
                Updates.combine(
                    Updates.set("state", LeadState.IN_PROGRESS.name()),
                    Updates.set(
                        "claim",
                        new Document("provider", request.provider())
                            .append("from", request.from().e164())
                            .append("at", Codec.date(request.now()))
                            .append("token", token)
                            .append("checking", true)
                            .append("seen", 0)),
                    Updates.inc("attempts", 1),
                    Updates.inc("calls", 1)),
                new FindOneAndUpdateOptions()
                    .sort(Sorts.orderBy(Sorts.descending("priority"), Sorts.ascending("sequence")))
                    .returnDocument(ReturnDocument.AFTER));
    return doc == null ? null : new Picked(doc, token);
  }

  /**
   * The claim goes on with this lead: from here the repair treats it as any claim (it recreates the
   * call if the claimer dies). The hold is cleared. False if the pick was lost (the repair put the
   * lead back while this claim stalled).
   */
  boolean confirm(Picked picked) {
    return db.leads()
            .updateOne(
                stillPicked(picked.doc().getString("_id"), picked.token()),
                Updates.combine(Updates.unset("claim.checking"), Updates.unset("hold")))
            .getMatchedCount()
        == 1;
  }

  /** Back to the queue, due at {@code allowedAt}, with the cap that holds it; null if lost. */
  Lead defer(Picked picked, LeadHold cap, Instant allowedAt) {
    return release(
        picked.doc().getString("_id"),
        picked.token(),
        List.of(
            Updates.set("nextAttemptAt", Codec.date(allowedAt)), Updates.set("hold", cap.name())));
  }

  /** Back to the queue as it was, the claim given up; null if lost. */
  Lead putBack(Picked picked) {
    return release(picked.doc().getString("_id"), picked.token(), List.of());
  }

  /**
   * The repair's step for a pick still checking: counts one more pass, and puts the lead back once
   * {@value #STALE_AFTER} passes found the same pick.
   */
  void putBackIfStale(Document lead) {
    Document claim = lead.get("claim", Document.class);
    String id = lead.getString("_id");
    String token = claim.getString("token");
    if (Codec.number(claim, "seen") >= STALE_AFTER) {
      release(id, token, List.of());
    } else {
      db.leads().updateOne(stillPicked(id, token), Updates.inc("claim.seen", 1));
    }
  }

  /** A picked lead that is still this pick's and still checking. */
  static Bson stillPicked(String leadId, String token) {
    return Filters.and(
        Filters.eq("_id", leadId),
        Filters.eq("state", LeadState.IN_PROGRESS.name()),
        Filters.eq("claim.token", token),
        Filters.eq("claim.checking", true));
  }

  private Lead release(String leadId, String token, List<Bson> more) {
    List<Bson> update = new ArrayList<>(more);
    update.add(Updates.set("state", LeadState.QUEUED.name()));
    update.add(Updates.unset("claim"));
    // the pick's attempt and call number are given back: no call was stored under that number
    update.add(Updates.inc("attempts", -1));
    update.add(Updates.inc("calls", -1));
    Document after =
        db.leads()
            .findOneAndUpdate(
                stillPicked(leadId, token),
                Updates.combine(update),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return after == null ? null : Codec.lead(after);
  }
}
