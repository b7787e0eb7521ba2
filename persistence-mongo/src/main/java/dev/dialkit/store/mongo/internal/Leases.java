package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * A campaign's dispatching lease, on its document: {@code leaseOwner}, {@code leaseEpoch} (the
 * fencing epoch, kept when the lease is released) and {@code leaseExpiry}. Acquire and renew read
 * the lease, decide as the contract says, and write with a compare-and-set on the three fields as
 * read; the triple never repeats (an acquisition raises the epoch, a release clears the owner), so
 * the compare-and-set cannot be fooled by A-B-A. A lost race reads again.
 */
final class Leases {
  private static final String OWNER = "leaseOwner";
  private static final String EPOCH = "leaseEpoch";
  private static final String EXPIRY = "leaseExpiry";

  private final Collections db;

  Leases(Collections db) {
    this.db = db;
  }

  Optional<Lease> tryLease(
      CampaignId campaign, String owner, long heldEpoch, Instant now, Duration ttl) {
    while (true) {
      Document doc =
          db.campaigns()
              .find(Filters.eq("_id", campaign.value()))
              .projection(Projections.include(OWNER, EPOCH, EXPIRY))
              .first();
      if (doc == null) {
        return Optional.empty();
      }
      String holder = doc.getString(OWNER);
      long epoch = Codec.number(doc, EPOCH);
      Date expiry = doc.getDate(EXPIRY);
      boolean renewal = heldEpoch > 0 && owner.equals(holder) && heldEpoch == epoch;
      boolean free =
          holder == null
              || expiry == null
              || !now.isBefore(expiry.toInstant())
              || owner.equals(holder);
      if (!renewal && !free) {
        return Optional.of(lease(doc));
      }
      Document updated =
          db.campaigns()
              .findOneAndUpdate(
                  Filters.and(
                      Filters.eq("_id", campaign.value()),
                      Filters.eq(OWNER, holder),
                      Filters.eq(EPOCH, doc.get(EPOCH)),
                      Filters.eq(EXPIRY, expiry)),
                  Updates.combine(
                      Updates.set(OWNER, owner),
                      Updates.set(EPOCH, renewal ? epoch : epoch + 1),
                      Updates.set(EXPIRY, Codec.date(now.plus(ttl)))),
                  new FindOneAndUpdateOptions()
                      .projection(Projections.include(OWNER, EPOCH, EXPIRY))
                      .returnDocument(ReturnDocument.AFTER));
      if (updated != null) {
        return Optional.of(lease(updated));
      }
    }
  }

  /** Frees the lease if {@code owner} holds it with {@code epoch}; the epoch stays. */
  void release(CampaignId campaign, String owner, long epoch) {
    db.campaigns()
        .updateOne(
            Filters.and(
                Filters.eq("_id", campaign.value()),
                Filters.eq(OWNER, owner),
                Filters.eq(EPOCH, epoch)),
            Updates.combine(Updates.set(OWNER, null), Updates.set(EXPIRY, null)));
  }

  /**
   * The lease on a campaign document, or {@code null} if nobody holds it. A lease written before
   * epochs existed (no {@code leaseEpoch}) reads as epoch 1; its holder's next acquisition writes
   * one.
   */
  static Lease lease(Document campaign) {
    String owner = campaign.getString(OWNER);
    Date expiry = campaign.getDate(EXPIRY);
    return owner == null || expiry == null
        ? null
        : new Lease(owner, Math.max(1, Codec.number(campaign, EPOCH)), expiry.toInstant());
  }
}
