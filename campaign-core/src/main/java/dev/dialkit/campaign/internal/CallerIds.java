package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallerIdRotation;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caller-id rotation per campaign: round-robin, or the least recently used number of the pool. Kept
 * in this instance's memory: with several instances each rotates on its own.
 */
final class CallerIds {
  private final Map<CampaignId, AtomicLong> callerIdTurn = new ConcurrentHashMap<>();
  private final Map<CampaignId, Map<PhoneNumber, Long>> callerIdLastUse = new ConcurrentHashMap<>();

  /** The caller id the campaign's rotation picks for its next call. */
  PhoneNumber next(Campaign campaign) {
    List<PhoneNumber> pool = campaign.spec().callerIds();
    if (campaign.spec().callerIdRotation() == CallerIdRotation.LEAST_RECENTLY_USED) {
      Map<PhoneNumber, Long> lastUse =
          callerIdLastUse.computeIfAbsent(campaign.id(), id -> new ConcurrentHashMap<>());
      PhoneNumber best = pool.get(0);
      for (PhoneNumber number : pool) {
        if (lastUse.getOrDefault(number, -1L) < lastUse.getOrDefault(best, -1L)) {
          best = number;
        }
      }
      return best;
    }
    long turn = callerIdTurn.computeIfAbsent(campaign.id(), id -> new AtomicLong()).get();
    return pool.get((int) Math.floorMod(turn, (long) pool.size()));
  }

  /** Notes that {@code from} was used for a call of the campaign. */
  void used(Campaign campaign, PhoneNumber from) {
    callerIdTurn.computeIfAbsent(campaign.id(), id -> new AtomicLong()).incrementAndGet();
    callerIdLastUse
        .computeIfAbsent(campaign.id(), id -> new ConcurrentHashMap<>())
        .put(from, callerIdTurn.get(campaign.id()).get());
  }
}
