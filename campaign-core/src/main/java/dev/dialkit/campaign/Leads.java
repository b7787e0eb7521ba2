package dev.dialkit.campaign;

import java.util.List;

/** Adds leads to campaigns and reads them back. */
public interface Leads {
  /**
   * Adds leads to a campaign that is not final. A number already in the campaign, or repeated in
   * {@code leads}, is not added again and is reported as a duplicate; the others are all added.
   *
   * @throws CampaignNotFoundException if the tenant has no such campaign
   * @throws IllegalCampaignStateException if the campaign is completed, canceled or failed
   */
  ImportReport add(TenantId tenant, CampaignId campaign, List<NewLead> leads);

  /** A page of the campaign's leads in insertion order. */
  Page<Lead> list(TenantId tenant, CampaignId campaign, PageRequest page);
}
