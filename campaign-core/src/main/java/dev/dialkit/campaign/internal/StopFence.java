package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Makes "paused" and "canceled" mean that no request leaves any instance afterwards. Once the
 * campaign's new status is stored, the store refuses every further dial permit; what remains are
 * permits granted just before, whose requests may still be on their way to the provider on some
 * instance. Each is handed over within {@code permitTimeout} of its permit or never (the sender
 * checks), so the fence waits until every such call is answered, released or known to be handed
 * over, or until {@code permitTimeout} has passed since the status was stored. Nothing to wait for
 * is the common case, and then the fence is passed at once.
 */
final class StopFence {
  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final Placements placements;

  StopFence(DialerSettings settings, TaskScheduler scheduler, Placements placements) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.placements = placements;
  }

  /** Completes once no permit of the campaign granted before this call can still be used. */
  CompletableFuture<Void> passed(TenantId tenant, CampaignId campaign) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!Switches.fenceStops) {
      done.complete(null);
      return done;
    }
    Instant until = settings.clock().instant().plus(settings.permitTimeout());
    Set<CallId> waiting = inFlight(tenant, campaign);
    check(tenant, campaign, waiting, until, done);
    return done;
  }

  private void check(
      TenantId tenant,
      CampaignId campaign,
      Set<CallId> waiting,
      Instant until,
      CompletableFuture<Void> done) {
    if (!waiting.isEmpty()) {
      try {
        waiting.retainAll(inFlight(tenant, campaign));
      } catch (RuntimeException e) {
        // the store failed: the time bound alone still holds
      }
    }
    if (waiting.isEmpty() || !settings.clock().instant().isBefore(until)) {
      done.complete(null);
      return;
    }
    scheduler.schedule(() -> check(tenant, campaign, waiting, until, done), poll());
  }

  /** Calls permitted and not yet answered, except those this instance knows it handed over. */
  private Set<CallId> inFlight(TenantId tenant, CampaignId campaign) {
    return settings.store().findActiveCalls(tenant, campaign).stream()
        .filter(Call::awaitsProvider)
        .map(Call::id)
        .filter(id -> placements.stage(id) != Placements.Stage.HANDED_OFF)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private Duration poll() {
    Duration tenth = settings.permitTimeout().dividedBy(10);
    Duration max = Duration.ofMillis(50);
    return tenth.compareTo(max) < 0 ? tenth : max;
  }
}
