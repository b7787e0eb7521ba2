package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the calls of campaigns this instance holds that nobody else is taking care of, without
 * waiting for the watchdog's deadline (ring timeout + max call duration + grace). Each pass over a
 * campaign looks at its calls in progress that no live placement of this instance owns:
 *
 * <ul>
 *   <li><b>Unsent</b> (claimed, never permitted): an abandoned claim (its claimer crashed, froze
 *       past its lease, or lost the claim's acknowledgement). Seen so in two passes at least a poll
 *       apart, it is released: slot freed, lead requeued, attempt refunded. Safe: it can no longer
 *       get a permit, since the release changes its version, and a former owner's epoch is refused
 *       anyway. Passes run at once and one poll later after a takeover, then every watchdog round.
 *   <li><b>Awaiting the provider</b> (permitted, no answer recorded): sent by an instance that can
 *       no longer record the answer. Its sender hands the request over within {@code permitTimeout}
 *       of the permit or never, and a request in flight lands within {@code reconcileDelay}; after
 *       both, the provider is asked. A call it does not know never reached it and is released; one
 *       it knows is updated from its answer.
 *   <li><b>Silent</b> since a trigger (this instance took the campaign over or started, or the
 *       store came back after failing): webhooks that arrived while nobody could record them are
 *       lost for good, since providers do not send them again. Each call that has had no news for
 *       {@code recoveryGrace} is asked of the provider once per trigger, so its slot is freed by
 *       what the provider says.
 * </ul>
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final Placements placements;
  private final CallUpdater updater;
  private final StatusQueries queries;
  private final Map<CampaignId, Watch> watches = new ConcurrentHashMap<>();
  private volatile Supplier<Map<CampaignId, TenantId>> held = Map::of;

  /** What recovery remembers of one campaign between passes. */
  private static final class Watch {
    Map<CallId, Instant> unsent = new HashMap<>();
    Map<CallId, Instant> awaiting = new HashMap<>();
    Instant silentBefore;
    Instant passesPlannedUntil;
    final Map<CallId, Instant> asked = new HashMap<>();
  }

  Recovery(
      DialerSettings settings,
      TaskScheduler scheduler,
      Placements placements,
      CallUpdater updater,
      StatusQueries queries) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.placements = placements;
    this.updater = updater;
    this.queries = queries;
  }

  /** Where to find the campaigns this instance holds, for a store recovery. */
  void connect(Supplier<Map<CampaignId, TenantId>> held) {
    this.held = held;
  }

  /** This instance acquired the campaign's lease with a new epoch: a takeover or a start. */
  void acquired(TenantId tenant, CampaignId campaign, Instant now) {
    trigger(tenant, campaign, now);
  }

  /** The store answered again after failing: webhooks answered 5xx meanwhile are lost. */
  void storeRecovered(Instant now) {
    held.get().forEach((campaign, tenant) -> trigger(tenant, campaign, now));
  }

  private void trigger(TenantId tenant, CampaignId campaign, Instant now) {
    Watch watch = watches.computeIfAbsent(campaign, c -> new Watch());
    synchronized (watch) {
      if (Switches.recoverSilentCalls) {
        watch.silentBefore = now;
      }
      if (watch.passesPlannedUntil != null && now.isBefore(watch.passesPlannedUntil)) {
        // passes are already planned: they will look at the new trigger; a store that flaps
        // between failing and answering must not multiply them
        return;
      }
      watch.passesPlannedUntil = now.plus(settings.recoveryGrace());
    }
    // at once; one poll later to release what the first pass saw unsent; once the grace is over
    for (Duration delay :
        List.of(Duration.ZERO, settings.pollInterval(), settings.recoveryGrace())) {
      scheduler.schedule(() -> pass(tenant, campaign), delay);
    }
  }

  private void pass(TenantId tenant, CampaignId campaign) {
    if (!held.get().containsKey(campaign)) {
      return;
    }
    try {
      inspect(campaign, settings.store().findActiveCalls(tenant, campaign));
    } catch (RuntimeException e) {
      log.warn("campaign {}: recovery pass failed; next round retries", campaign, e);
    }
  }

  /** One pass over the calls in progress of a campaign this instance holds. */
  void inspect(CampaignId campaign, List<Call> active) {
    Instant now = settings.clock().instant();
    Watch watch = watches.computeIfAbsent(campaign, c -> new Watch());
    synchronized (watch) {
      Map<CallId, Instant> unsent = new HashMap<>();
      Map<CallId, Instant> awaiting = new HashMap<>();
      boolean silentLeft = false;
      for (Call call : active) {
        if (placements.owns(call.id(), now)) {
          continue;
        }
        if (call.isUnsent()) {
          // seen unowned in an earlier pass at least a poll ago: a claim of this instance is
          // owned within microseconds of its commit, so this one has no live placement
          Instant seen = watch.unsent.get(call.id());
          if (seen != null
              && !now.isBefore(seen.plus(settings.pollInterval()))
              && Switches.releaseAbandonedClaims) {
            releaseAbandoned(call, now);
          } else {
            unsent.put(call.id(), seen == null ? now : seen);
          }
        } else if (call.awaitsProvider()) {
          Instant seen = watch.awaiting.getOrDefault(call.id(), now);
          awaiting.put(call.id(), seen);
          if (!now.isBefore(seen.plus(settings.permitTimeout()).plus(settings.reconcileDelay()))) {
            queries.ask(call, this::settleAwaiting);
          }
        } else if (watch.silentBefore != null && call.updatedAt().isBefore(watch.silentBefore)) {
          if (now.isBefore(call.updatedAt().plus(settings.recoveryGrace()))) {
            silentLeft = true;
          } else if (!watch.silentBefore.equals(watch.asked.get(call.id()))
              && queries.canAsk(call)) {
            watch.asked.put(call.id(), watch.silentBefore);
            queries.ask(call, this::settleSilent);
          }
        }
      }
      watch.unsent = unsent;
      watch.awaiting = awaiting;
      watch.asked.keySet().retainAll(active.stream().map(Call::id).toList());
      if (watch.silentBefore != null && !silentLeft) {
        watch.silentBefore = null;
      }
    }
  }

  private void releaseAbandoned(Call call, Instant now) {
    Call released =
        updater.release(
            call,
            c -> c.isUnsent() && !placements.owns(c.id(), settings.clock().instant()),
            "released unsent: no live placement owns it (its claimer crashed, stalled past its"
                + " lease, or lost the claim's answer)",
            now);
    if (released != null) {
      log.info(
          "call {} of campaign {}: abandoned claim released; lead requeued, attempt refunded",
          call.id(),
          call.campaignId());
    }
  }

  /**
   * Settles a call permitted but unanswered from what its provider says about it: an answer is
   * applied, unless it names a provider call already stored for another call (a provider that finds
   * calls by number may take an earlier attempt's for this one: no conclusion, asked again later);
   * no answer means the create never arrived, and the call is released.
   */
  void settleAwaiting(Call call, Optional<CallStatusUpdate> answer) {
    if (answer.isPresent()) {
      if (belongsToAnother(call, answer.get())) {
        log.warn(
            "call {} of campaign {}: {} answered with call {}, which is another call's; no"
                + " conclusion",
            call.id(),
            call.campaignId(),
            call.provider(),
            answer.get().providerCallId());
        return;
      }
      updater.apply(call, answer.get());
      return;
    }
    Call released =
        updater.release(
            call,
            Call::awaitsProvider,
            call.provider() + " has no such call: its create request never arrived",
            settings.clock().instant());
    if (released != null) {
      log.info(
          "call {} of campaign {}: permitted but never created at {}; lead requeued",
          call.id(),
          call.campaignId(),
          call.provider());
    }
  }

  /** Whether {@code update} is about a provider call another stored call already has. */
  boolean belongsToAnother(Call call, CallStatusUpdate update) {
    // either id may be another call's: an answer found in a provider's queue carries only the
    // request id (Plivo)
    return isAnothers(call, update.providerCallId())
        || isAnothers(call, update.providerRequestId());
  }

  private boolean isAnothers(Call call, String id) {
    return id != null
        && settings
            .store()
            .findCallByProviderId(call.provider(), id)
            .filter(other -> !other.id().equals(call.id()))
            .isPresent();
  }

  private void settleSilent(Call call, Optional<CallStatusUpdate> answer) {
    if (answer.isPresent()) {
      updater.apply(call, answer.get());
    } else {
      log.warn(
          "call {} of campaign {}: {} does not know it; left to its webhooks and the watchdog",
          call.id(),
          call.campaignId(),
          call.provider());
    }
  }
}
