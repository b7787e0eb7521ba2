package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignNotFoundException;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.InvalidLeadException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.Leads;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.LeadInsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** {@link Leads}: adds leads to campaigns in one store operation per call. */
final class LeadService implements Leads {
  private final CampaignStore store;
  private final Clock clock;
  private final Runnable wake;

  LeadService(CampaignStore store, Clock clock, Runnable wake) {
    this.store = store;
    this.clock = clock;
    this.wake = wake;
  }

  @Override
  public ImportReport add(TenantId tenant, CampaignId campaignId, List<NewLead> leads) {
    Campaign campaign =
        store
            .findCampaign(tenant, campaignId)
            .orElseThrow(() -> new CampaignNotFoundException(tenant, campaignId));
    if (campaign.status().isFinal()) {
      throw new IllegalCampaignStateException(
          campaignId,
          "add leads to",
          campaign.status(),
          EnumSet.complementOf(
              EnumSet.of(
                  CampaignStatus.COMPLETED, CampaignStatus.CANCELED, CampaignStatus.FAILED)));
    }
    Instant now = clock.instant();
    List<Lead> queued = new ArrayList<>(leads.size());
    for (int i = 0; i < leads.size(); i++) {
      NewLead lead = leads.get(i);
      if (lead == null) {
        // validate the whole input before storing any of it
        throw new InvalidLeadException(i + 1, "lead", "must not be null");
      }
      queued.add(Lead.queued(LeadId.random(), tenant, campaignId, lead, now));
    }
    LeadInsertResult result = store.insertLeads(tenant, campaignId, queued);
    wake.run();
    return new ImportReport(result.inserted().size(), result.duplicates());
  }

  @Override
  public Page<Lead> list(TenantId tenant, CampaignId campaign, PageRequest page) {
    return store.listLeads(tenant, campaign, page);
  }
}
