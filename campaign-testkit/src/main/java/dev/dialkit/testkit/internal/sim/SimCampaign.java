package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;

/**
 * A campaign of the simulation, and its own concurrency limit ({@code Integer.MAX_VALUE}: none).
 */
public record SimCampaign(TenantId tenant, CampaignId id, int limit) {}
