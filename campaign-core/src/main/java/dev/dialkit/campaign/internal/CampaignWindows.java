package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of a campaign's queued leads may be called now: its calling window checked in each lead's
 * time zone. The zones of a campaign's queued leads are read from the store and kept a few seconds,
 * since they change only with imports and retries (both of which refresh them here).
 */
final class CampaignWindows {
  private static final Duration ZONES_TTL = Duration.ofSeconds(5);

  private record Zones(Set<ZoneId> zones, Instant readAt) {}

  private final CampaignStore store;
  private final ConcurrentHashMap<CampaignId, Zones> cache = new ConcurrentHashMap<>();

  CampaignWindows(CampaignStore store) {
    this.store = store;
  }

  /**
   * The zones whose window is open at {@code now} among the campaign's queued leads, or {@code
   * null} if its window is always open (no restriction).
   */
  Set<ZoneId> openZones(Campaign campaign, Instant now) {
    CallingWindow window = campaign.spec().callingWindow();
    if (window.equals(CallingWindow.always())) {
      return null;
    }
    Set<ZoneId> open = new HashSet<>();
    for (ZoneId zone : queuedZones(campaign, now)) {
      if (window.isOpen(now, zone)) {
        open.add(zone);
      }
    }
    return open;
  }

  /** Whether the campaign has queued leads (as last read). */
  boolean hasQueuedLeads(Campaign campaign, Instant now) {
    return !queuedZones(campaign, now).isEmpty();
  }

  /** The earliest opening after {@code now} over the zones of the campaign's queued leads. */
  Instant nextOpening(Campaign campaign, Instant now) {
    Instant next = null;
    for (ZoneId zone : queuedZones(campaign, now)) {
      Instant opening = campaign.spec().callingWindow().nextOpening(now, zone);
      if (next == null || opening.isBefore(next)) {
        next = opening;
      }
    }
    return next;
  }

  /** Forgets the campaign's zones: leads were added or requeued. */
  void refresh(CampaignId campaign) {
    cache.remove(campaign);
  }

  private Set<ZoneId> queuedZones(Campaign campaign, Instant now) {
    Zones cached = cache.get(campaign.id());
    if (cached == null || !now.isBefore(cached.readAt().plus(ZONES_TTL))) {
      cached = new Zones(store.queuedLeadZones(campaign.tenant(), campaign.id()), now);
      cache.put(campaign.id(), cached);
    }
    return cached.zones();
  }
}
