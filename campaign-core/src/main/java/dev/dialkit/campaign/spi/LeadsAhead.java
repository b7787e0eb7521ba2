package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The rule of {@link CampaignStore#countLeadsAhead} for one lead, shared by the stores that count
 * in memory, and the default count that pages through a campaign's leads.
 */
public final class LeadsAhead {
  private LeadsAhead() {}

  /**
   * Whether a claim at {@code dueBy} admitting {@code zones} (null: every zone) would take {@code
   * other} before {@code lead}: {@code other} is another queued lead of the same campaign, due by
   * then, in an admitted zone, of higher priority or of equal priority and lower sequence.
   */
  public static boolean isAhead(Lead other, Lead lead, Instant dueBy, Set<ZoneId> zones) {
    return !other.id().equals(lead.id())
        && other.campaignId().equals(lead.campaignId())
        && other.state() == LeadState.QUEUED
        && !other.nextAttemptAt().isAfter(dueBy)
        && (zones == null || zones.contains(other.timeZone()))
        && comesFirst(other.priority(), other.sequence(), lead.priority(), lead.sequence());
  }

  /** The claim order: higher priority first, then lower sequence. */
  public static boolean comesFirst(int priority, long sequence, int thanPriority, long thanSeq) {
    return priority > thanPriority || (priority == thanPriority && sequence < thanSeq);
  }

  /** Checks the arguments every implementation of the count takes. */
  public static void check(Lead lead, Instant dueBy, Set<ZoneId> zones) {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(dueBy, "dueBy");
    if (zones != null && zones.isEmpty()) {
      throw new IllegalArgumentException("zones must be null (every zone) or not empty");
    }
  }

  /** The count by reading every lead of the campaign: the SPI's default, for any store. */
  static long byPaging(CampaignStore store, Lead lead, Instant dueBy, Set<ZoneId> zones) {
    check(lead, dueBy, zones);
    long count = 0;
    long cursor = 0;
    while (true) {
      Page<Lead> page =
          store.listLeads(
              lead.tenant(), lead.campaignId(), PageRequest.after(cursor, PageRequest.MAX_LIMIT));
      if (page.items().isEmpty()) {
        return count;
      }
      for (Lead other : page.items()) {
        if (isAhead(other, lead, dueBy, zones)) {
          count++;
        }
      }
      cursor = page.nextCursor();
    }
  }
}
