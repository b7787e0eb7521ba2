package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.util.EnumSet;

/**
 * The argument checks the {@link CampaignStore} contract asks of every store, with messages that
 * name the bad value; each throws {@link IllegalArgumentException}. Stores call them so that all of
 * them refuse the same input the same way.
 */
public final class StoreArguments {
  private StoreArguments() {}

  /** A lead given to {@code insertLeads} must be of that tenant and campaign, and queued. */
  public static void insertable(TenantId tenant, CampaignId campaignId, Lead lead) {
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

  /** A transition may not change a call's campaign, lead or attempt. */
  public static void sameIdentity(Call stored, Call next) {
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

  /**
   * A campaign that has finished takes no more leads.
   *
   * @throws IllegalCampaignStateException if {@code campaign} is {@code COMPLETED}, {@code
   *     CANCELED} or {@code FAILED}
   */
  public static void acceptsLeads(Campaign campaign) {
    if (campaign.status().isFinal()) {
      throw new IllegalCampaignStateException(
          campaign.id(),
          "add leads to",
          campaign.status(),
          EnumSet.complementOf(
              EnumSet.of(
                  CampaignStatus.COMPLETED, CampaignStatus.CANCELED, CampaignStatus.FAILED)));
    }
  }

  /** A held lease epoch is 0 (none) or positive. */
  public static void epoch(long heldEpoch) {
    if (heldEpoch < 0) {
      throw new IllegalArgumentException("heldEpoch must be >= 0, was " + heldEpoch);
    }
  }

  /** A lease or timeout must be positive. */
  public static void positive(Duration ttl) {
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("lease ttl must be > 0, was " + ttl);
    }
  }

  /**
   * Checks the numbers of a {@link CampaignStore#findSuppressions} lookup: not null, no null, at
   * most {@link CampaignStore#MAX_SUPPRESSION_LOOKUP}.
   */
  public static void checkLookup(java.util.Collection<dev.dialkit.campaign.PhoneNumber> phones) {
    if (phones == null || phones.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("the numbers to look up must not be or hold null");
    }
    if (phones.size() > CampaignStore.MAX_SUPPRESSION_LOOKUP) {
      throw new IllegalArgumentException(
          "at most "
              + CampaignStore.MAX_SUPPRESSION_LOOKUP
              + " numbers a lookup, got "
              + phones.size());
    }
  }

  /** Checks a page request for a list that pages by offset only: no cursor. */
  public static void checkOffsetPage(dev.dialkit.campaign.PageRequest page) {
    if (page == null || page.afterSequence() != 0) {
      throw new IllegalArgumentException(
          "this list pages by offset (PageRequest.of), not by cursor");
    }
  }
}
