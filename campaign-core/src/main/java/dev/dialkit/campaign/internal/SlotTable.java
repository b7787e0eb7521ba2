package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.SlotLimits;
import java.util.HashMap;
import java.util.Map;

/**
 * The concurrency slots held, by call, with running counts per tenant and campaign so that a limit
 * check costs no scan. Not thread-safe: the owning store guards it.
 */
final class SlotTable {
  private record Holder(TenantId tenant, CampaignId campaign) {}

  private final Map<CallId, Holder> held = new HashMap<>();
  private final Map<TenantId, Integer> byTenant = new HashMap<>();
  private final Map<CampaignId, Integer> byCampaign = new HashMap<>();

  /** The first limit a new slot would exceed, in the order global, tenant, campaign, or null. */
  Reason fullUnder(TenantId tenant, CampaignId campaign, SlotLimits limits) {
    if (held.size() >= limits.global()) {
      return Reason.GLOBAL_LIMIT;
    }
    if (byTenant(tenant) >= limits.tenant()) {
      return Reason.TENANT_LIMIT;
    }
    if (byCampaign(campaign) >= limits.campaign()) {
      return Reason.CAMPAIGN_LIMIT;
    }
    return null;
  }

  void hold(CallId call, TenantId tenant, CampaignId campaign) {
    if (held.putIfAbsent(call, new Holder(tenant, campaign)) == null) {
      byTenant.merge(tenant, 1, Integer::sum);
      byCampaign.merge(campaign, 1, Integer::sum);
    }
  }

  /** Frees the call's slot; a slot already free stays free. */
  void release(CallId call) {
    Holder holder = held.remove(call);
    if (holder != null) {
      byTenant.merge(holder.tenant(), -1, SlotTable::sumOrRemove);
      byCampaign.merge(holder.campaign(), -1, SlotTable::sumOrRemove);
    }
  }

  /** The calls holding a slot. */
  java.util.Set<CallId> holders() {
    return java.util.Set.copyOf(held.keySet());
  }

  int global() {
    return held.size();
  }

  int byTenant(TenantId tenant) {
    return byTenant.getOrDefault(tenant, 0);
  }

  int byCampaign(CampaignId campaign) {
    return byCampaign.getOrDefault(campaign, 0);
  }

  private static Integer sumOrRemove(int a, int b) {
    int sum = a + b;
    return sum == 0 ? null : sum;
  }
}
