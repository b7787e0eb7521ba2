package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimelineEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One call of the caller's tenant, and its timeline (without raw provider payloads). */
@RestController
@RequestMapping("/api/calls")
class CallController {
  private final CampaignDialer dialer;

  CallController(CampaignDialer dialer) {
    this.dialer = dialer;
  }

  @GetMapping("/{id}")
  Call get(TenantId tenant, @PathVariable String id) {
    return find(tenant, id);
  }

  @GetMapping("/{id}/timeline")
  Page<TimelineEntry> timeline(
      TenantId tenant,
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    Call call = find(tenant, id);
    return dialer.callLog().forCall(tenant, call.id(), ApiIds.page(page, size, null));
  }

  private Call find(TenantId tenant, String id) {
    CallId callId = ApiIds.call(id);
    return dialer.calls().get(tenant, callId).orElseThrow(() -> new NotFoundException("call", id));
  }
}
