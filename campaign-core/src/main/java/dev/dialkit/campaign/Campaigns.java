package dev.dialkit.campaign;

import java.util.List;
import java.util.concurrent.CompletionStage;

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
   * Stops new calls; calls in progress finish and are tracked. When it returns, no instance sends
   * another call of the campaign: the pause is stored (every later dial permit is refused), and
   * requests that another instance was handing to the provider at that moment have been handed
   * over. That wait is usually nothing and at most the dialer's {@code permitTimeout} (default 2
   * s).
   *
   * @return the campaign as paused
   * @throws IllegalCampaignStateException if it is not running or scheduled
   */
  Campaign pause(TenantId tenant, CampaignId id);

  /**
   * As {@link #pause}, without blocking: the pause is stored before this returns, and the stage
   * completes once no instance can send another call of the campaign.
   *
   * @throws IllegalCampaignStateException if it is not running or scheduled (thrown, not in the
   *     stage)
   */
  CompletionStage<Campaign> pauseAsync(TenantId tenant, CampaignId id);

  /**
   * Continues a paused campaign from its queue as it stands.
   *
   * @throws IllegalCampaignStateException if it is not paused
   */
  Campaign resume(TenantId tenant, CampaignId id);

  /**
   * Stops the campaign for good. Queued leads are never dialed. When it returns no instance sends
   * another call of the campaign, as for {@link #pause}. With {@code hangUp}, Dialkit then asks the
   * provider to end every call in progress, including calls whose provider id arrives later (while
   * this instance runs); otherwise they finish and are tracked.
   *
   * @throws IllegalCampaignStateException if it is already completed, canceled or failed
   */
  Campaign cancel(TenantId tenant, CampaignId id, boolean hangUp);

  /**
   * As {@link #cancel}, without blocking: the cancel is stored before this returns, and the stage
   * completes once no instance can send another call of the campaign (hang-ups are then asked).
   *
   * @throws IllegalCampaignStateException if it is already completed, canceled or failed (thrown,
   *     not in the stage)
   */
  CompletionStage<Campaign> cancelAsync(TenantId tenant, CampaignId id, boolean hangUp);

  /**
   * The campaign's progress now. Its {@link CampaignProgress#eta() eta} (and {@link
   * CampaignProgress#expectedEnd()}) is the leads queued or in progress divided by the campaign's
   * dial rate as this dialer observes it (see {@link QueuePosition.Basis}); without a rate, the
   * elapsed time scaled by the leads left over the leads finished. Leads queued for later (retries,
   * callbacks) count as if due now, and retries that calls still in progress will cause are not
   * foreseen.
   */
  CampaignProgress progress(TenantId tenant, CampaignId id);
}
