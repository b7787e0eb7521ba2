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
    /** No lead has the id, or it belongs to another tenant. Nothing changed. */
    NOT_FOUND,
    /** A call to the lead is in progress: nothing changed; schedule it once the call ended. */
    IN_PROGRESS,
    /** The lead's campaign is completed, canceled or failed: nothing changed. */
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
    return result == Result.SCHEDULED || result == Result.REQUEUED;
  }
}
