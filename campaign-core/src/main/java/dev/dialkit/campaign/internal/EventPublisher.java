package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns changes into {@link DialkitEvent}s. Progress events are throttled per campaign so that a
 * busy campaign does not flood listeners, but a change inside the interval is published at its end
 * (trailing), so the last change of a burst is never lost; lifecycle events always carry fresh
 * progress.
 */
final class EventPublisher {
  private final ListenerBus bus;
  private final CampaignStore store;
  private final Clock clock;
  private final Duration interval;
  private final TaskScheduler scheduler;
  private final ConcurrentHashMap<CampaignId, Instant> lastProgress = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CampaignId, TenantId> trailing = new ConcurrentHashMap<>();

  EventPublisher(
      ListenerBus bus,
      CampaignStore store,
      Clock clock,
      Duration interval,
      TaskScheduler scheduler) {
    this.bus = bus;
    this.store = store;
    this.clock = clock;
    this.interval = interval;
    this.scheduler = scheduler;
  }

  void callUpdated(Call call, CallStatus previous) {
    bus.publish(new DialkitEvent.CallUpdated(call, previous, clock.instant()));
  }

  void publish(DialkitEvent event) {
    bus.publish(event);
  }

  /** Publishes the campaign's progress unless one was published less than the interval ago. */
  void progressChanged(TenantId tenant, CampaignId id) {
    Instant now = clock.instant();
    boolean[] due = {false};
    lastProgress.compute(
        id,
        (key, last) -> {
          if (last == null || !now.isBefore(last.plus(interval))) {
            due[0] = true;
            return now;
          }
          return last;
        });
    if (due[0]) {
      publishProgress(tenant, id, now);
    } else if (trailing.putIfAbsent(id, tenant) == null) {
      // one trailing publish per campaign and interval, with the counters as they are then
      scheduler.schedule(() -> trailingProgress(id), interval);
    }
  }

  private void trailingProgress(CampaignId id) {
    Instant now = clock.instant();
    Instant last = lastProgress.get(id);
    if (last != null && now.isBefore(last.plus(interval))) {
      // a change published meanwhile: keep the spacing, and still end on the latest counters
      scheduler.schedule(() -> trailingProgress(id), Duration.between(now, last.plus(interval)));
      return;
    }
    TenantId tenant = trailing.remove(id);
    if (tenant == null) {
      return;
    }
    lastProgress.put(id, now);
    try {
      publishProgress(tenant, id, now);
    } catch (RuntimeException e) {
      // the store failed: the next change publishes again; nothing else waits on this event
      org.slf4j.LoggerFactory.getLogger(EventPublisher.class)
          .debug("campaign {}: trailing progress not published", id, e);
    }
  }

  private void publishProgress(TenantId tenant, CampaignId id, Instant now) {
    store
        .findCampaign(tenant, id)
        .ifPresent(c -> bus.publish(new DialkitEvent.ProgressUpdated(progress(c, now), now)));
  }

  /**
   * The campaign's progress for an event: with its disposition counts and conversion rate when it
   * has disposition codes (one indexed query, at most once per interval for progress events), so
   * that a listener sees what {@code campaigns().progress()} shows.
   */
  CampaignProgress progress(Campaign campaign, Instant now) {
    if (campaign.spec().dispositions().codes().isEmpty()) {
      return CampaignProgress.of(campaign, now);
    }
    return CampaignProgress.of(
        campaign, store.dispositionCounts(campaign.tenant(), campaign.id()), now);
  }
}
