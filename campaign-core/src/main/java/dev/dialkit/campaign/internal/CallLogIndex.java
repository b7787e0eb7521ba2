package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The call log, indexed by campaign and by call within a tenant. Sequences are assigned here, so
 * each list is in sequence order by construction. Not thread-safe: the owning store guards it.
 */
final class CallLogIndex {
  private record CampaignKey(TenantId tenant, CampaignId campaign) {}

  private record CallKey(TenantId tenant, CallId call) {}

  private final Map<CampaignKey, List<CallLogEntry>> byCampaign = new HashMap<>();
  private final Map<CallKey, List<CallLogEntry>> byCall = new HashMap<>();
  private long lastSequence;

  void append(List<CallLogEntry> entries) {
    for (CallLogEntry draft : entries) {
      CallLogEntry entry = draft.withSequence(++lastSequence);
      byCampaign
          .computeIfAbsent(
              new CampaignKey(entry.tenant(), entry.campaignId()), k -> new ArrayList<>())
          .add(entry);
      if (entry.callId() != null) {
        byCall
            .computeIfAbsent(new CallKey(entry.tenant(), entry.callId()), k -> new ArrayList<>())
            .add(entry);
      }
    }
  }

  Page<CallLogEntry> campaignPage(TenantId tenant, CampaignId campaign, PageRequest request) {
    return page(byCampaign.get(new CampaignKey(tenant, campaign)), request);
  }

  Page<CallLogEntry> callPage(TenantId tenant, CallId call, PageRequest request) {
    return page(byCall.get(new CallKey(tenant, call)), request);
  }

  private static Page<CallLogEntry> page(List<CallLogEntry> entries, PageRequest request) {
    if (entries == null) {
      return Pages.empty(request);
    }
    return Pages.page(entries, CallLogEntry::sequence, request, Function.identity());
  }
}
