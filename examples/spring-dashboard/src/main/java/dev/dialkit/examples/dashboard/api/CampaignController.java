package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimelineEntry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns of the caller's tenant: create, list, start, pause, resume, cancel, progress, and the
 * campaign's call log and calls in progress. Each operation is one call on {@link CampaignDialer};
 * its typed errors become problem details ({@link ApiProblems}).
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {
  private final CampaignDialer dialer;
  private final Clock clock;

  CampaignController(CampaignDialer dialer) {
    this.dialer = dialer;
    this.clock = Clock.systemUTC();
  }

  @GetMapping
  List<CampaignSummary> list(TenantId tenant) {
    return dialer.campaigns().list(tenant).stream()
        .map(c -> CampaignSummary.of(c, clock.instant()))
        .toList();
  }

  @PostMapping
  ResponseEntity<CampaignSummary> create(TenantId tenant, @RequestBody CreateCampaignRequest body) {
    if (body == null) {
      throw new InvalidRequestException("body", "a campaign is required");
    }
    CampaignId id = dialer.campaigns().create(tenant, body.toSpec());
    Campaign campaign = dialer.campaigns().get(tenant, id);
    return ResponseEntity.created(URI.create("/api/campaigns/" + id.value()))
        .body(CampaignSummary.of(campaign, clock.instant()));
  }

  @GetMapping("/{id}")
  CampaignSummary get(TenantId tenant, @PathVariable String id) {
    return CampaignSummary.of(dialer.campaigns().get(tenant, ApiIds.campaign(id)), clock.instant());
  }

  @PostMapping("/{id}/start")
  CampaignSummary start(TenantId tenant, @PathVariable String id) {
    return CampaignSummary.of(
        dialer.campaigns().start(tenant, ApiIds.campaign(id)), clock.instant());
  }

  /** Returns once no call of the campaign can be sent any more (at most the permit timeout). */
  @PostMapping("/{id}/pause")
  CampaignSummary pause(TenantId tenant, @PathVariable String id) {
    return CampaignSummary.of(
        dialer.campaigns().pause(tenant, ApiIds.campaign(id)), clock.instant());
  }

  @PostMapping("/{id}/resume")
  CampaignSummary resume(TenantId tenant, @PathVariable String id) {
    return CampaignSummary.of(
        dialer.campaigns().resume(tenant, ApiIds.campaign(id)), clock.instant());
  }

  /** With {@code hangUp=true}, the calls in progress are hung up; otherwise they finish. */
  @PostMapping("/{id}/cancel")
  CampaignSummary cancel(
      TenantId tenant,
      @PathVariable String id,
      @RequestParam(defaultValue = "false") boolean hangUp) {
    return CampaignSummary.of(
        dialer.campaigns().cancel(tenant, ApiIds.campaign(id), hangUp), clock.instant());
  }

  @GetMapping("/{id}/progress")
  CampaignProgress progress(TenantId tenant, @PathVariable String id) {
    return dialer.campaigns().progress(tenant, ApiIds.campaign(id));
  }

  /**
   * The campaign's call log, oldest first: page {@code page} of {@code size}, or with {@code after}
   * the entries after that sequence (live tailing).
   */
  @GetMapping("/{id}/log")
  Page<TimelineEntry> log(
      TenantId tenant,
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) Long after) {
    CampaignId campaign = ApiIds.campaign(id);
    dialer.campaigns().get(tenant, campaign); // a campaign the tenant does not have is a 404
    return dialer.callLog().forCampaign(tenant, campaign, ApiIds.page(page, size, after));
  }

  /** The campaign's calls that have not ended. */
  @GetMapping("/{id}/active-calls")
  List<Call> activeCalls(TenantId tenant, @PathVariable String id) {
    CampaignId campaign = ApiIds.campaign(id);
    dialer.campaigns().get(tenant, campaign);
    return dialer.calls().active(tenant, campaign);
  }
}
