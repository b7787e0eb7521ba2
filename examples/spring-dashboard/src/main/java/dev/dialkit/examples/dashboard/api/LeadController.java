package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leads: add them as JSON or upload a CSV file (streamed into Dialkit's importer, whatever its
 * size), list a campaign's leads, and tell why the dialer did or did not dial one.
 */
@RestController
class LeadController {
  /** Content types taken as a CSV upload. */
  static final String CSV = "text/csv";

  private final CampaignDialer dialer;

  LeadController(CampaignDialer dialer) {
    this.dialer = dialer;
  }

  @PostMapping(path = "/api/campaigns/{id}/leads", consumes = "application/json")
  ImportResult addJson(TenantId tenant, @PathVariable String id, @RequestBody List<LeadBody> body) {
    return ImportResult.of(
        dialer.leads().add(tenant, ApiIds.campaign(id), LeadBody.toNewLeads(body)));
  }

  /**
   * A CSV file as the request body ({@code Content-Type: text/csv}), UTF-8, header first; national
   * numbers are read in {@code region} (ISO 3166, default {@code US}). Rejected rows are reported,
   * the others added.
   */
  @PostMapping(
      path = "/api/campaigns/{id}/leads",
      consumes = {CSV, "application/csv"})
  ImportResult addCsv(
      TenantId tenant,
      @PathVariable String id,
      @RequestParam(defaultValue = "US") String region,
      HttpServletRequest request)
      throws IOException {
    CsvImportOptions options;
    try {
      options = CsvImportOptions.builder().defaultRegion(region).build();
    } catch (InvalidConfigurationException e) {
      throw new InvalidRequestException("region", e.getMessage());
    }
    try (InputStream csv = request.getInputStream()) {
      return ImportResult.of(dialer.leads().importCsv(tenant, ApiIds.campaign(id), csv, options));
    }
  }

  @GetMapping("/api/campaigns/{id}/leads")
  Page<Lead> list(
      TenantId tenant,
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    var campaign = ApiIds.campaign(id);
    dialer.campaigns().get(tenant, campaign);
    return dialer.leads().list(tenant, campaign, ApiIds.page(page, size, null));
  }

  @GetMapping("/api/leads/{id}")
  Lead get(TenantId tenant, @PathVariable String id) {
    return dialer
        .leads()
        .get(tenant, ApiIds.lead(id))
        .orElseThrow(() -> new NotFoundException("lead", id));
  }

  /** Why the dialer dialed, defers or skipped the lead, as of now. */
  @GetMapping("/api/leads/{id}/decision")
  DialDecision decision(TenantId tenant, @PathVariable String id) {
    return dialer.leads().decision(tenant, ApiIds.lead(id));
  }
}
