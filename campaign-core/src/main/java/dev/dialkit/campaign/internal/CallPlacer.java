package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PreDialHook;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DialPermits;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.TaskScheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places one claimed call. Every delay comes first (pre-dial hooks, the calls-per-second limiter,
 * the circuit breaker, a retry's backoff, the calling window checked again); then the store is
 * asked for the dial permit ({@link dev.dialkit.campaign.spi.CampaignStore#requestDialPermit}), and
 * only a granted permit lets the create request go, within {@code permitTimeout} or never. A
 * refused permit releases the call: slot freed, lead requeued, attempt refunded. A call whose
 * permit came with its claim (no pre-dial hook, see {@link DialingExecutor}) skips the store's
 * permit and is sent at once, its permit's age counted from the claim.
 *
 * <p>A failure the provider certainly did not act on is retried (resilience4j {@link Retry}, its
 * delays on Dialkit's scheduler) with a new permit; an ambiguous failure is never re-sent: the
 * provider is asked first. Nothing here blocks a thread.
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
  private final Placements placements;
  private final ToLongFunction<dev.dialkit.campaign.CampaignId> epochs;
  private final BooleanSupplier running;
  private final ProviderAnswers answers;
  private final Releases releases;
  private final PlaceFailures failures;

  CallPlacer(
      DialerSettings settings,
      TaskScheduler scheduler,
      CallUpdater updater,
      ProviderGuards guards,
      EventPublisher events,
      CallbackSigner signer,
      Placements placements,
      ToLongFunction<dev.dialkit.campaign.CampaignId> epochs,
      BooleanSupplier running,
      ProviderAnswers answers,
      Releases releases) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.updater = updater;
    this.guards = guards;
    this.events = events;
    this.retry = Retry.of("dialkit-place", settings.providerRetry());
    this.signer = signer;
    this.placements = placements;
    this.epochs = epochs;
    this.running = running;
    this.answers = answers;
    this.releases = releases;
    this.failures =
        new PlaceFailures(
            settings,
            scheduler,
            updater,
            guards,
            placements,
            answers,
            releases,
            (call, p, previousSentAt) -> guarded(call, () -> attempt(call, p, previousSentAt)));
  }

  /**
   * Places a call just claimed.
   *
   * @param claimNanos {@link System#nanoTime()} read right before the claim: the age of a permit
   *     granted with it ({@code call.sentAt()} set) counts from there
   */
  void place(Campaign campaign, Lead lead, Call call, long claimNanos) {
    updater.remember(call);
    placements.waiting(call.id(), now());
    events.callUpdated(call, null);
    Placement p =
        new Placement(
            campaign,
            lead,
            DialRequests.of(settings, signer, campaign, lead, call),
            retry.asyncContext());
    if (call.sentAt() != null) {
      guarded(call, () -> sendPermitted(call, p, claimNanos));
      return;
    }
    runHooks(campaign, lead, call)
        .whenComplete(
            (ok, error) ->
                guarded(
                    call,
                    () -> {
                      if (error != null) {
                        hookFailed(call, unwrap(error));
                      } else {
                        attempt(call, p, null);
                      }
                    }));
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
        Call::isUnsent,
        c -> c.toBuilder().status(CallStatus.CANCELED).failureReason(FailureReason.PRE_DIAL_HOOK),
        CallLogEvent.PRE_DIAL_HOOK_FAILED,
        "pre-dial hook failed: " + error,
        now().plus(settings.hookRetryDelay()));
    placements.done(call.id());
  }

  /**
   * Sends the call if everything allows it now, asking the store for the permit last.
   *
   * @param previousSentAt the {@code sentAt} of this call's earlier permit whose request the
   *     provider certainly did not act on, or {@code null} for the first send
   */
  private void attempt(Call call, Placement p, Instant previousSentAt) {
    if (!running.getAsBoolean()) {
      // this instance stops: whoever holds the campaign next releases the unsent call
      placements.done(call.id());
      return;
    }
    Instant now = now();
    CallingWindow window = p.campaign().spec().callingWindow();
    if (!window.isOpen(now, p.lead().timeZone())) {
      release(
          call,
          "calling window closed before sending",
          window.nextOpening(now, p.lead().timeZone()));
      return;
    }
    String provider = call.provider();
    if (!guards.acquirePermit(provider)) {
      // the calls-per-second limit is reached: try when the next permits are issued
      scheduler.schedule(
          () -> guarded(call, () -> attempt(call, p, previousSentAt)),
          guards.refreshPeriod(provider));
      return;
    }
    CircuitBreaker breaker = admitted(call, provider);
    if (breaker == null) {
      return;
    }
    long epoch = epochs.applyAsLong(call.campaignId());
    if (epoch == 0) {
      breaker.releasePermission();
      release(call, "not sent: this instance no longer holds the campaign", now);
      return;
    }
    Instant askedAt = now.truncatedTo(ChronoUnit.MILLIS);
    long askedNanos = System.nanoTime();
    DialPermit permit;
    try {
      permit =
          settings
              .store()
              .requestDialPermit(
                  new PermitRequest(
                      call.tenant(),
                      call.id(),
                      settings.instanceId(),
                      epoch,
                      askedAt,
                      previousSentAt,
                      List.of(
                          DialPermits.sentEntry(call, p.lead(), askedAt, previousSentAt != null))));
    } catch (RuntimeException e) {
      breaker.releasePermission();
      // granted or not, nothing was sent: this instance alone sends this call
      releases.withdraw(call, "not sent: the store failed while granting the permit: " + e);
      return;
    }
    if (permit instanceof DialPermit.Denied denied) {
      breaker.releasePermission();
      failures.refused(call, denied);
      return;
    }
    Call granted = ((DialPermit.Granted) permit).call();
    placements.permitted(call.id(), now());
    // handed over at once, on this thread: queued as a task of its own it waited behind the
    // permits of the rest of its batch, and under load outlived its timeout unsent. A stall is
    // still possible anywhere in between: the permit's age is checked right before the send
    handOff(granted, p, askedAt, askedNanos, breaker, false);
  }

  /**
   * Sends a call whose permit came with its claim ({@link DialingExecutor} asks for it only when no
   * pre-dial hook can delay the send). The claim checked status, lease, epoch and suppression; what
   * remains are the checks of this instance: still running (else the unused permit is withdrawn),
   * the calls-per-second limit (else a fresh permit is asked once it refreshes), the breaker (else
   * the call is released unsent).
   */
  private void sendPermitted(Call call, Placement p, long claimNanos) {
    if (!running.getAsBoolean()) {
      releases.withdraw(call, "not sent: this instance stopped after the claim");
      return;
    }
    String provider = call.provider();
    if (!guards.acquirePermit(provider)) {
      // the calls-per-second limit binds after all (a retry took the last one): by the time the
      // limiter refreshes this permit may be stale, so the send then asks a fresh one
      scheduler.schedule(
          () -> guarded(call, () -> attempt(call, p, call.sentAt())),
          guards.refreshPeriod(provider));
      return;
    }
    CircuitBreaker breaker = admitted(call, provider);
    if (breaker == null) {
      return;
    }
    placements.permitted(call.id(), now());
    handOff(call, p, call.sentAt(), claimNanos, breaker, true);
  }

  /**
   * The provider's circuit breaker with a call admitted through it, or {@code null} when it is
   * open: the call is then released unsent, its lead due again after {@code placeRetryDelay}.
   */
  private CircuitBreaker admitted(Call call, String provider) {
    CircuitBreaker breaker = guards.breaker(provider);
    if (breaker.tryAcquirePermission()) {
      return breaker;
    }
    release(
        call,
        "not sent: the circuit breaker of " + provider + " is open",
        now().plus(settings.placeRetryDelay()));
    return null;
  }

  /**
   * Sends {@code call} under the permit asked at {@code askedAt}, unless the permit is as old as
   * {@code permitTimeout}: a stop may have stopped waiting for it. A stale permit that came with
   * the claim is replaced by one asked now (the claim was slow, or the thread stalled: this
   * instance holds the call and certainly did not send it, so the store may grant the call again
   * against the stale {@code sentAt}, checking everything once more); any other is withdrawn.
   */
  private void handOff(
      Call call,
      Placement p,
      Instant askedAt,
      long askedNanos,
      CircuitBreaker breaker,
      boolean fromClaim) {
    Duration byClock = Duration.between(askedAt, now());
    Duration byNanos = Duration.ofNanos(System.nanoTime() - askedNanos);
    Duration elapsed = byClock.compareTo(byNanos) > 0 ? byClock : byNanos;
    if (elapsed.compareTo(settings.permitTimeout()) >= 0) {
      breaker.releasePermission();
      if (fromClaim) {
        log.debug(
            "call {} of campaign {}: the claim's permit is {} ms old; asking a new one",
            call.id(),
            call.campaignId(),
            elapsed.toMillis());
        attempt(call, p, call.sentAt());
        return;
      }
      log.warn(
          "call {} of campaign {}: {} ms passed between the permit and the send; not sent",
          call.id(),
          call.campaignId(),
          elapsed.toMillis());
      releases.withdraw(
          call, "not sent: the permit expired before the send (" + elapsed.toMillis() + " ms)");
      return;
    }
    placements.handedOff(call.id(), now());
    CallProvider provider = settings.providers().get(call.provider());
    long started = System.nanoTime();
    CompletionStage<PlacedCall> stage;
    try {
      stage = provider.place(p.request());
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    Thread sender = Thread.currentThread();
    AtomicBoolean registering = new AtomicBoolean(true);
    stage.whenComplete(
        (placed, failure) -> {
          long took = System.nanoTime() - started;
          Runnable answer =
              () -> guarded(call, () -> answered(call, p, breaker, took, placed, failure));
          if (registering.get() && Thread.currentThread() == sender) {
            // the provider answered before place() returned (a synchronous implementation): this
            // is still the thread that sends the rest of the claimed batch, which must not wait
            // for this answer's store write
            try {
              scheduler.execute(answer);
            } catch (RuntimeException closing) {
              // the scheduler no longer takes tasks (the dialer closes): the call was sent, and
              // its answer is still recorded, here
              answer.run();
            }
          } else {
            answer.run();
          }
        });
    registering.set(false);
  }

  /** Records the provider's answer to the create request, {@code took} nanoseconds after it. */
  private void answered(
      Call call,
      Placement p,
      CircuitBreaker breaker,
      long took,
      PlacedCall placed,
      Throwable failure) {
    if (failure == null) {
      breaker.onSuccess(took, TimeUnit.NANOSECONDS);
      p.retry().onComplete();
      answers.placed(call, placed);
    } else {
      Throwable error = unwrap(failure);
      breaker.onError(took, TimeUnit.NANOSECONDS, error);
      failures.failed(call, p, error);
    }
  }

  private void release(Call call, String why, Instant requeueAt) {
    releases.release(call, why, requeueAt);
  }

  /** Runs a step of a placement; an unexpected failure abandons it to recovery, never loudly. */
  private void guarded(Call call, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn(
          "call {} of campaign {}: placement failed; left to recovery",
          call.id(),
          call.campaignId(),
          e);
      placements.done(call.id());
    }
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
