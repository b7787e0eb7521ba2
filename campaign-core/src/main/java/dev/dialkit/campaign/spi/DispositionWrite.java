package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Disposition;

/**
 * What {@link CampaignStore#recordDisposition} did.
 *
 * @param result what happened
 * @param outcome the call's outcome as stored afterwards, or {@code null} for {@code NOT_FOUND}
 * @param previous the disposition it replaced, or {@code null}
 */
public record DispositionWrite(Result result, CallOutcome outcome, Disposition previous) {

  /** What happened. */
  public enum Result {
    /** No call has the id, or it belongs to another tenant: nothing was written. */
    NOT_FOUND,
    /** The call had no disposition; it has this one now and the log entry was appended. */
    RECORDED,
    /** The call had this very disposition already: nothing was written. */
    UNCHANGED,
    /** The call had another disposition; this one replaced it and the log entry was appended. */
    REPLACED
  }

  public DispositionWrite {
    if (result == null || (result != Result.NOT_FOUND && outcome == null)) {
      throw new IllegalArgumentException(
          "a disposition write needs a result and, if found, an outcome");
    }
  }
}
