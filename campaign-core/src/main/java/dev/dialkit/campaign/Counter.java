package dev.dialkit.campaign;

/**
 * The counters a store keeps per campaign. Stores update them only together with the change that
 * causes them (a claim, a call's terminal status), so they never drift from the calls.
 */
public enum Counter {
  /** Leads imported. */
  LEADS_TOTAL,
  /** Leads waiting to be dialed (now or at their next-attempt time). */
  LEADS_QUEUED,
  /** Leads with a call in progress. */
  LEADS_IN_PROGRESS,
  /** Leads reached. */
  LEADS_DONE,
  /** Leads given up on. */
  LEADS_FAILED,
  /** Leads not dialed on purpose. */
  LEADS_SKIPPED,
  /** Calls placed (attempts), whatever their outcome. */
  CALLS_PLACED,
  /** Calls that ended after being answered (completed or voicemail). */
  CALLS_ANSWERED,
  CALLS_COMPLETED,
  CALLS_VOICEMAIL,
  CALLS_BUSY,
  CALLS_NO_ANSWER,
  CALLS_FAILED,
  CALLS_CANCELED,
  /** The sum of the durations the providers reported, in milliseconds. */
  TALK_MILLIS,
  /** Answered calls with a known duration (the divisor of the average duration). */
  TIMED_CALLS,
  /**
   * Calls carried by one of the campaign's failover providers instead of its own, counted when they
   * end (a call released unsent counts as no call).
   */
  FAILOVERS,
  /** Ended calls whose lead was queued again for another attempt by the campaign's retry policy. */
  RETRIES,
  /**
   * Leads never dialed to the end because the campaign's {@link CampaignSchedule} ended: they are
   * {@code SKIPPED} (with {@link LeadHold#EXPIRED}) and counted in {@link #LEADS_SKIPPED} too.
   */
  LEADS_EXPIRED;

  /** The counter an ended call of this terminal status adds one to. */
  public static Counter forOutcome(CallStatus status) {
    return switch (status) {
      case COMPLETED -> CALLS_COMPLETED;
      case VOICEMAIL -> CALLS_VOICEMAIL;
      case BUSY -> CALLS_BUSY;
      case NO_ANSWER -> CALLS_NO_ANSWER;
      case FAILED -> CALLS_FAILED;
      case CANCELED -> CALLS_CANCELED;
      default -> throw new IllegalArgumentException("not a terminal status: " + status);
    };
  }

  /** The counter a lead in this final state adds one to. */
  public static Counter forLeadState(LeadState state) {
    return switch (state) {
      case QUEUED -> LEADS_QUEUED;
      case IN_PROGRESS -> LEADS_IN_PROGRESS;
      case DONE -> LEADS_DONE;
      case FAILED -> LEADS_FAILED;
      case SKIPPED -> LEADS_SKIPPED;
    };
  }
}
