package dev.dialkit.campaign;

import java.time.Instant;

/**
 * Why the dialer did, or does not yet do, what it does with a lead: dialed, deferred (and until
 * what), or skipped. Built from the lead and its campaign as stored, and from the executor's last
 * pass (limits, rate limiter, circuit breaker are seen by the instance that dials the campaign).
 *
 * @param leadId the lead
 * @param kind dialed, deferred or skipped
 * @param reason the specific reason
 * @param detail a readable explanation
 * @param nextAttemptAt the lead's next-attempt time
 * @param attempts calls placed to it so far
 * @param at when this decision was made or observed
 */
public record DialDecision(
    LeadId leadId,
    Kind kind,
    Reason reason,
    String detail,
    Instant nextAttemptAt,
    int attempts,
    Instant at) {

  /** What happened. */
  public enum Kind {
    DIALED,
    DEFERRED,
    SKIPPED
  }

  /** Why. */
  public enum Reason {
    /** Claimed and dialed; a call is in progress. */
    DUE,
    /** Dialed and reached. */
    REACHED,
    /** Dialed and not retried: attempts used up, or the outcome is not retried. */
    NOT_RETRIED,
    /** Waiting for its retry backoff to pass. */
    RETRY_BACKOFF,
    /** Added with a later start. */
    NOT_DUE_YET,
    /** Its calling window is closed in its time zone. */
    WINDOW_CLOSED,
    /** The global concurrency limit is reached. */
    GLOBAL_LIMIT,
    /** The tenant's concurrency limit is reached. */
    TENANT_LIMIT,
    /** The campaign's concurrency limit is reached. */
    CAMPAIGN_LIMIT,
    /** The provider's calls-per-second limit is reached. */
    RATE_LIMIT,
    /** The provider's circuit breaker is open. */
    BREAKER_OPEN,
    /** The campaign is paused. */
    CAMPAIGN_PAUSED,
    /** The campaign has not been started. */
    CAMPAIGN_NOT_STARTED,
    /** The campaign's {@link Pacing} holds its next call back, below every limit. */
    PACED,
    /** The campaign's {@link CampaignSchedule} has not started yet. */
    SCHEDULE_NOT_STARTED,
    /** The campaign's {@link CampaignSchedule} ended before the lead was dialed: expired. */
    SCHEDULE_ENDED,
    /** The campaign is completed, canceled or failed. */
    CAMPAIGN_ENDED,
    /** Its number is on the tenant's do-not-call list: skipped for good. */
    SUPPRESSED,
    /**
     * Every caller id of the campaign is resting (see {@link CallerIdHealth}); due again when the
     * first rest ends.
     */
    ALL_CALLER_IDS_RESTED,
    /** Its number was called as often as the tenant's attempt caps allow; due again later. */
    ATTEMPT_CAP,
    /** Waiting for the callback the person asked for ({@link Leads#callback}). */
    CALLBACK,
    /** Due, with nothing in the way seen: the next pass will claim it in turn. */
    WAITING_FOR_TURN
  }
}
