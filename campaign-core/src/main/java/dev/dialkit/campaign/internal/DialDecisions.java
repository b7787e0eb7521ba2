package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.DialDecision.Kind;
import dev.dialkit.campaign.DialDecision.Reason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Explains what the dialer does with a lead. Most of the answer is in the lead and its campaign
 * (state, attempts, next-attempt time, window); what only the executor knows, why a due lead of a
 * running campaign is waiting (a limit, the rate limiter, the circuit breaker), it records here per
 * campaign on every pass.
 */
final class DialDecisions {
  private record Deferral(Reason reason, String detail, Instant at) {}

  /** Claims of a campaign this instance made through a failover provider, and the latest pair. */
  private record Failovers(long count, String from, String to) {}

  private final ConcurrentHashMap<CampaignId, Deferral> lastDeferral = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CampaignId, Failovers> failovers = new ConcurrentHashMap<>();

  /** A lead of {@code campaign} was claimed for {@code to} because {@code from} was down. */
  void failedOver(CampaignId campaign, String from, String to) {
    failovers.merge(
        campaign,
        new Failovers(1, from, to),
        (old, one) -> new Failovers(old.count() + 1, from, to));
  }

  /** How many calls of the campaign this instance sent through a failover provider. */
  long failovers(CampaignId campaign) {
    Failovers f = failovers.get(campaign);
    return f == null ? 0 : f.count();
  }

  void deferred(CampaignId campaign, Reason reason, String detail, Instant at) {
    lastDeferral.put(campaign, new Deferral(reason, detail, at));
  }

  void claimed(CampaignId campaign) {
    lastDeferral.remove(campaign);
  }

  DialDecision explain(Lead lead, Campaign campaign, Instant now) {
    switch (lead.state()) {
      case IN_PROGRESS:
        return decision(
            lead, Kind.DIALED, Reason.DUE, "attempt " + lead.attempts() + " in progress", now);
      case DONE:
        return decision(lead, Kind.DIALED, Reason.REACHED, "reached: " + lead.lastOutcome(), now);
      case FAILED:
        return decision(
            lead,
            Kind.SKIPPED,
            Reason.NOT_RETRIED,
            "not dialed again after " + lead.attempts() + " attempt(s), last " + lead.lastOutcome(),
            now);
      case SKIPPED:
        if (lead.hold() == LeadHold.SUPPRESSED) {
          return decision(
              lead,
              Kind.SKIPPED,
              Reason.SUPPRESSED,
              "its number is on the tenant's do-not-call list",
              now);
        }
        if (lead.hold() == LeadHold.EXPIRED) {
          return decision(
              lead,
              Kind.SKIPPED,
              Reason.SCHEDULE_ENDED,
              "expired: the campaign's schedule ended before it was dialed",
              now);
        }
        return decision(lead, Kind.SKIPPED, Reason.CAMPAIGN_ENDED, "skipped", now);
      case QUEUED:
      default:
        return queued(lead, campaign, now);
    }
  }

  private DialDecision queued(Lead lead, Campaign campaign, Instant now) {
    CampaignStatus status = campaign.status();
    if (status.isFinal()) {
      return decision(lead, Kind.SKIPPED, Reason.CAMPAIGN_ENDED, "campaign " + status, now);
    }
    if (status == CampaignStatus.DRAFT) {
      return decision(
          lead, Kind.DEFERRED, Reason.CAMPAIGN_NOT_STARTED, "campaign not started", now);
    }
    if (status == CampaignStatus.PAUSED) {
      return decision(lead, Kind.DEFERRED, Reason.CAMPAIGN_PAUSED, "campaign paused", now);
    }
    if (lead.nextAttemptAt().isAfter(now)
        && (lead.hold() == LeadHold.ROLLING_24_HOUR_CAP
            || lead.hold() == LeadHold.CALENDAR_DAY_CAP)) {
      String cap =
          lead.hold() == LeadHold.ROLLING_24_HOUR_CAP
              ? "the tenant's cap of calls per 24 hours"
              : "the tenant's cap of calls per calendar day";
      return decision(
          lead,
          Kind.DEFERRED,
          Reason.ATTEMPT_CAP,
          "its number was called as often as " + cap + " allows; due at " + lead.nextAttemptAt(),
          now);
    }
    if (lead.nextAttemptAt().isAfter(now) && lead.hold() == LeadHold.CALLBACK) {
      return decision(
          lead,
          Kind.DEFERRED,
          Reason.CALLBACK,
          "callback at "
              + lead.nextAttemptAt().atZone(lead.timeZone()).toLocalDateTime()
              + " "
              + lead.timeZone()
              + " ("
              + lead.nextAttemptAt()
              + ")",
          now);
    }
    if (lead.nextAttemptAt().isAfter(now)) {
      Reason reason = lead.attempts() > 0 ? Reason.RETRY_BACKOFF : Reason.NOT_DUE_YET;
      return decision(lead, Kind.DEFERRED, reason, "due at " + lead.nextAttemptAt(), now);
    }
    var window = campaign.spec().callingWindow();
    if (!window.isOpen(now, lead.timeZone())) {
      return decision(
          lead,
          Kind.DEFERRED,
          Reason.WINDOW_CLOSED,
          "calling window closed in "
              + lead.timeZone()
              + "; opens "
              + window.nextOpening(now, lead.timeZone()),
          now);
    }
    Deferral d = lastDeferral.get(campaign.id());
    if (d != null) {
      return decision(
          lead, Kind.DEFERRED, d.reason(), withFailovers(campaign.id(), d.detail()), d.at());
    }
    return decision(
        lead,
        Kind.DEFERRED,
        Reason.WAITING_FOR_TURN,
        withFailovers(campaign.id(), "due; waiting for its turn"),
        now);
  }

  /** The detail, with the campaign's failovers if it had any: what the decision record shows. */
  private String withFailovers(CampaignId campaign, String detail) {
    Failovers f = failovers.get(campaign);
    return f == null
        ? detail
        : detail
            + " ("
            + f.count()
            + " call(s) failed over by this instance, latest from "
            + f.from()
            + " to "
            + f.to()
            + ")";
  }

  private static DialDecision decision(
      Lead lead, Kind kind, Reason reason, String detail, Instant at) {
    return new DialDecision(
        lead.id(), kind, reason, detail, lead.nextAttemptAt(), lead.attempts(), at);
  }
}
