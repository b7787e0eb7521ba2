package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the calls whose end was never reported. A call still open after ring timeout plus max call
 * duration plus a grace period cannot be alive at the provider any more: the provider is asked for
 * its status where it can be, and its answer applied; if it cannot be asked, does not know the call
 * or fails to answer, the call ends {@code FAILED} with reason {@code NO_STATUS_CALLBACK}. Either
 * way the store frees the call's slot exactly once. Only the instance holding a campaign's lease
 * watches its calls.
 */
final class Watchdog {
  private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
  private static final Set<CampaignStatus> WATCHED =
      EnumSet.of(
          CampaignStatus.RUNNING,
          CampaignStatus.SCHEDULED,
          CampaignStatus.PAUSED,
          CampaignStatus.CANCELED);

  private final DialerSettings settings;
  private final CallUpdater updater;
  private final BiPredicate<Campaign, Instant> leaseHeld;
  private final Placements placements;
  private final Recovery recovery;

  Watchdog(
      DialerSettings settings,
      CallUpdater updater,
      BiPredicate<Campaign, Instant> leaseHeld,
      Placements placements,
      Recovery recovery) {
    this.settings = settings;
    this.updater = updater;
    this.leaseHeld = leaseHeld;
    this.placements = placements;
    this.recovery = recovery;
  }

  /**
   * One round: the slot repair, the registrations of dead instances, and, over every watched
   * campaign this instance holds, a recovery pass and the calls past their deadline.
   */
  void run() {
    int released = settings.store().releaseOrphanSlots();
    if (released > 0) {
      log.warn("released {} slot(s) held by calls that had already ended", released);
    }
    Instant now = settings.clock().instant();
    int dead = settings.store().removeInstancesSeenBefore(now.minus(deadAfter()));
    if (dead > 0) {
      log.info("removed {} dead dialer instance(s) from the registry", dead);
    }
    for (Campaign campaign : settings.store().findCampaignsByStatus(WATCHED)) {
      if (campaign.counters().get(Counter.LEADS_IN_PROGRESS) == 0
          || !leaseHeld.test(campaign, now)) {
        continue;
      }
      CampaignSpec spec = campaign.spec();
      List<Call> active = settings.store().findActiveCalls(campaign.tenant(), campaign.id());
      recovery.inspect(campaign.id(), active);
      for (Call call : active) {
        Instant deadline =
            call.createdAt()
                .plus(spec.ringTimeout())
                .plus(spec.maxCallDuration())
                .plus(settings.watchdogGrace());
        // an unsent call is recovery's (released, never ended with an attempt used)
        if (!now.isBefore(deadline) && !call.isUnsent() && !placements.owns(call.id(), now)) {
          settle(call);
        }
      }
    }
  }

  /** An instance without a heartbeat for four lease lifetimes is gone for good. */
  private Duration deadAfter() {
    return settings.leaseTtl().multipliedBy(4);
  }

  private void settle(Call call) {
    CallProvider provider = settings.providers().get(call.provider());
    if (provider == null || !provider.capabilities().statusQuery()) {
      endWithoutStatus(call, "provider cannot be asked");
      return;
    }
    provider
        .queryStatus(call)
        .whenComplete(
            (answer, error) -> {
              if (error != null) {
                endWithoutStatus(call, "status query failed: " + CallPlacer.unwrap(error));
              } else if (call.awaitsProvider()) {
                settleAwaiting(call, answer);
              } else if (answer.isEmpty()) {
                endWithoutStatus(call, provider.name() + " does not know the call");
              } else {
                apply(call, answer.get());
              }
            });
  }

  /**
   * A permitted call nothing was recorded for: if the provider does not know it once its permit can
   * no longer be used, it never reached the provider, so it is released with its attempt refunded
   * rather than failed; an answer about another call proves nothing, so the call ends without a
   * status.
   */
  private void settleAwaiting(Call call, Optional<CallStatusUpdate> answer) {
    Instant sendable = call.sentAt().plus(settings.permitTimeout()).plus(settings.reconcileDelay());
    if (answer.isEmpty() && settings.clock().instant().isBefore(sendable)) {
      return; // its request may still be on its way: next round
    }
    if (answer.isPresent() && recovery.belongsToAnother(call, answer.get())) {
      endWithoutStatus(call, call.provider() + " answered with another call's id");
      return;
    }
    recovery.settleAwaiting(call, answer);
  }

  private void apply(Call call, CallStatusUpdate update) {
    updater.apply(call, update);
    if (!update.status().isTerminal()) {
      // the provider says it is still going past its own limits: trust the provider, look again
      log.warn(
          "call {} of campaign {}: past its deadline the provider still reports {}",
          call.id(),
          call.campaignId(),
          update.rawStatus());
    }
  }

  private void endWithoutStatus(Call call, String why) {
    Optional<Call> current = settings.store().findCall(call.tenant(), call.id());
    if (current.isEmpty() || current.get().status().isTerminal()) {
      return;
    }
    log.warn(
        "call {} of campaign {}: no terminal status received ({}); ended as {}",
        call.id(),
        call.campaignId(),
        why,
        FailureReason.NO_STATUS_CALLBACK);
    updater.change(
        current.get(),
        c ->
            c.toBuilder().status(CallStatus.FAILED).failureReason(FailureReason.NO_STATUS_CALLBACK),
        CallLogEvent.CALL_RECONCILED,
        "no terminal status received: " + why);
  }
}
