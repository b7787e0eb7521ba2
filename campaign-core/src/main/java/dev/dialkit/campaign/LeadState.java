package dev.dialkit.campaign;

/** Where a lead stands in its campaign. */
public enum LeadState {
  /** Waiting to be dialed, possibly not before its next-attempt time. */
  QUEUED,
  /** Claimed: a call to it is being placed or is in progress. */
  IN_PROGRESS,
  /** Reached: its last call ended with an answer (completed or voicemail not retried). */
  DONE,
  /** Not reached, and no attempt is left or the failure is not retryable. */
  FAILED,
  /** Not dialed on purpose (for example its campaign was canceled). */
  SKIPPED;

  public boolean isFinal() {
    return this == DONE || this == FAILED || this == SKIPPED;
  }
}
