package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Campaign leases, kept in the campaign row: {@code lease_owner}, {@code lease_expiry} and the
 * fencing {@code lease_epoch}. The epoch grows with every acquisition and is kept when the lease is
 * released, so it never decreases; a held lease always has an epoch >= 1 (V2 gave the leases held
 * before it epoch 1).
 */
public final class LeaseRows {
  private final Tables t;

  public LeaseRows(Tables tables) {
    this.t = tables;
  }

  /**
   * Acquires or renews the lease as {@code CampaignStore.tryLease} says, in one short transaction:
   * lock the campaign row, decide, write. Deciding on the locked row (rather than in an UPDATE's
   * WHERE clause) lets the answer be the lease as stored, the holder's on a denial, without a
   * second read that a release could overtake. It takes no other lock, so it cannot deadlock.
   */
  public Optional<Lease> tryLease(
      Connection c, CampaignId id, String owner, long heldEpoch, Instant now, Instant expiry)
      throws SQLException {
    String holder;
    long epoch;
    Instant until;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT lease_owner, lease_epoch, lease_expiry FROM "
                + t.campaigns
                + " WHERE id = ? FOR UPDATE")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        holder = r.getString("lease_owner");
        epoch = r.getLong("lease_epoch");
        until = Columns.getInstant(r, "lease_expiry");
      }
    }
    boolean renewal = heldEpoch > 0 && owner.equals(holder) && epoch == heldEpoch;
    // free, expired, or the owner's under another epoch (a restarted instance with the same id)
    boolean acquirable =
        holder == null || until == null || !now.isBefore(until) || owner.equals(holder);
    if (!renewal && !acquirable) {
      return Optional.of(holderLease(id, holder, epoch, until));
    }
    long granted = renewal ? epoch : epoch + 1;
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.campaigns
                + " SET lease_owner = ?, lease_epoch = ?, lease_expiry = ? WHERE id = ?")) {
      s.setString(1, owner);
      s.setLong(2, granted);
      Columns.setInstant(s, 3, expiry);
      s.setString(4, id.value());
      s.executeUpdate();
    }
    // as stored: the expiry to the microsecond
    return Optional.of(new Lease(owner, granted, Columns.instant(Columns.micros(expiry))));
  }

  /**
   * Frees the lease if {@code owner} holds it with {@code epoch}; the epoch stays, so the next
   * acquisition gets a greater one.
   */
  public void release(Connection c, CampaignId id, String owner, long epoch) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.campaigns
                + " SET lease_owner = NULL, lease_expiry = NULL"
                + " WHERE id = ? AND lease_owner = ? AND lease_epoch = ?")) {
      s.setString(1, id.value());
      s.setString(2, owner);
      s.setLong(3, epoch);
      s.executeUpdate();
    }
  }

  /**
   * The lease in a campaign row's columns, or null if nobody holds one. A holder without an epoch
   * (a dialer of a Dialkit from before schema version 2, see {@link #holderLease}) holds nothing a
   * permit could present, so it reads as no lease: every permit is refused.
   */
  static Lease stored(ResultSet r) throws SQLException {
    String owner = r.getString("lease_owner");
    long epoch = r.getLong("lease_epoch");
    Instant expiry = Columns.getInstant(r, "lease_expiry");
    return owner == null || expiry == null || epoch < 1 ? null : new Lease(owner, epoch, expiry);
  }

  /** The current holder's lease, for a denial. */
  private static Lease holderLease(CampaignId id, String holder, long epoch, Instant until) {
    if (epoch < 1) {
      // only a dialer of an older Dialkit, still running after the V2 migration, takes a lease
      // without bumping the epoch; it sends without permits, so say so rather than fence around it
      throw new StoreException(
          "the lease of campaign "
              + id
              + " is held by dialer "
              + holder
              + " without a fencing epoch: a dialer of a Dialkit older than schema version 2 is"
              + " still running on this database; stop it (its lease expires at "
              + until
              + ")",
          false);
    }
    return new Lease(holder, epoch, until);
  }
}
