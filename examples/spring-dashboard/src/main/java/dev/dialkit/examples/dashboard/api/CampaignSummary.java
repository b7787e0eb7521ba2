package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import java.time.Instant;

/** A campaign as the dashboard lists it: what it is and how far it got. */
public record CampaignSummary(
    CampaignId id,
    String name,
    CampaignStatus status,
    String provider,
    Integer maxConcurrentCalls,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    CampaignProgress progress) {

  static CampaignSummary of(Campaign campaign, Instant now) {
    return new CampaignSummary(
        campaign.id(),
        campaign.spec().name(),
        campaign.status(),
        campaign.spec().provider(),
        campaign.spec().maxConcurrentCalls(),
        campaign.createdAt(),
        campaign.startedAt(),
        campaign.endedAt(),
        CampaignProgress.of(campaign, now));
  }
}
