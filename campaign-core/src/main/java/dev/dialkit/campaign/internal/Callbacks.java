package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadNotFoundException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallbackRequest;
import dev.dialkit.campaign.spi.CallbackResult;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules calls back to leads at a local time in their own zone, through the lead's {@code
 * nextAttemptAt} ({@link CampaignStore#scheduleCallback}): the claim dials a callback like any due
 * lead, so the calling window, every limit and every cap hold for it.
 */
final class Callbacks {
  private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

  private final CampaignStore store;
  private final Clock clock;
  private final Consumer<CampaignId> queued;

  Callbacks(CampaignStore store, Clock clock, Consumer<CampaignId> queued) {
    this.store = store;
    this.clock = clock;
    this.queued = queued;
  }

  Lead at(TenantId tenant, LeadId leadId, LocalDateTime localTime) {
    required("tenant", tenant);
    required("lead", leadId);
    required("time", localTime);
    Lead lead = store.findLead(tenant, leadId).orElseThrow(() -> notFound(tenant, leadId));
    // ZonedDateTime.of moves a time in a gap later by the gap and takes the earlier of an overlap
    return schedule(lead, ZonedDateTime.of(localTime, lead.timeZone()).toInstant());
  }

  Lead at(TenantId tenant, LeadId leadId, ZonedDateTime time) {
    required("tenant", tenant);
    required("lead", leadId);
    required("time", time);
    Lead lead = store.findLead(tenant, leadId).orElseThrow(() -> notFound(tenant, leadId));
    return schedule(lead, time.toInstant());
  }

  private Lead schedule(Lead lead, Instant at) {
    Instant now = clock.instant();
    if (at.isBefore(now)) {
      throw new IllegalArgumentException(
          "lead " + lead.id() + ": callback time " + at + " is before now (" + now + ")");
    }
    Campaign campaign =
        store
            .findCampaign(lead.tenant(), lead.campaignId())
            .orElseThrow(() -> notFound(lead.tenant(), lead.id()));
    boolean refund = !campaign.spec().dispositions().callbacksCountAsAttempts();
    CallbackResult result =
        store.scheduleCallback(new CallbackRequest(lead.tenant(), lead.id(), at, refund, now));
    switch (result.result()) {
      case SCHEDULED, REQUEUED -> {
        log.info(
            "campaign {}: lead {} called back at {} ({})",
            lead.campaignId(),
            lead.id(),
            at,
            result.result());
        queued.accept(lead.campaignId());
        return result.lead();
      }
      case NOT_FOUND -> throw notFound(lead.tenant(), lead.id());
      case IN_PROGRESS ->
          throw new IllegalArgumentException(
              "lead " + lead.id() + " has a call in progress: schedule the callback once it ended");
      case SUPPRESSED ->
          throw new IllegalArgumentException(
              "lead " + lead.id() + ": its number is on the do-not-call list");
      case CAMPAIGN_ENDED -> {
        Campaign ended = store.findCampaign(lead.tenant(), lead.campaignId()).orElse(campaign);
        throw new IllegalCampaignStateException(
            campaign.id(),
            "schedule a callback in",
            ended.status(),
            Set.of(
                CampaignStatus.DRAFT,
                CampaignStatus.RUNNING,
                CampaignStatus.SCHEDULED,
                CampaignStatus.PAUSED));
      }
      default -> throw new IllegalStateException("unexpected " + result.result());
    }
  }

  private static LeadNotFoundException notFound(TenantId tenant, LeadId lead) {
    return new LeadNotFoundException(tenant, lead);
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(field, null, "is required");
    }
    return value;
  }
}
