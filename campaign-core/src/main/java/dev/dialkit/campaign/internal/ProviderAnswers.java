package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the provider answered to a create request that was sent: its ids, a permanent
 * refusal (the attempt counts), or an ambiguous failure, which is never re-sent but settled by
 * asking the provider.
 */
final class ProviderAnswers {
  private static final Logger log = LoggerFactory.getLogger(ProviderAnswers.class);

  /** Attempts to record the provider's answer when the store fails, 1 s apart. */
  private static final int WRITES = 3;

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final CallUpdater updater;
  private final Placements placements;
  private final StatusQueries queries;
  private final Recovery recovery;

  ProviderAnswers(
      DialerSettings settings,
      TaskScheduler scheduler,
      CallUpdater updater,
      Placements placements,
      StatusQueries queries,
      Recovery recovery) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.updater = updater;
    this.placements = placements;
    this.queries = queries;
    this.recovery = recovery;
  }

  /** The provider accepted the call: its ids are recorded (webhooks may have done so first). */
  void placed(Call call, PlacedCall placed) {
    placed(call, placed, 1);
  }

  private void placed(Call call, PlacedCall placed, int write) {
    log.debug(
        "call {} of campaign {} placed as {}",
        call.id(),
        call.campaignId(),
        placed.providerCallId());
    try {
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
      placements.done(call.id());
    } catch (RuntimeException e) {
      if (write < WRITES) {
        log.warn("call {}: could not record the provider's answer; trying again", call.id(), e);
        scheduler.schedule(() -> placed(call, placed, write + 1), Duration.ofSeconds(1));
      } else {
        // its webhooks carry the call id, and recovery asks the provider: the answer is not lost
        log.warn("call {}: could not record the provider's answer; left to recovery", call.id(), e);
        placements.done(call.id());
      }
    }
  }

  /** The provider refused the call for good: it ends with the reason, its attempt counted. */
  void refused(Call call, Throwable error) {
    ProviderException pe = error instanceof ProviderException x ? x : null;
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
    placements.done(call.id());
  }

  /** The request may have been acted on: never sent again; the provider is asked later. */
  void ambiguous(Call call, ProviderException pe) {
    log.warn(
        "call {} of campaign {}: ambiguous failure to place; asking {} in {}: {}",
        call.id(),
        call.campaignId(),
        call.provider(),
        settings.reconcileDelay(),
        pe.getMessage());
    updater.note(
        call,
        CallLogEvent.CALL_PLACE_FAILED,
        "ambiguous, reconciling before any new attempt: " + pe.getMessage());
    scheduler.schedule(() -> reconcile(call), settings.reconcileDelay());
  }

  /**
   * Settles a call whose create request failed ambiguously: asks the provider (rate-limited). A
   * call it does not know was never created, so it is released; one it knows is updated from its
   * answer. A provider that cannot be asked leaves the call to its webhooks and the watchdog.
   */
  void reconcile(Call stale) {
    placements.done(stale.id());
    Call call;
    try {
      call = settings.store().findCall(stale.tenant(), stale.id()).orElse(null);
    } catch (RuntimeException e) {
      // no longer owned by a placement: recovery asks the provider about it in its next rounds
      log.warn("call {}: could not read it to reconcile; left to recovery", stale.id(), e);
      return;
    }
    if (call == null || !call.awaitsProvider()) {
      return;
    }
    if (!queries.canAsk(call)) {
      log.debug(
          "call {}: {} cannot be asked; waiting for its webhooks or the watchdog",
          call.id(),
          call.provider());
      return;
    }
    queries.ask(call, recovery::settleAwaiting);
  }
}
