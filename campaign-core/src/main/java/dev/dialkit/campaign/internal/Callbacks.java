package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
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
import java.util.List;
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
  private final CampaignLifecycle lifecycle;

  /** Callbacks whose reopened campaigns are not announced (tests of the lead service alone). */
  Callbacks(CampaignStore store, Clock clock, Consumer<CampaignId> queued) {
    this(store, clock, queued, null);
  }

  Callbacks(
      CampaignStore store, Clock clock, Consumer<CampaignId> queued, CampaignLifecycle lifecycle) {
    this.store = store;
    this.clock = clock;
    this.queued = queued;
    this.lifecycle = lifecycle;
  }

  Lead at(TenantId tenant, LeadId leadId, LocalDateTime localTime) {
    return at(tenant, leadId, localTime, null);
  }

  /**
   * As {@link #at(TenantId, LeadId, LocalDateTime)}, asked by {@code call}'s disposition: the log
   * entry goes on that call's timeline.
   */
  Lead at(TenantId tenant, LeadId leadId, LocalDateTime localTime, Call call) {
    required("tenant", tenant);
    required("lead", leadId);
    required("time", localTime);
    Lead lead = store.findLead(tenant, leadId).orElseThrow(() -> notFound(tenant, leadId));
    // ZonedDateTime.of moves a time in a gap later by the gap and takes the earlier of an overlap
    return schedule(lead, ZonedDateTime.of(localTime, lead.timeZone()).toInstant(), call);
  }

  Lead at(TenantId tenant, LeadId leadId, ZonedDateTime time) {
    required("tenant", tenant);
    required("lead", leadId);
    required("time", time);
    Lead lead = store.findLead(tenant, leadId).orElseThrow(() -> notFound(tenant, leadId));
    return schedule(lead, time.toInstant(), null);
  }

  private Lead schedule(Lead lead, Instant at, Call call) {
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
      case SCHEDULED, REQUEUED, REOPENED -> {
        log.info(
            "campaign {}: lead {} called back at {} ({})",
            lead.campaignId(),
            lead.id(),
            at,
            result.result());
        logScheduled(lead, at, call, result, now);
        if (result.result() == CallbackResult.Result.REOPENED && lifecycle != null) {
          lifecycle.reopened(
              lead.tenant(), lead.campaignId(), "reopened: lead " + lead.id() + " called back");
        }
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

  /**
   * Says so in the call log: on the call whose disposition asked for it, else on the campaign. The
   * callback is scheduled already, so a failure here is logged and not thrown.
   */
  private void logScheduled(Lead lead, Instant at, Call call, CallbackResult result, Instant now) {
    String detail =
        "lead "
            + lead.id()
            + " to be called back at "
            + at
            + " ("
            + lead.timeZone()
            + ": "
            + at.atZone(lead.timeZone()).toLocalDateTime()
            + ")"
            + switch (result.result()) {
              case REQUEUED -> "; requeued";
              case REOPENED -> "; requeued, the completed campaign reopened";
              default -> "";
            };
    CallLogEntry entry =
        new CallLogEntry(
            0,
            lead.tenant(),
            lead.campaignId(),
            call == null ? null : call.id(),
            now,
            CallLogEvent.CALLBACK_SCHEDULED,
            null,
            detail,
            call == null ? null : call.provider(),
            null);
    try {
      store.appendLog(List.of(entry));
    } catch (RuntimeException e) {
      log.warn("campaign {}: callback of lead {} not logged", lead.campaignId(), lead.id(), e);
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
