package dev.dialkit.testkit;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, from the claimers' side, the slots held at once and the most ever held. A claimer counts
 * a slot only after the store granted it and uncounts it before asking the store to free it, so
 * these counts never exceed what the store holds.
 */
final class HeldSlots {
  private final AtomicInteger global = new AtomicInteger();
  private final Map<TenantId, AtomicInteger> tenants = new ConcurrentHashMap<>();
  private final Map<CampaignId, AtomicInteger> campaigns = new ConcurrentHashMap<>();
  private final AtomicInteger maxGlobal = new AtomicInteger();
  private final AtomicInteger maxTenant = new AtomicInteger();
  private final AtomicInteger maxCampaign = new AtomicInteger();

  void acquired(Call call) {
    maxGlobal.accumulateAndGet(global.incrementAndGet(), Math::max);
    maxTenant.accumulateAndGet(counter(tenants, call.tenant()).incrementAndGet(), Math::max);
    maxCampaign.accumulateAndGet(
        counter(campaigns, call.campaignId()).incrementAndGet(), Math::max);
  }

  void released(Call call) {
    global.decrementAndGet();
    counter(tenants, call.tenant()).decrementAndGet();
    counter(campaigns, call.campaignId()).decrementAndGet();
  }

  int maxGlobal() {
    return maxGlobal.get();
  }

  int maxTenant() {
    return maxTenant.get();
  }

  int maxCampaign() {
    return maxCampaign.get();
  }

  private static <K> AtomicInteger counter(Map<K, AtomicInteger> counters, K key) {
    return counters.computeIfAbsent(key, k -> new AtomicInteger());
  }
}
