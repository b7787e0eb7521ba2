package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns changes into {@link DialkitEvent}s. Progress events are throttled per campaign so that a
 * busy campaign does not flood listeners; lifecycle events always carry fresh progress.
 */
final class EventPublisher {
  private final ListenerBus bus;
  private final CampaignStore store;
  private final Clock clock;
  private final Duration interval;
  private final ConcurrentHashMap<CampaignId, Instant> lastProgress = new ConcurrentHashMap<>();

  EventPublisher(ListenerBus bus, CampaignStore store, Clock clock, Duration interval) {
    this.bus = bus;
    this.store = store;
    this.clock = clock;
    this.interval = interval;
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
      store
          .findCampaign(tenant, id)
          .ifPresent(c -> bus.publish(new DialkitEvent.ProgressUpdated(progress(c, now), now)));
    }
  }

  CampaignProgress progress(Campaign campaign, Instant now) {
    return CampaignProgress.of(campaign, now);
  }
}
