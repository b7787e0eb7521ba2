package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.DialDecision.Reason;
import dev.dialkit.campaign.spi.CallProvider;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Whether a campaign may dial in this slot-filling pass, and its slot if so. It may not when no
 * provider is usable, another instance holds it, or its schedule does not admit it now; nor, with
 * the reason said as a dial decision, when its calling window is closed (it is then {@code
 * SCHEDULED}, and the executor wakes at the opening), its provider's breaker is open, or every
 * caller id rests (the executor wakes when the first is back). One with nothing left to dial is
 * completed instead.
 */
final class CampaignGate {
  private final ProviderChoice providers;
  private final ScheduleGate schedules;
  private final CampaignWindows windows;
  private final CampaignLifecycle lifecycle;
  private final ProviderGuards guards;
  private final DialDecisions decisions;
  private final BiPredicate<Campaign, Instant> leases;
  private final Supplier<CallerIdRests> rests;
  private final Consumer<Instant> wakeAt;

  CampaignGate(
      ProviderChoice providers,
      ScheduleGate schedules,
      CampaignWindows windows,
      CampaignLifecycle lifecycle,
      ProviderGuards guards,
      DialDecisions decisions,
      BiPredicate<Campaign, Instant> leases,
      Supplier<CallerIdRests> rests,
      Consumer<Instant> wakeAt) {
    this.providers = providers;
    this.schedules = schedules;
    this.windows = windows;
    this.lifecycle = lifecycle;
    this.guards = guards;
    this.decisions = decisions;
    this.leases = leases;
    this.rests = rests;
    this.wakeAt = wakeAt;
  }

  /**
   * The campaign as a candidate of this pass, or {@code null} if it cannot dial now: another
   * instance holds it, its window is closed (it is then {@code SCHEDULED} until the next opening),
   * or its provider's circuit breaker is open.
   */
  DispatchSlot dispatchable(Campaign campaign, Instant now) {
    CallProvider provider = providers.now(campaign);
    if (provider == null || !leases.test(campaign, now) || !schedules.admits(campaign, now)) {
      return null;
    }
    Set<ZoneId> zones = windows.openZones(campaign, now);
    if (zones != null && zones.isEmpty()) {
      if (windows.hasQueuedLeads(campaign, now)) {
        Instant opens = windows.nextOpening(campaign, now);
        decisions.deferred(
            campaign.id(), Reason.WINDOW_CLOSED, "calling window opens " + opens, now);
        lifecycle.scheduleUntil(campaign, "calling window closed", opens);
        wakeAt.accept(opens);
      } else {
        lifecycle.completeIfDone(campaign.tenant(), campaign.id());
      }
      return null;
    }
    if (campaign.status() == CampaignStatus.SCHEDULED) {
      campaign =
          lifecycle
              .tryMove(
                  campaign.tenant(),
                  campaign.id(),
                  EnumSet.of(CampaignStatus.SCHEDULED),
                  CampaignStatus.RUNNING,
                  "calling window opened",
                  null)
              .orElse(null);
      if (campaign == null) {
        return null;
      }
    }
    if (!guards.admits(provider.name())) {
      decisions.deferred(
          campaign.id(),
          Reason.BREAKER_OPEN,
          "circuit breaker of " + provider.name() + " is open",
          now);
      return null;
    }
    if (!callerIdAvailable(campaign, now)) {
      return null;
    }
    return new DispatchSlot(
        campaign, provider, zones, campaign.counters().get(Counter.LEADS_IN_PROGRESS));
  }

  /**
   * Whether the campaign has a caller id to dial from. If every one rests, a campaign with queued
   * leads waits (saying so once) and the executor wakes when the first rest ends; one without is
   * completed if it is done.
   */
  private boolean callerIdAvailable(Campaign campaign, Instant now) {
    CallerIdRests rests = this.rests.get();
    Instant until = rests.allRestedUntil(campaign, now);
    if (until == null) {
      rests.notAwaiting(campaign.id());
      return true;
    }
    if (windows.hasQueuedLeads(campaign, now)) {
      decisions.deferred(
          campaign.id(),
          Reason.ALL_CALLER_IDS_RESTED,
          "every caller id of the campaign rests; the first is back at " + until,
          now);
      rests.awaiting(campaign, until, now);
      wakeAt.accept(until);
    } else {
      lifecycle.completeIfDone(campaign.tenant(), campaign.id());
    }
    return false;
  }
}
