package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.DialDecision.Reason;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialing executor: an event-driven sliding window. Each wake-up (a campaign started or
 * resumed, a slot freed, leads added, a window opening, the poll) runs one pass that fills every
 * free slot at once; it never waits for a batch to finish. Calls are placed asynchronously, so no
 * thread is held per call in progress.
 *
 * <p>Fairness: when slots are scarce, each claim goes to the tenant with the fewest calls in
 * progress (round-robin among equals), and within a tenant to its campaign with the fewest.
 */
final class DialingExecutor implements CallEndListener {
  private static final Logger log = LoggerFactory.getLogger(DialingExecutor.class);

  /** How long to wait before the next pass after the store failed. */
  static final Duration STORE_FAILURE_BACKOFF = Duration.ofSeconds(1);

  private static final Set<CampaignStatus> DISPATCHED =
      EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.SCHEDULED);

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final CampaignLifecycle lifecycle;
  private final CampaignWindows windows;
  private final ProviderGuards guards;
  private final ProviderChoice providers;
  private final DialDecisions decisions;
  private final AutoPauser autoPauser;
  private final ScheduleGate schedules;
  private final Pacer pacer = new Pacer(this::wakeAt);
  private final CampaignGate gate;
  private final PassClaims claims;
  private CallerIdRests rests;
  private CallPlacer placer;
  private Watchdog watchdog;
  private Leases leases;

  /** Wake-ups not yet served; a pass is scheduled or running while it is above zero. */
  private final AtomicInteger wakeups = new AtomicInteger();

  private final CallerIds callerIds = new CallerIds();
  private final AtomicReference<Instant> timedWake = new AtomicReference<>();
  private volatile boolean running;
  private volatile TaskScheduler.Cancellable poll;
  private volatile TaskScheduler.Cancellable watchdogTask;
  private volatile TaskScheduler.Cancellable heartbeatTask;
  private long rotation;

  DialingExecutor(
      DialerSettings settings,
      TaskScheduler scheduler,
      CampaignLifecycle lifecycle,
      CampaignWindows windows,
      ProviderGuards guards,
      DialDecisions decisions) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.lifecycle = lifecycle;
    this.windows = windows;
    this.guards = guards;
    this.providers = new ProviderChoice(settings, guards);
    this.decisions = decisions;
    this.autoPauser = new AutoPauser(lifecycle);
    this.schedules = new ScheduleGate(settings.store(), lifecycle, decisions, this::wakeAt);
    this.gate =
        new CampaignGate(
            providers,
            schedules,
            windows,
            lifecycle,
            guards,
            decisions,
            this::holdsLease,
            () -> rests,
            this::wakeAt);
    // a lambda, not leases::epoch: the leases are wired later, in connect()
    this.claims = new PassClaims(settings, callerIds, campaign -> leases.epoch(campaign));
  }

  /** Completes the wiring: the placer and the watchdog need the updater, which needs this. */
  void connect(CallPlacer placer, Watchdog watchdog, Leases leases, CallerIdRests rests) {
    this.placer = placer;
    this.watchdog = watchdog;
    this.leases = leases;
    this.rests = rests;
  }

  boolean isRunning() {
    return running;
  }

  void start() {
    if (running) {
      return;
    }
    running = true;
    log.info("dialer {} started", settings.instanceId());
    heartbeat();
    heartbeatTask = repeat(this::heartbeat, settings.heartbeatInterval());
    poll = repeat(this::wake, settings.pollInterval());
    watchdogTask = repeat(this::watch, settings.watchdogInterval());
    wake();
  }

  /** Stops and gives the campaigns up: {@link #halt()}, then {@link #release()}. */
  void stop() {
    halt();
    release();
  }

  /** Claims nothing more: no new pass starts, the periodic tasks are cancelled. */
  void halt() {
    running = false;
    for (TaskScheduler.Cancellable task :
        new TaskScheduler.Cancellable[] {poll, watchdogTask, heartbeatTask}) {
      if (task != null) {
        task.cancel();
      }
    }
  }

  /** Releases this instance's leases and leaves the instance registry, so others take over now. */
  void release() {
    leases.releaseAll();
    try {
      settings.store().deregister(settings.instanceId());
    } catch (RuntimeException e) {
      log.warn("dialer {} could not deregister; it will time out", settings.instanceId(), e);
    }
    log.info("dialer {} stopped", settings.instanceId());
  }

  /** Asks for a pass soon. Cheap and safe from any thread; wake-ups during a pass coalesce. */
  void wake() {
    if (running && wakeups.getAndIncrement() == 0) {
      scheduler.execute(this::drain);
    }
  }

  /** Leads were added to a campaign. */
  void leadsAdded(CampaignId campaign) {
    windows.refresh(campaign);
    wake();
  }

  @Override
  public void callEnded(Campaign campaign, Call call, LeadOutcome outcome) {
    if (outcome != null && outcome.state() == LeadState.QUEUED) {
      windows.refresh(call.campaignId());
    }
    if (campaign != null) {
      autoPauser.callEnded(campaign, call);
    }
    rests.callEnded(call);
    pacer.callEnded(call);
    wake();
  }

  private TaskScheduler.Cancellable repeat(Runnable task, Duration every) {
    TaskScheduler.Cancellable[] current = new TaskScheduler.Cancellable[1];
    Runnable[] loop = new Runnable[1];
    loop[0] =
        () -> {
          if (!running) {
            return;
          }
          try {
            task.run();
          } finally {
            current[0] = scheduler.schedule(loop[0], every);
          }
        };
    current[0] = scheduler.schedule(loop[0], every);
    return () -> current[0].cancel();
  }

  /** Wakes the executor at {@code at}, unless an earlier timed wake is already pending. */
  void wakeAt(Instant at) {
    Instant now = settings.clock().instant();
    Instant pending = timedWake.get();
    if (pending != null && pending.isAfter(now) && !pending.isAfter(at)) {
      return;
    }
    timedWake.set(at);
    scheduler.schedule(this::wake, Duration.between(now, at.isAfter(now) ? at : now));
  }

  /** Tells the store this instance is alive and renews the leases it still needs. */
  private void heartbeat() {
    Instant now = settings.clock().instant();
    try {
      settings.store().heartbeat(settings.instanceId(), now);
      leases.renew(now);
    } catch (RuntimeException e) {
      log.warn(
          "dialer {}: heartbeat failed; retrying in {}",
          settings.instanceId(),
          settings.heartbeatInterval(),
          e);
    }
  }

  private void watch() {
    try {
      watchdog.run();
    } catch (RuntimeException e) {
      log.warn(
          "dialer {}: watchdog round failed; next round in {}",
          settings.instanceId(),
          settings.watchdogInterval(),
          e);
    }
  }

  private void drain() {
    int seen;
    do {
      seen = wakeups.get();
      if (!running) {
        wakeups.set(0);
        return;
      }
      try {
        fill();
      } catch (StoreException e) {
        log.warn(
            "dialer {}: store failed during a pass; retrying in {}",
            settings.instanceId(),
            STORE_FAILURE_BACKOFF,
            e);
        scheduler.schedule(this::wake, STORE_FAILURE_BACKOFF);
      } catch (RuntimeException e) {
        log.error(
            "dialer {}: pass failed; retrying in {}",
            settings.instanceId(),
            STORE_FAILURE_BACKOFF,
            e);
        scheduler.schedule(this::wake, STORE_FAILURE_BACKOFF);
      }
    } while (!wakeups.compareAndSet(seen, 0));
  }

  /** One pass: claim and place until every limit binds or no lead is due. */
  private void fill() {
    Instant now = settings.clock().instant();
    Map<TenantId, List<DispatchSlot>> byTenant = new LinkedHashMap<>();
    for (Campaign campaign : settings.store().findCampaignsByStatus(DISPATCHED)) {
      DispatchSlot slot = gate.dispatchable(campaign, now);
      if (slot != null) {
        byTenant.computeIfAbsent(campaign.tenant(), t -> new ArrayList<>()).add(slot);
      }
    }
    if (byTenant.isEmpty()) {
      return;
    }
    List<TenantId> tenants = new ArrayList<>(byTenant.keySet());
    // rotate the starting point so that ties are broken round-robin across passes
    Collections.rotate(tenants, (int) (rotation++ % tenants.size()));
    Map<TenantId, Long> tenantActive = new HashMap<>();
    byTenant.forEach(
        (t, slots) -> tenantActive.put(t, slots.stream().mapToLong(s -> s.active).sum()));

    while (!tenants.isEmpty() && running) {
      TenantId tenant = FairTurns.leastBusy(tenants, tenantActive);
      List<DispatchSlot> slots = byTenant.get(tenant);
      DispatchSlot slot = FairTurns.leastBusy(slots);
      String provider = slot.provider.name();
      if (!guards.hasPermit(provider)) {
        // the calls-per-second limit binds: nothing more through this provider until refreshed
        for (List<DispatchSlot> all : byTenant.values()) {
          all.stream()
              .filter(s -> s.provider.name().equals(provider))
              .forEach(s -> defer(s, Reason.RATE_LIMIT, now));
          all.removeIf(s -> s.provider.name().equals(provider));
        }
        tenants.removeIf(t -> byTenant.get(t).isEmpty());
        wakeAt(now.plus(guards.refreshPeriod(provider)));
        continue;
      }
      int size =
          Math.min(
              guards.availablePermits(provider),
              Math.min(
                  FairTurns.allowance(tenant, tenants, tenantActive),
                  FairTurns.allowance(slot, slots)));
      size = pacer.allowance(slot.campaign, slot.zones, slot.active, size, now);
      if (size == 0) {
        // its pacing holds the next call back: a timed wake or a call's end brings it back
        decisions.deferred(slot.campaign.id(), Reason.PACED, "pacing holds the next call", now);
        slots.remove(slot);
        if (slots.isEmpty()) {
          tenants.remove(tenant);
        }
        continue;
      }
      List<PhoneNumber> from =
          callerIds.nextBatch(slot.campaign, n -> rests.usable(tenant, n, now), size);
      if (from.isEmpty()) {
        // rested during this pass: the campaign waits from the next one
        slots.remove(slot);
        if (slots.isEmpty()) {
          tenants.remove(tenant);
        }
        continue;
      }
      long claimNanos = System.nanoTime();
      BatchClaimResult result = claims.claim(slot, now, from);
      pacer.claimed(slot.campaign, slot.zones, result.claimed().size(), now);
      lifecycle.passedOver(result.passedOver());
      for (ClaimResult.Claimed claimed : result.claimed()) {
        placeClaimed(slot, tenant, tenantActive, claimed, claimNanos);
      }
      if (result.stoppedBy() == null) {
        continue; // it claimed all it asked for: the campaign may have more
      }
      ClaimResult.Reason reason = result.stoppedBy();
      log.trace(
          "campaign {}: claimed {}, stopped by {}",
          slot.campaign.id(),
          result.claimed().size(),
          reason);
      switch (reason) {
        case GLOBAL_LIMIT -> {
          byTenant.values().forEach(all -> all.forEach(s -> defer(s, Reason.GLOBAL_LIMIT, now)));
          return;
        }
        case TENANT_LIMIT -> {
          slots.forEach(s -> defer(s, Reason.TENANT_LIMIT, now));
          slots.clear();
        }
        case CAMPAIGN_LIMIT -> {
          defer(slot, Reason.CAMPAIGN_LIMIT, now);
          slots.remove(slot);
        }
        case NO_DUE_LEAD -> {
          if (!result.passedOver().isEmpty()) {
            // the store stopped after passing over its most leads: more may be due. Each such
            // claim takes leads out of the due set, so asking again ends
            continue;
          }
          slots.remove(slot);
          if (result.isEmpty()) {
            lifecycle.completeIfDone(slot.campaign.tenant(), slot.campaign.id());
          }
        }
        default -> slots.remove(slot);
      }
      if (slots.isEmpty()) {
        tenants.remove(tenant);
      }
    }
  }

  private void defer(DispatchSlot slot, Reason reason, Instant now) {
    decisions.deferred(
        slot.campaign.id(),
        reason,
        reason.name().toLowerCase().replace('_', ' ') + " reached",
        now);
  }

  /** Hands a claimed call to placing, and counts it in this pass. */
  private void placeClaimed(
      DispatchSlot slot,
      TenantId tenant,
      Map<TenantId, Long> tenantActive,
      ClaimResult.Claimed claimed,
      long claimNanos) {
    String provider = slot.provider.name();
    String primary = providers.own(slot.campaign);
    if (!provider.equals(primary)) {
      decisions.failedOver(slot.campaign.id(), primary, provider);
      log.info(
          "campaign {}: call {} goes through {}: {} is down",
          slot.campaign.id(),
          claimed.call().id(),
          provider,
          primary);
    }
    slot.active++;
    tenantActive.merge(tenant, 1L, Long::sum);
    decisions.claimed(slot.campaign.id());
    settings
        .observers()
        .callPlaced(
            new DialerObserver.Placed(tenant, slot.campaign.id(), claimed.call().id(), provider));
    placer.place(slot.campaign, claimed.lead(), claimed.call(), claimNanos);
  }

  /** Whether this instance holds (or could take) the lease on dispatching {@code campaign}. */
  boolean holdsLease(Campaign campaign, Instant now) {
    return leases.holds(campaign, now);
  }
}
