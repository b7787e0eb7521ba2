package dev.dialkit.micrometer;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import io.micrometer.core.instrument.Tags;

/** The tenant and campaign tags of a meter, each with its bounded set of values. */
final class Scopes {
  private final MeterNames names;
  private final TagLimiter tenants;
  private final TagLimiter campaigns;

  Scopes(MeterNames names, int maxTenantTags, int maxCampaignTags) {
    this.names = names;
    this.tenants = new TagLimiter(maxTenantTags);
    this.campaigns = new TagLimiter(maxCampaignTags);
  }

  Tags of(TenantId tenant, CampaignId campaign) {
    return Tags.of(
        names.tenant(),
        tenants.tag(tenant.value()),
        names.campaign(),
        campaigns.tag(campaign.value()));
  }
}
