package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallerIdRotation;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Caller-id rotation per campaign: round-robin, or the least recently used number of the pool, over
 * the numbers that may be used now (rested ones are skipped). Kept in this instance's memory: with
 * several instances each rotates on its own.
 */
final class CallerIds {
  /** Per campaign, the pool index the next round-robin turn starts from. */
  private final Map<CampaignId, AtomicLong> callerIdTurn = new ConcurrentHashMap<>();

  private final Map<CampaignId, Map<PhoneNumber, Long>> callerIdLastUse = new ConcurrentHashMap<>();
  private final AtomicLong uses = new AtomicLong();

  /**
   * The caller id the campaign's rotation picks for its next call among those {@code usable}
   * accepts, or {@code null} if it accepts none.
   */
  PhoneNumber next(Campaign campaign, Predicate<PhoneNumber> usable) {
    List<PhoneNumber> pool = campaign.spec().callerIds();
    if (campaign.spec().callerIdRotation() == CallerIdRotation.LEAST_RECENTLY_USED) {
      Map<PhoneNumber, Long> lastUse =
          callerIdLastUse.computeIfAbsent(campaign.id(), id -> new ConcurrentHashMap<>());
      PhoneNumber best = null;
      for (PhoneNumber number : pool) {
        if (usable.test(number)
            && (best == null
                || lastUse.getOrDefault(number, -1L) < lastUse.getOrDefault(best, -1L))) {
          best = number;
        }
      }
      return best;
    }
    long turn = callerIdTurn.computeIfAbsent(campaign.id(), id -> new AtomicLong()).get();
    for (int k = 0; k < pool.size(); k++) {
      PhoneNumber number = pool.get((int) Math.floorMod(turn + k, (long) pool.size()));
      if (usable.test(number)) {
        return number;
      }
    }
    return null;
  }

  /**
   * The caller ids of the campaign's next {@code n} calls, as {@link #next} and {@link #used} in
   * turn would pick them if every call were placed, without changing the rotation; empty if none is
   * usable. The caller records with {@link #used} the ones its calls did use.
   */
  List<PhoneNumber> nextBatch(Campaign campaign, Predicate<PhoneNumber> usable, int n) {
    List<PhoneNumber> usableNow = campaign.spec().callerIds().stream().filter(usable).toList();
    if (usableNow.isEmpty()) {
      return List.of();
    }
    PhoneNumber first = next(campaign, usable);
    List<PhoneNumber> out = new ArrayList<>(n);
    if (campaign.spec().callerIdRotation() == CallerIdRotation.LEAST_RECENTLY_USED) {
      // least recently used first, then the others in the same order: each use moves one to the
      // back
      Map<PhoneNumber, Long> lastUse = callerIdLastUse.getOrDefault(campaign.id(), Map.of());
      List<PhoneNumber> order = new ArrayList<>(usableNow);
      order.sort(java.util.Comparator.comparing(number -> lastUse.getOrDefault(number, -1L)));
      order.remove(first);
      order.add(0, first);
      for (int i = 0; i < n; i++) {
        out.add(order.get(i % order.size()));
      }
      return out;
    }
    List<PhoneNumber> pool = campaign.spec().callerIds();
    int index = pool.indexOf(first);
    while (out.size() < n) {
      PhoneNumber number = pool.get(index);
      if (usable.test(number)) {
        out.add(number);
      }
      index = (index + 1) % pool.size();
    }
    return out;
  }

  /** Notes that {@code from} was used for a call of the campaign: the next turn starts after it. */
  void used(Campaign campaign, PhoneNumber from) {
    int index = campaign.spec().callerIds().indexOf(from);
    callerIdTurn.computeIfAbsent(campaign.id(), id -> new AtomicLong()).set(index + 1L);
    callerIdLastUse
        .computeIfAbsent(campaign.id(), id -> new ConcurrentHashMap<>())
        .put(from, uses.incrementAndGet());
  }
}
