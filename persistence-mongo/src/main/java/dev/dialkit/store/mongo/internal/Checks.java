package dev.dialkit.store.mongo.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;

/** Argument checks, with messages that name the bad value (as the in-memory store's). */
final class Checks {
  private Checks() {}

  static void insertable(TenantId tenant, CampaignId campaignId, Lead lead) {
    if (lead == null) {
      throw new IllegalArgumentException("leads must not contain null");
    }
    if (!lead.tenant().equals(tenant) || !lead.campaignId().equals(campaignId)) {
      throw new IllegalArgumentException(
          String.format(
              "lead %s belongs to %s/%s, not %s/%s",
              lead.id(), lead.tenant(), lead.campaignId(), tenant, campaignId));
    }
    if (lead.state() != LeadState.QUEUED) {
      throw new IllegalArgumentException(
          "lead " + lead.id() + " must be QUEUED to be inserted, was " + lead.state());
    }
  }

  static void sameIdentity(Call stored, Call next) {
    if (!stored.campaignId().equals(next.campaignId())
        || !stored.leadId().equals(next.leadId())
        || stored.attempt() != next.attempt()) {
      throw new IllegalArgumentException(
          String.format(
              "transition of call %s must keep its campaign, lead and attempt: stored %s/%s/%d,"
                  + " given %s/%s/%d",
              stored.id(),
              stored.campaignId(),
              stored.leadId(),
              stored.attempt(),
              next.campaignId(),
              next.leadId(),
              next.attempt()));
    }
  }

  static void positive(Duration ttl) {
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("lease ttl must be > 0, was " + ttl);
    }
  }
}
