package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PreDialHook;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.TaskScheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places one claimed call: pre-dial hooks, then the create request through the provider's circuit
 * breaker, retrying what the provider certainly did not act on (resilience4j {@link Retry}, its
 * delays on Dialkit's scheduler). An ambiguous failure is never re-sent: the call is reconciled
 * with the provider first. Nothing here blocks a thread.
 */
final class CallPlacer {
  private static final Logger log = LoggerFactory.getLogger(CallPlacer.class);

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final CallUpdater updater;
  private final ProviderGuards guards;
  private final EventPublisher events;
  private final Retry retry;
  private final CallbackSigner signer;
  private final java.util.function.BiPredicate<dev.dialkit.campaign.CampaignId, Instant> leaseHeld;

  CallPlacer(
      DialerSettings settings,
      TaskScheduler scheduler,
      CallUpdater updater,
      ProviderGuards guards,
      EventPublisher events,
      CallbackSigner signer,
      java.util.function.BiPredicate<dev.dialkit.campaign.CampaignId, Instant> leaseHeld) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.updater = updater;
    this.guards = guards;
    this.events = events;
    this.retry = Retry.of("dialkit-place", settings.providerRetry());
    this.signer = signer;
    this.leaseHeld = leaseHeld;
  }

  void place(Campaign campaign, Lead lead, Call call) {
    events.callUpdated(call, null);
    appendLog(
        call,
        call.createdAt(),
        CallLogEvent.CALL_INITIATED,
        CallStatus.INITIATED,
        "attempt " + lead.attempts() + " from " + call.from().masked());
    DialRequest request = request(campaign, lead, call);
    runHooks(campaign, lead, call)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                hookFailed(call, unwrap(error));
              } else {
                attempt(call, request, retry.asyncContext());
              }
            });
  }

  private CompletionStage<Void> runHooks(Campaign campaign, Lead lead, Call call) {
    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
    for (PreDialHook hook : settings.preDialHooks()) {
      chain =
          chain.thenCompose(
              v -> {
                try {
                  return hook.beforeDial(campaign, lead, call);
                } catch (RuntimeException e) {
                  return CompletableFuture.failedFuture(e);
                }
              });
    }
    return chain;
  }

  private void hookFailed(Call call, Throwable error) {
    log.debug(
        "call {} of campaign {}: pre-dial hook failed; lead requeued: {}",
        call.id(),
        call.campaignId(),
        error.toString());
    updater.change(
        call,
        c -> c.toBuilder().status(CallStatus.CANCELED).failureReason(FailureReason.PRE_DIAL_HOOK),
        CallLogEvent.PRE_DIAL_HOOK_FAILED,
        "pre-dial hook failed: " + error,
        now().plus(settings.hookRetryDelay()));
  }

  private void attempt(Call call, DialRequest request, Retry.AsyncContext<PlacedCall> context) {
    CallProvider provider = settings.providers().get(call.provider());
    if (!leaseHeld.test(call.campaignId(), now())) {
      // another instance owns the campaign now and will reconcile this call: send nothing
      log.warn(
          "call {} of campaign {}: lease lost before placing; left to the new owner",
          call.id(),
          call.campaignId());
      return;
    }
    if (!guards.acquirePermit(provider.name())) {
      // the calls-per-second limit is reached: send when the next permits are issued
      scheduler.schedule(
          () -> attempt(call, request, context), guards.refreshPeriod(provider.name()));
      return;
    }
    CircuitBreaker breaker = guards.breaker(provider.name());
    if (!breaker.tryAcquirePermission()) {
      putBack(
          call,
          CallStatus.CANCELED,
          FailureReason.PROVIDER_ERROR,
          "not placed: the circuit breaker of " + provider.name() + " is open");
      return;
    }
    long started = System.nanoTime();
    CompletionStage<PlacedCall> stage;
    try {
      stage = provider.place(request);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (placed, failure) -> {
          long took = System.nanoTime() - started;
          try {
            if (failure == null) {
              breaker.onSuccess(took, TimeUnit.NANOSECONDS);
              context.onComplete();
              placed(call, placed);
            } else {
              Throwable error = unwrap(failure);
              breaker.onError(took, TimeUnit.NANOSECONDS, error);
              failed(call, request, context, error);
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

  private void placed(Call call, PlacedCall placed) {
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

  private void failed(
      Call call, DialRequest request, Retry.AsyncContext<PlacedCall> context, Throwable error) {
    ProviderException pe = error instanceof ProviderException p ? p : null;
    if (pe != null && pe.isAmbiguous()) {
      // it may have been placed: never dial again blindly; reconcile with the provider first
      log.warn(
          "call {} of campaign {}: ambiguous failure to place; reconciling in {}: {}",
          call.id(),
          call.campaignId(),
          settings.reconcileDelay(),
          pe.getMessage());
      appendLog(
          call,
          now(),
          CallLogEvent.CALL_PLACE_FAILED,
          null,
          "ambiguous, reconciling before any new attempt: " + pe.getMessage());
      scheduler.schedule(() -> reconcile(call), settings.reconcileDelay());
      return;
    }
    if (pe != null && pe.isRetryable()) {
      long delayMillis = context.onError(pe);
      if (delayMillis >= 0) {
        log.debug(
            "call {}: provider refused for now ({}); retrying in {} ms",
            call.id(),
            pe.getMessage(),
            delayMillis);
        appendLog(
            call,
            now(),
            CallLogEvent.CALL_PLACE_FAILED,
            null,
            "transient, retrying in " + delayMillis + " ms: " + pe.getMessage());
        scheduler.schedule(() -> attempt(call, request, context), Duration.ofMillis(delayMillis));
        return;
      }
      putBack(
          call,
          CallStatus.FAILED,
          pe.reason(),
          "transient failure after retries: " + pe.getMessage());
      return;
    }
    FailureReason reason = pe != null ? pe.reason() : FailureReason.PROVIDER_ERROR;
    String code = pe != null ? pe.providerCode() : null;
    log.debug(
        "call {} of campaign {}: provider refused it: {}",
        call.id(),
        call.campaignId(),
        error.toString());
    updater.change(
        call,
        c -> c.toBuilder().status(CallStatus.FAILED).failureReason(reason).hangupCause(code),
        CallLogEvent.CALL_PLACE_FAILED,
        String.valueOf(error.getMessage()));
  }

  /** Ends a call that never reached the provider and puts its lead back, attempt not counted. */
  private void putBack(Call call, CallStatus status, FailureReason reason, String detail) {
    log.debug("call {} of campaign {}: {}; lead requeued", call.id(), call.campaignId(), detail);
    updater.change(
        call,
        c -> c.toBuilder().status(status).failureReason(reason),
        CallLogEvent.CALL_PLACE_FAILED,
        detail,
        now().plus(settings.placeRetryDelay()));
  }

  /**
   * Settles a call whose create request failed ambiguously: if a webhook has arrived meanwhile
   * nothing is left to do; otherwise the provider is asked. A call the provider does not know was
   * never created, so its lead may safely be dialed again; one it knows is updated from its answer.
   * A provider that cannot be asked leaves the call to its webhooks and the watchdog.
   */
  void reconcile(Call stale) {
    Call call = settings.store().findCall(stale.tenant(), stale.id()).orElse(null);
    if (call == null || call.status() != CallStatus.INITIATED || call.providerCallId() != null) {
      return;
    }
    CallProvider provider = settings.providers().get(call.provider());
    if (!provider.capabilities().statusQuery()) {
      log.debug(
          "call {}: {} cannot be asked; waiting for its webhooks or the watchdog",
          call.id(),
          provider.name());
      return;
    }
    provider
        .queryStatus(call)
        .whenComplete(
            (answer, error) -> {
              if (error != null) {
                log.warn(
                    "call {}: reconciliation failed; the watchdog will settle it",
                    call.id(),
                    unwrap(error));
              } else if (answer.isPresent()) {
                updater.apply(call, answer.get());
              } else {
                updater.change(
                    call,
                    c ->
                        c.toBuilder()
                            .status(CallStatus.FAILED)
                            .failureReason(FailureReason.PROVIDER_ERROR),
                    CallLogEvent.CALL_RECONCILED,
                    provider.name() + " has no such call: it was never created; lead requeued",
                    now());
              }
            });
  }

  private DialRequest request(Campaign campaign, Lead lead, Call call) {
    CampaignSpec spec = campaign.spec();
    Map<String, String> variables = new LinkedHashMap<>(spec.agent().variables());
    variables.putAll(lead.variables());
    Agent agent = spec.agent().withVariables(variables);
    Map<String, String> correlation = new LinkedHashMap<>();
    correlation.put(Webhooks.PROVIDER_PARAMETER, call.provider());
    correlation.put(Webhooks.TENANT_PARAMETER, call.tenant().value());
    correlation.put(Webhooks.CALL_PARAMETER, call.id().value());
    if (!settings.providers().get(call.provider()).capabilities().signsWebhooks()) {
      correlation.put(Webhooks.TOKEN_PARAMETER, signer.token(call.tenant(), call.id()));
    }
    return new DialRequest(
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
  }

  private void appendLog(
      Call call, Instant at, CallLogEvent event, CallStatus status, String detail) {
    settings.store().appendLog(List.of(CallLogEntry.draft(call, at, event, status, detail, null)));
  }

  private Instant now() {
    return settings.clock().instant();
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
