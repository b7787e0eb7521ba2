package dev.dialkit.campaign;

/** No campaign with this id exists for this tenant (it may exist for another tenant). */
public class CampaignNotFoundException extends DialkitException {
  private final TenantId tenant;
  private final CampaignId campaignId;

  public CampaignNotFoundException(TenantId tenant, CampaignId campaignId) {
    super("campaign " + campaignId + " not found for tenant " + tenant);
    this.tenant = tenant;
    this.campaignId = campaignId;
  }

  public TenantId tenant() {
    return tenant;
  }

  public CampaignId campaignId() {
    return campaignId;
  }
}
