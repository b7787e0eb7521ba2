package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.TaskScheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link CallPlacer} does when a call is not sent or not accepted: a refused dial permit, a
 * provider's refusal (retried after the backoff if the provider certainly did not act on it, failed
 * over if the provider itself is down, settled otherwise), an ambiguous failure (never re-sent: the
 * provider is asked first).
 */
final class PlaceFailures {
  private static final Logger log = LoggerFactory.getLogger(PlaceFailures.class);

  /** Sends a call again with a new permit, as {@link CallPlacer} does on its first try. */
  @FunctionalInterface
  interface Resend {
    void resend(Call call, Placement placement, Instant previousSentAt);
  }

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final CallUpdater updater;
  private final ProviderGuards guards;
  private final Placements placements;
  private final ProviderAnswers answers;
  private final Releases releases;
  private final Resend resend;

  PlaceFailures(
      DialerSettings settings,
      TaskScheduler scheduler,
      CallUpdater updater,
      ProviderGuards guards,
      Placements placements,
      ProviderAnswers answers,
      Releases releases,
      Resend resend) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.updater = updater;
    this.guards = guards;
    this.placements = placements;
    this.answers = answers;
    this.releases = releases;
    this.resend = resend;
  }

  /** The store refused the dial permit: nothing was sent. */
  void refused(Call call, DialPermit.Denied denied) {
    switch (denied.reason()) {
      case NOT_DIALING, LEASE_LOST ->
          release(
              denied.call() != null ? denied.call() : call,
              "not sent: dial permit refused ("
                  + denied.reason()
                  + (denied.reason() == DialPermit.Reason.NOT_DIALING
                      ? ", the campaign stopped dialing)"
                      : ", another instance holds the campaign)"),
              now());
      case SUPPRESSED ->
          // the number was put on the do-not-call list after the claim: release the call and
          // requeue the lead, which the next claim then skips as suppressed
          release(
              denied.call() != null ? denied.call() : call,
              "not sent: dial permit refused (SUPPRESSED, the number was put on the do-not-call"
                  + " list after the claim)",
              now());
      default -> {
        // another party settled the call meanwhile: nothing of this placement is left to do
        log.debug(
            "call {} of campaign {}: dial permit refused ({}); nothing sent",
            call.id(),
            call.campaignId(),
            denied.reason());
        placements.done(call.id());
      }
    }
  }

  /** The provider refused the call or failed to answer; {@code error} is unwrapped. */
  void failed(Call call, Placement p, Throwable error) {
    ProviderException pe = error instanceof ProviderException x ? x : null;
    if (pe != null && pe.isAmbiguous()) {
      answers.ambiguous(call, pe);
      return;
    }
    if (pe != null && !pe.isRetryable() && failsOver(call, p, pe)) {
      return;
    }
    if (pe == null || !pe.isRetryable()) {
      answers.refused(call, error);
      return;
    }
    // the provider certainly did not act on it: send again after the backoff, with a new permit
    long delayMillis = p.retry().onError(pe);
    if (delayMillis < 0 && failsOver(call, p, pe)) {
      return;
    }
    if (delayMillis < 0) {
      release(
          call,
          "not placed: transient failure after retries: " + pe.getMessage(),
          now().plus(settings.placeRetryDelay()));
      return;
    }
    log.debug(
        "call {}: provider refused for now ({}); retrying in {} ms",
        call.id(),
        pe.getMessage(),
        delayMillis);
    updater.note(
        call,
        CallLogEvent.CALL_PLACE_FAILED,
        "transient, retrying in " + delayMillis + " ms: " + pe.getMessage());
    placements.waiting(call.id(), now());
    scheduler.schedule(() -> resend.resend(call, p, call.sentAt()), Duration.ofMillis(delayMillis));
  }

  /**
   * Fails a refused call over, if its campaign names failover providers and the refusal says the
   * provider itself is down (its account or permissions, its capacity after the retries, its own
   * error), never the lead's number: the provider's circuit breaker is opened, so that the next
   * claims go to the campaign's next provider, and the call is released unsent with its lead due at
   * once (its attempt refunded). Only for refusals the provider certainly did not act on: an
   * ambiguous create never gets here.
   *
   * @return whether the call was failed over
   */
  private boolean failsOver(Call call, Placement p, ProviderException pe) {
    if (p.campaign().spec().failover().isEmpty() || pe.isAmbiguous()) {
      return false;
    }
    boolean providerDown =
        switch (pe.reason()) {
          case ACCOUNT_OR_PERMISSION, PROVIDER_ERROR, RATE_LIMITED -> true;
          default -> false;
        };
    if (!providerDown) {
      return false;
    }
    CircuitBreaker breaker = guards.breaker(call.provider());
    if (breaker.getState() != CircuitBreaker.State.OPEN) {
      breaker.transitionToOpenState();
    }
    log.warn(
        "call {} of campaign {}: {} refused it ({}); the provider is down, the lead fails over",
        call.id(),
        call.campaignId(),
        call.provider(),
        pe.reason());
    release(
        call,
        "not placed: " + call.provider() + " is down (" + pe.reason() + "); failing over",
        now());
    return true;
  }

  private void release(Call call, String why, Instant requeueAt) {
    releases.release(call, why, requeueAt);
  }

  private Instant now() {
    return settings.clock().instant();
  }
}
