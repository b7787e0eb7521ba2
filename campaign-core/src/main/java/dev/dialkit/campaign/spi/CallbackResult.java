package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Lead;

/**
 * What {@link CampaignStore#scheduleCallback} did.
 *
 * @param result what happened
 * @param lead the lead as stored afterwards, or {@code null} for {@code NOT_FOUND}
 */
public record CallbackResult(Result result, Lead lead) {

  /** What happened. */
  public enum Result {
    /** The lead was queued: it waits for the callback now. */
    SCHEDULED,
    /** The lead had finished: it is queued again, for the callback. */
    REQUEUED,
    /**
     * The lead had finished and its campaign had completed (the person asked during the last call):
     * the campaign runs again ({@code RUNNING}, no end time) and the lead is queued for the
     * callback, in the same atomic step.
     */
    REOPENED,
    /** No lead has the id, or it belongs to another tenant. Nothing changed. */
    NOT_FOUND,
    /** A call to the lead is in progress: nothing changed; schedule it once the call ended. */
    IN_PROGRESS,
    /**
     * The lead's campaign was canceled or failed, or completed and its schedule ends before the
     * callback: nothing changed.
     */
    CAMPAIGN_ENDED,
    /** The lead was skipped because its number is on the do-not-call list: nothing changed. */
    SUPPRESSED
  }

  public CallbackResult {
    if (result == null || (result != Result.NOT_FOUND && lead == null)) {
      throw new IllegalArgumentException("a callback result needs a result and, if found, a lead");
    }
  }

  /** Whether the lead now waits for the callback. */
  public boolean scheduled() {
    return result == Result.SCHEDULED || result == Result.REQUEUED || result == Result.REOPENED;
  }
}
