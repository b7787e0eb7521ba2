package dev.dialkit.campaign;

import java.util.List;

/** Creates campaigns and moves them through their life. Every call is scoped by tenant. */
public interface Campaigns {
  /** Creates a campaign in {@link CampaignStatus#DRAFT}. */
  CampaignId create(TenantId tenant, CampaignSpec spec);

  /**
   * The campaign.
   *
   * @throws CampaignNotFoundException if the tenant has no such campaign
   */
  Campaign get(TenantId tenant, CampaignId id);

  /** The tenant's campaigns, oldest first. */
  List<Campaign> list(TenantId tenant);

  /**
   * Starts dialing a {@link CampaignStatus#DRAFT} campaign.
   *
   * @throws IllegalCampaignStateException if it is not a draft
   */
  Campaign start(TenantId tenant, CampaignId id);

  /**
   * Stops new calls; calls in progress finish and are tracked.
   *
   * @throws IllegalCampaignStateException if it is not running or scheduled
   */
  Campaign pause(TenantId tenant, CampaignId id);

  /**
   * Continues a paused campaign from its queue as it stands.
   *
   * @throws IllegalCampaignStateException if it is not paused
   */
  Campaign resume(TenantId tenant, CampaignId id);

  /**
   * Stops the campaign for good. Queued leads are never dialed. With {@code hangUp}, Dialkit asks
   * the provider to end every call in progress; otherwise they finish and are tracked.
   *
   * @throws IllegalCampaignStateException if it is already completed, canceled or failed
   */
  Campaign cancel(TenantId tenant, CampaignId id, boolean hangUp);

  /** The campaign's progress now. */
  CampaignProgress progress(TenantId tenant, CampaignId id);
}
