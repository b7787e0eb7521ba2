package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignNotFoundException;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadNotFoundException;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.QueuePosition;
import dev.dialkit.campaign.QueuePosition.Basis;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Queue positions and expected times: a lead's place in the order claims take leads (counted by the
 * store, {@link CampaignStore#countLeadsAhead}) and the campaign's dial rate ({@link DialRates})
 * make its expected dial time; the campaign's leads left and the same rate make its expected end.
 */
final class QueueForecast {
  private final CampaignStore store;
  private final Clock clock;
  private final ConcurrencyPolicy concurrency;
  private final DialRates rates;

  QueueForecast(CampaignStore store, Clock clock, ConcurrencyPolicy concurrency, DialRates rates) {
    this.store = store;
    this.clock = clock;
    this.concurrency = concurrency;
    this.rates = rates;
  }

  /** The lead's position, or empty when it is not queued (in progress or finished). */
  Optional<QueuePosition> position(TenantId tenant, LeadId leadId) {
    Lead lead =
        store.findLead(tenant, leadId).orElseThrow(() -> new LeadNotFoundException(tenant, leadId));
    if (lead.state() != LeadState.QUEUED) {
      return Optional.empty();
    }
    Campaign campaign =
        store
            .findCampaign(tenant, lead.campaignId())
            .orElseThrow(() -> new CampaignNotFoundException(tenant, lead.campaignId()));
    Instant now = clock.instant();
    CallingWindow window = campaign.spec().callingWindow();
    Instant due = lead.nextAttemptAt().isAfter(now) ? lead.nextAttemptAt() : now;
    due = window.nextOpening(due, lead.timeZone());
    long ahead = store.countLeadsAhead(lead, due, openZones(campaign, lead, due));
    DialRates.Rate rate = rateOf(campaign, now);
    Instant expected = null;
    if (rate.basis().hasRate()) {
      Instant drained = now.plusMillis(Math.round(ahead * 1000.0 / rate.perSecond()));
      expected = drained.isAfter(due) ? drained : due;
    }
    return Optional.of(
        new QueuePosition(
            lead.id(),
            campaign.id(),
            ahead + 1,
            ahead,
            due,
            expected,
            rate.basis(),
            rate.perSecond() * 60,
            now));
  }

  /**
   * The campaign's progress with its ETA from the dial rate: every lead queued or in progress still
   * has to free a slot, at the rate leads leave the queue. Without a rate, the ETA of {@link
   * CampaignProgress#of} (the elapsed time scaled by the leads left over those finished).
   */
  CampaignProgress progress(Campaign campaign, java.util.Map<String, Long> dispositions) {
    Instant now = clock.instant();
    CampaignProgress progress = CampaignProgress.of(campaign, dispositions, now);
    long left = progress.queued() + progress.inProgress();
    if (left == 0) {
      return progress;
    }
    DialRates.Rate rate = rateOf(campaign, now);
    if (!rate.basis().hasRate()) {
      return progress;
    }
    return progress.withEta(Duration.ofMillis(Math.round(left * 1000.0 / rate.perSecond())));
  }

  private DialRates.Rate rateOf(Campaign campaign, Instant now) {
    if (!CampaignStatus.ACTIVE.contains(campaign.status())) {
      return new DialRates.Rate(Basis.NOT_DIALING, 0);
    }
    int limit =
        Math.min(
            concurrency.global(),
            Math.min(
                concurrency.perTenant(),
                concurrency.campaignLimit(campaign.spec().maxConcurrentCalls())));
    return rates.rate(
        campaign.id(), now, campaign.counters().get(Counter.LEADS_IN_PROGRESS), limit);
  }

  /** The zones of the campaign's queued leads whose window is open at {@code at}; null: all. */
  private Set<ZoneId> openZones(Campaign campaign, Lead lead, Instant at) {
    CallingWindow window = campaign.spec().callingWindow();
    if (window.equals(CallingWindow.always())) {
      return null;
    }
    Set<ZoneId> open = new HashSet<>();
    open.add(lead.timeZone()); // open at its due time, by construction
    for (ZoneId zone : store.queuedLeadZones(campaign.tenant(), campaign.id())) {
      if (window.isOpen(at, zone)) {
        open.add(zone);
      }
    }
    return open;
  }
}
