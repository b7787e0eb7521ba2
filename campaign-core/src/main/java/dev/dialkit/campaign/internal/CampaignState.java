package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.LeadId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the in-memory store keeps for one campaign besides its leads and calls themselves.
 * Mutable, and guarded by the store's lock.
 */
final class CampaignState {
  Campaign campaign;

  /** Lead ids in sequence order: the sequence is assigned on append. */
  final List<LeadId> leads = new ArrayList<>();

  /** E.164 numbers of the campaign's leads, for de-duplication. */
  final Set<String> phones = new HashSet<>();

  final LeadQueue queue = new LeadQueue();

  /** Calls not yet terminal, in claim order. */
  final Set<CallId> activeCalls = new LinkedHashSet<>();

  /** Who holds the dispatching lease, or null. */
  String leaseOwner;

  Instant leaseExpiry;

  /** The epoch of the last acquisition; kept when the lease is released. */
  long leaseEpoch;

  long lastLeadSequence;

  CampaignState(Campaign campaign) {
    this.campaign = campaign;
  }

  void addCounters(CounterDelta delta) {
    if (!delta.isEmpty()) {
      campaign = campaign.withCounters(campaign.counters().plus(delta));
    }
  }

  boolean leaseHeldBy(String owner, Instant now) {
    return owner.equals(leaseOwner) && now.isBefore(leaseExpiry);
  }

  /** The lease as stored, or null if nobody holds it. */
  dev.dialkit.campaign.spi.Lease lease() {
    return leaseOwner == null
        ? null
        : new dev.dialkit.campaign.spi.Lease(leaseOwner, leaseEpoch, leaseExpiry);
  }
}
