package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialing executor: an event-driven sliding window. Each wake-up (a campaign started or
 * resumed, a slot freed, leads added, the poll) runs one pass that fills every free slot at once;
 * it never waits for a batch to finish. Calls are placed asynchronously, so no thread is held per
 * call in progress.
 *
 * <p>Fairness: when slots are scarce, each claim goes to the tenant with the fewest calls in
 * progress (round-robin among equals), and within a tenant to its campaign with the fewest.
 */
final class DialingExecutor {
  private static final Logger log = LoggerFactory.getLogger(DialingExecutor.class);

  /** How long a lead waits after the provider refused the call for a transient reason. */
  static final Duration PLACE_RETRY_BACKOFF = Duration.ofSeconds(5);

  /** How long to wait before the next pass after the store failed. */
  static final Duration STORE_FAILURE_BACKOFF = Duration.ofSeconds(1);

  private final DialerSettings settings;
  private final CallUpdater updater;
  private final EventPublisher events;
  private final CampaignLifecycle lifecycle;
  private final TaskScheduler scheduler;

  /** Wake-ups not yet served; a pass is scheduled or running while it is above zero. */
  private final AtomicInteger wakeups = new AtomicInteger();

  private final Map<CampaignId, Instant> leaseExpiry = new ConcurrentHashMap<>();
  private final Map<CampaignId, Integer> callerIdCursor = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile TaskScheduler.Cancellable poll;
  private long rotation;

  DialingExecutor(
      DialerSettings settings,
      TaskScheduler scheduler,
      CallUpdater updater,
      EventPublisher events,
      CampaignLifecycle lifecycle) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.updater = updater;
    this.events = events;
    this.lifecycle = lifecycle;
  }

  void start() {
    if (running) {
      return;
    }
    running = true;
    log.info("dialer {} started", settings.instanceId());
    schedulePoll();
    wake();
  }

  void stop() {
    running = false;
    TaskScheduler.Cancellable p = poll;
    if (p != null) {
      p.cancel();
    }
    for (CampaignId id : leaseExpiry.keySet()) {
      try {
        settings.store().releaseLease(id, settings.instanceId());
      } catch (RuntimeException e) {
        log.warn("dialer {} could not release lease of campaign {}", settings.instanceId(), id, e);
      }
    }
    leaseExpiry.clear();
    log.info("dialer {} stopped", settings.instanceId());
  }

  /** Asks for a pass soon. Cheap and safe from any thread; wake-ups during a pass coalesce. */
  void wake() {
    if (running && wakeups.getAndIncrement() == 0) {
      scheduler.execute(this::drain);
    }
  }

  private void schedulePoll() {
    if (running) {
      poll =
          scheduler.schedule(
              () -> {
                wake();
                schedulePoll();
              },
              settings.pollInterval());
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
    List<Campaign> campaigns =
        settings.store().findCampaignsByStatus(EnumSet.of(CampaignStatus.RUNNING));
    if (campaigns.isEmpty()) {
      return;
    }
    Map<TenantId, List<Slot>> byTenant = new LinkedHashMap<>();
    for (Campaign campaign : campaigns) {
      byTenant
          .computeIfAbsent(campaign.tenant(), t -> new ArrayList<>())
          .add(new Slot(campaign, campaign.counters().get(Counter.LEADS_IN_PROGRESS)));
    }
    List<TenantId> tenants = new ArrayList<>(byTenant.keySet());
    // rotate the starting point so ties are broken round-robin across passes
    java.util.Collections.rotate(tenants, (int) (rotation++ % tenants.size()));
    Map<TenantId, Long> tenantActive = new HashMap<>();
    byTenant.forEach(
        (t, slots) -> tenantActive.put(t, slots.stream().mapToLong(s -> s.active).sum()));

    while (!tenants.isEmpty() && running) {
      TenantId tenant = leastBusy(tenants, tenantActive);
      List<Slot> slots = byTenant.get(tenant);
      Slot slot = leastBusy(slots);
      ClaimResult result = claim(slot.campaign);
      if (result instanceof ClaimResult.Claimed claimed) {
        slot.active++;
        tenantActive.merge(tenant, 1L, Long::sum);
        place(slot.campaign, claimed);
        continue;
      }
      ClaimResult.Reason reason = ((ClaimResult.Denied) result).reason();
      log.trace("campaign {}: no claim: {}", slot.campaign.id(), reason);
      switch (reason) {
        case GLOBAL_LIMIT -> {
          return;
        }
        case TENANT_LIMIT -> slots.clear();
        case NO_DUE_LEAD -> {
          slots.remove(slot);
          lifecycle.completeIfDone(slot.campaign.tenant(), slot.campaign.id());
        }
        default -> slots.remove(slot);
      }
      if (slots.isEmpty()) {
        tenants.remove(tenant);
      }
    }
  }

  private static TenantId leastBusy(List<TenantId> tenants, Map<TenantId, Long> active) {
    TenantId best = tenants.get(0);
    for (TenantId t : tenants) {
      if (active.get(t) < active.get(best)) {
        best = t;
      }
    }
    // move the chosen tenant to the back so that ties rotate
    tenants.remove(best);
    tenants.add(best);
    return best;
  }

  private static Slot leastBusy(List<Slot> slots) {
    Slot best = slots.get(0);
    for (Slot s : slots) {
      if (s.active < best.active) {
        best = s;
      }
    }
    slots.remove(best);
    slots.add(best);
    return best;
  }

  private ClaimResult claim(Campaign campaign) {
    CallProvider provider = provider(campaign);
    if (provider == null) {
      return ClaimResult.denied(ClaimResult.Reason.NOT_RUNNING);
    }
    Instant now = settings.clock().instant();
    if (!holdsLease(campaign.id(), now)) {
      return ClaimResult.denied(ClaimResult.Reason.NOT_LEASE_OWNER);
    }
    CampaignSpec spec = campaign.spec();
    SlotLimits limits =
        new SlotLimits(
            settings.concurrency().global(),
            settings.concurrency().perTenant(),
            settings.concurrency().campaignLimit(spec.maxConcurrentCalls()));
    return settings
        .store()
        .claimNext(
            new ClaimRequest(
                campaign.tenant(),
                campaign.id(),
                settings.instanceId(),
                now,
                limits,
                provider.name(),
                nextCallerId(campaign),
                null));
  }

  private boolean holdsLease(CampaignId id, Instant now) {
    Duration ttl = settings.leaseTtl();
    Instant expiry = leaseExpiry.get(id);
    if (expiry != null && now.isBefore(expiry.minus(ttl.dividedBy(2)))) {
      return true;
    }
    if (settings.store().tryLease(id, settings.instanceId(), now, ttl)) {
      if (expiry == null) {
        log.debug("dialer {} took the lease of campaign {}", settings.instanceId(), id);
      }
      leaseExpiry.put(id, now.plus(ttl));
      return true;
    }
    leaseExpiry.remove(id);
    return false;
  }

  private PhoneNumber nextCallerId(Campaign campaign) {
    List<PhoneNumber> pool = campaign.spec().callerIds();
    int i = callerIdCursor.merge(campaign.id(), 1, Integer::sum);
    return pool.get(Math.floorMod(i - 1, pool.size()));
  }

  private CallProvider provider(Campaign campaign) {
    String name = campaign.spec().provider();
    CallProvider provider =
        settings.providers().get(name == null ? settings.defaultProvider() : name);
    if (provider == null) {
      log.warn(
          "campaign {} names provider '{}' that dialer {} does not have; skipped",
          campaign.id(),
          name,
          settings.instanceId());
    }
    return provider;
  }

  private void place(Campaign campaign, ClaimResult.Claimed claimed) {
    Call call = claimed.call();
    Lead lead = claimed.lead();
    events.callUpdated(call, null);
    appendLog(
        call,
        call.createdAt(),
        CallLogEvent.CALL_INITIATED,
        CallStatus.INITIATED,
        "attempt " + call.attempt() + " from " + call.from().masked());
    CallProvider provider = settings.providers().get(call.provider());
    CampaignSpec spec = campaign.spec();
    Map<String, String> variables = new LinkedHashMap<>(spec.agent().variables());
    variables.putAll(lead.variables());
    Agent agent = spec.agent().withVariables(variables);
    Map<String, String> correlation = new LinkedHashMap<>();
    correlation.put(Webhooks.PROVIDER_PARAMETER, provider.name());
    correlation.put(Webhooks.TENANT_PARAMETER, call.tenant().value());
    correlation.put(Webhooks.CALL_PARAMETER, call.id().value());
    DialRequest request =
        new DialRequest(
            call.id(),
            call.tenant(),
            call.campaignId(),
            call.from(),
            call.to(),
            agent,
            correlation,
            spec.ringTimeout(),
            spec.maxCallDuration(),
            spec.machineDetection(),
            spec.record());
    CompletionStage<PlacedCall> stage;
    try {
      stage = provider.place(request);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (placed, error) -> {
          try {
            if (error == null) {
              onPlaced(call, placed);
            } else {
              onPlaceFailed(call, unwrap(error));
            }
          } catch (RuntimeException e) {
            log.error(
                "call {} of campaign {}: could not record the provider's answer",
                call.id(),
                call.campaignId(),
                e);
          }
        });
  }

  private void onPlaced(Call call, PlacedCall placed) {
    log.debug(
        "call {} of campaign {} placed as {}",
        call.id(),
        call.campaignId(),
        placed.providerCallId());
    updater.change(
        call,
        c ->
            c.toBuilder()
                .providerCallId(
                    c.providerCallId() != null ? c.providerCallId() : placed.providerCallId())
                .providerRequestId(
                    c.providerRequestId() != null
                        ? c.providerRequestId()
                        : placed.providerRequestId()),
        CallLogEvent.CALL_PLACED,
        "accepted by "
            + call.provider()
            + (placed.rawStatus() != null ? " (" + placed.rawStatus() + ")" : ""));
  }

  private void onPlaceFailed(Call call, Throwable error) {
    if (error instanceof ProviderException pe && pe.isAmbiguous()) {
      // it may have been placed: never dial again blindly; webhooks or reconciliation settle it
      log.warn(
          "call {} of campaign {}: ambiguous failure to place; awaiting its status: {}",
          call.id(),
          call.campaignId(),
          pe.getMessage());
      appendLog(
          call,
          settings.clock().instant(),
          CallLogEvent.CALL_PLACE_FAILED,
          null,
          "ambiguous: " + pe.getMessage());
      return;
    }
    FailureReason reason =
        error instanceof ProviderException pe ? pe.reason() : FailureReason.PROVIDER_ERROR;
    String code = error instanceof ProviderException pe ? pe.providerCode() : null;
    Instant putBackAt = null;
    if (error instanceof ProviderException pe && pe.isRetryable()) {
      putBackAt = settings.clock().instant().plus(PLACE_RETRY_BACKOFF);
    }
    log.info(
        "call {} of campaign {}: provider refused it: {}",
        call.id(),
        call.campaignId(),
        error.getMessage());
    updater.change(
        call,
        c -> c.toBuilder().status(CallStatus.FAILED).failureReason(reason).hangupCause(code),
        CallLogEvent.CALL_PLACE_FAILED,
        String.valueOf(error.getMessage()),
        putBackAt);
  }

  private void appendLog(
      Call call, Instant at, CallLogEvent event, CallStatus status, String detail) {
    settings.store().appendLog(List.of(CallLogEntry.draft(call, at, event, status, detail, null)));
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  /** A campaign in one pass, with its calls in progress as counted during the pass. */
  private static final class Slot {
    final Campaign campaign;
    long active;

    Slot(Campaign campaign, long active) {
      this.campaign = campaign;
      this.active = active;
    }
  }
}
