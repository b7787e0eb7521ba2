package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.util.List;
import java.util.Map;

/**
 * Whose turn it is in a slot-filling pass, and for how many claims: the least busy tenant first,
 * then its least busy campaign, each for the batch that keeps it within one call of the others, as
 * one claim at a time to the least busy would. Functions of the counts the pass keeps; a choice of
 * the least busy also moves it to the back of the pass's list, so that ties take turns.
 */
final class FairTurns {
  private FairTurns() {}

  /**
   * The tenant with the fewest calls in progress, moved to the back of {@code tenants} so that ties
   * rotate.
   */
  static TenantId leastBusy(List<TenantId> tenants, Map<TenantId, Long> active) {
    TenantId best = tenants.get(0);
    for (TenantId t : tenants) {
      if (active.get(t) < active.get(best)) {
        best = t;
      }
    }
    tenants.remove(best);
    tenants.add(best);
    return best;
  }

  /** The same among a tenant's campaigns. */
  static DispatchSlot leastBusy(List<DispatchSlot> slots) {
    DispatchSlot best = slots.get(0);
    for (DispatchSlot s : slots) {
      if (s.active < best.active) {
        best = s;
      }
    }
    slots.remove(best);
    slots.add(best);
    return best;
  }

  /**
   * How many more calls the chosen tenant may get in a row before another tenant of this pass has
   * fewer calls in progress: the batch that keeps tenants within one call of each other, as one
   * claim at a time to the least busy would. Unbounded when the tenant is alone in the pass.
   */
  static int allowance(TenantId tenant, List<TenantId> tenants, Map<TenantId, Long> active) {
    long least =
        tenants.stream()
            .filter(other -> !other.equals(tenant))
            .mapToLong(active::get)
            .min()
            .orElse(Long.MAX_VALUE);
    return allowance(active.get(tenant), least);
  }

  /** The same among the tenant's campaigns of this pass. */
  static int allowance(DispatchSlot chosen, List<DispatchSlot> slots) {
    long least =
        slots.stream()
            .filter(other -> other != chosen)
            .mapToLong(other -> other.active)
            .min()
            .orElse(Long.MAX_VALUE);
    return allowance(chosen.active, least);
  }

  /**
   * The claims that take {@code mine} to one above {@code least}; a full batch if nobody competes.
   */
  static int allowance(long mine, long least) {
    return least == Long.MAX_VALUE
        ? CampaignStore.MAX_CLAIM_BATCH
        : (int) Math.max(1, Math.min(CampaignStore.MAX_CLAIM_BATCH, least - mine + 1));
  }
}
