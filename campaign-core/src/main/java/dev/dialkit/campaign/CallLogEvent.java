package dev.dialkit.campaign;

/** What a call-log entry records. */
public enum CallLogEvent {
  /** The store granted the dial permit: the create request is being sent. */
  CALL_INITIATED,
  /** The provider accepted the create request. */
  CALL_PLACED,
  /** The create request failed; the detail says why. */
  CALL_PLACE_FAILED,
  /** A status update was applied. */
  STATUS_APPLIED,
  /** The same update was delivered again; nothing changed. */
  STATUS_DUPLICATE,
  /** An update arrived after a later one (or after the end); nothing changed. */
  STATUS_STALE,
  /** The provider sent a status Dialkit does not know; nothing changed. */
  STATUS_UNKNOWN,
  /**
   * Dialkit settled the call itself: the watchdog ended a call whose end was never reported, or a
   * reconciliation found that an ambiguous create never reached the provider.
   */
  CALL_RECONCILED,
  /**
   * The call was released before its create request was sent (see {@link
   * FailureReason#NOT_DIALED}); the lead went back to the queue with its attempt refunded.
   */
  CALL_RELEASED,
  /** A pre-dial hook failed; the call was not placed and the lead went back to the queue. */
  PRE_DIAL_HOOK_FAILED,
  /** Dialkit asked the provider to hang up. */
  HANGUP_REQUESTED,
  /**
   * A disposition was recorded for the call, or replaced the one it had; the detail names the code
   * (and the one replaced).
   */
  DISPOSITION_RECORDED,
  /**
   * A call back to a lead was scheduled: on the call whose disposition asked for it, or on the
   * campaign (no call) when the host asked directly; the detail names the lead and says when, in
   * its zone.
   */
  CALLBACK_SCHEDULED,
  /** The campaign's status changed. */
  CAMPAIGN_STATUS
}
