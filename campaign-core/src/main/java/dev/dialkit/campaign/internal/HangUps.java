package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hangs up the calls of a canceled campaign. A call the provider has not answered for yet (it was
 * handed over just before the cancel, its provider id is not known) is looked at again every second
 * until its id arrives (then it is hung up), it ends, or the time an answer can take has passed
 * ({@code permitTimeout + reconcileDelay}); only this instance follows it, so if it stops, such a
 * call runs its course.
 */
final class HangUps {
  private static final Logger log = LoggerFactory.getLogger(HangUps.class);
  private static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final CallUpdater updater;

  HangUps(DialerSettings settings, TaskScheduler scheduler, CallUpdater updater) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.updater = updater;
  }

  /**
   * Asks the provider to end every call of the campaign in progress. Best effort: the cancel has
   * taken effect whatever happens here, so a store failure is logged, not thrown.
   */
  void hangUpAll(TenantId tenant, CampaignId campaign) {
    try {
      hangUpEach(tenant, campaign);
    } catch (RuntimeException e) {
      log.warn("campaign {}: could not hang up every call in progress", campaign, e);
    }
  }

  private void hangUpEach(TenantId tenant, CampaignId campaign) {
    Instant until =
        settings.clock().instant().plus(settings.permitTimeout()).plus(settings.reconcileDelay());
    for (Call call : settings.store().findActiveCalls(tenant, campaign)) {
      if (call.isUnsent()) {
        continue; // never sent: its permit is refused, and recovery releases it
      }
      if (call.awaitsProvider()) {
        follow(call, until);
      } else {
        hangUp(call);
      }
    }
  }

  private void follow(Call call, Instant until) {
    scheduler.schedule(
        () -> {
          Call now;
          try {
            now = settings.store().findCall(call.tenant(), call.id()).orElse(null);
          } catch (RuntimeException e) {
            // the store failed: look again at the next beat, within the same time bound
            if (settings.clock().instant().isBefore(until)) {
              follow(call, until);
            }
            return;
          }
          if (now == null || now.status().isTerminal()) {
            return;
          }
          if (!now.awaitsProvider()) {
            hangUp(now);
          } else if (settings.clock().instant().isBefore(until)) {
            follow(now, until);
          } else {
            log.warn(
                "call {} of campaign {}: no provider id arrived; cannot hang it up",
                call.id(),
                call.campaignId());
          }
        },
        FOLLOW_EVERY);
  }

  private void hangUp(Call call) {
    CallProvider provider = settings.providers().get(call.provider());
    if (provider == null || !provider.capabilities().hangUp()) {
      log.warn(
          "call {}: provider {} cannot hang up; the call continues", call.id(), call.provider());
      return;
    }
    updater.note(call, CallLogEvent.HANGUP_REQUESTED, "campaign canceled");
    provider
        .hangUp(call)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                log.warn(
                    "call {}: hang-up failed; its webhook will still end it",
                    call.id(),
                    CallPlacer.unwrap(error));
              }
            });
  }
}
