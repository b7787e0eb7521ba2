package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * A request to claim the next due lead of a campaign and a concurrency slot for calling it.
 *
 * @param tenant the campaign's tenant
 * @param campaignId the campaign
 * @param owner the id of the dialer instance claiming; it must hold the campaign's lease
 * @param now the claim time: only leads due at or before it qualify
 * @param limits the limits the slot must respect
 * @param provider the provider's name, recorded on the new call
 * @param from the caller id, recorded on the new call
 * @param zones only leads whose time zone is in this set qualify (their calling window is open
 *     now); {@code null} for no restriction. An empty set qualifies no lead.
 * @param caps how often one number may be called across the tenant's campaigns ({@link
 *     AttemptCaps#NONE} for no cap); checked inside the claim, see {@link CampaignStore#claimNext}
 */
public record ClaimRequest(
    TenantId tenant,
    CampaignId campaignId,
    String owner,
    Instant now,
    SlotLimits limits,
    String provider,
    PhoneNumber from,
    Set<ZoneId> zones,
    AttemptCaps caps) {
  public ClaimRequest {
    if (tenant == null || campaignId == null || owner == null || now == null || limits == null) {
      throw new IllegalArgumentException(
          "claim tenant, campaign, owner, now and limits are required");
    }
    if (provider == null || from == null) {
      throw new IllegalArgumentException("claim provider and from are required");
    }
    zones = zones == null ? null : Set.copyOf(zones);
    caps = caps == null ? AttemptCaps.NONE : caps;
  }

  /** A request with no attempt cap. */
  public ClaimRequest(
      TenantId tenant,
      CampaignId campaignId,
      String owner,
      Instant now,
      SlotLimits limits,
      String provider,
      PhoneNumber from,
      Set<ZoneId> zones) {
    this(tenant, campaignId, owner, now, limits, provider, from, zones, AttemptCaps.NONE);
  }
}
