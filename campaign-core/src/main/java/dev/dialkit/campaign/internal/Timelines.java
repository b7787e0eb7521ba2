package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLog;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimelineEntry;
import dev.dialkit.campaign.spi.CampaignStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CallLog}: the store's log pages, each entry joined with its call and lead. */
final class Timelines implements CallLog {
  private final CampaignStore store;

  Timelines(CampaignStore store) {
    this.store = store;
  }

  @Override
  public Page<TimelineEntry> forCampaign(
      TenantId tenant, CampaignId campaign, PageRequest page, boolean withRawPayload) {
    return enrich(tenant, store.campaignLog(tenant, campaign, page), withRawPayload);
  }

  @Override
  public Page<TimelineEntry> forCall(
      TenantId tenant, CallId call, PageRequest page, boolean withRawPayload) {
    return enrich(tenant, store.callLog(tenant, call, page), withRawPayload);
  }

  private Page<TimelineEntry> enrich(TenantId tenant, Page<CallLogEntry> page, boolean raw) {
    // a page names few calls: read each once
    Map<CallId, Optional<Call>> calls = new HashMap<>();
    Map<CallId, Optional<Lead>> leads = new HashMap<>();
    List<TimelineEntry> entries = new ArrayList<>(page.items().size());
    for (CallLogEntry e : page.items()) {
      Call call = null;
      Lead lead = null;
      if (e.callId() != null) {
        call = calls.computeIfAbsent(e.callId(), id -> store.findCall(tenant, id)).orElse(null);
        if (call != null) {
          Call c = call;
          lead =
              leads
                  .computeIfAbsent(e.callId(), id -> store.findLead(tenant, c.leadId()))
                  .orElse(null);
        }
      }
      entries.add(
          new TimelineEntry(
              e.sequence(),
              e.campaignId(),
              e.at(),
              e.event(),
              e.status(),
              e.detail(),
              e.provider(),
              e.callId(),
              call == null ? null : call.from().e164(),
              lead == null ? null : lead.name(),
              call == null ? null : call.to().masked(),
              raw ? e.rawPayload() : null));
    }
    return new Page<>(entries, page.total(), page.nextCursor());
  }
}
