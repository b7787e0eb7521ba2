package dev.dialkit.campaign.spi;

import java.time.Instant;

/**
 * A campaign's dispatching lease as the store holds it after {@link CampaignStore#tryLease}: who
 * holds it, until when, and its fencing epoch.
 *
 * <p>The epoch grows with every acquisition (never with a renewal), so a takeover makes every older
 * epoch worthless: the store refuses a dial permit asked with an epoch that is not the current one
 * ({@link CampaignStore#requestDialPermit}). An instance that froze while holding the lease wakes
 * with a stale epoch and can send nothing more for the campaign.
 *
 * @param owner the dialer instance holding it
 * @param epoch the fencing epoch, >= 1
 * @param expiry held at every instant before it, expired from it on
 */
public record Lease(String owner, long epoch, Instant expiry) {
  public Lease {
    if (owner == null || expiry == null) {
      throw new IllegalArgumentException("lease owner and expiry are required");
    }
    if (epoch < 1) {
      throw new IllegalArgumentException("lease epoch must be >= 1, was " + epoch);
    }
  }

  /** Whether {@code owner} holds this lease at {@code now}. */
  public boolean isHeldBy(String owner, Instant now) {
    return this.owner.equals(owner) && now.isBefore(expiry);
  }
}
