package dev.dialkit.campaign;

/**
 * Why a call did not reach anyone, in one vocabulary for every provider. {@link #isRetryable()}
 * says whether dialing the same lead again later may succeed; a retry policy never retries a reason
 * that is not retryable.
 */
public enum FailureReason {
  /** The number does not exist or is malformed. */
  INVALID_NUMBER(false),
  /** The number exists but could not be reached (out of service, switched off). */
  UNREACHABLE(true),
  /** The callee or the network rejected the call. */
  REJECTED(true),
  /**
   * The caller id was refused, not the callee: the carrier or the provider blocked the "from"
   * number or labelled it as spam (SIP 607 Unwanted, SIP 608 Rejected by call analytics, a
   * provider's blocked-caller-id or SHAKEN/STIR attestation error). Retryable: the lead is not at
   * fault, and another caller id may reach it. With {@link CallerIdHealth} on, the caller id is
   * rested at once.
   */
  CALLER_ID_BLOCKED(true),
  /** The carrier failed (congestion, timeout). */
  CARRIER_ERROR(true),
  /** The provider failed on its side. */
  PROVIDER_ERROR(true),
  /** The account is out of credit, unauthorised, or lacks permission for the destination. */
  ACCOUNT_OR_PERMISSION(false),
  /** The provider refused the call for rate or concurrency. */
  RATE_LIMITED(true),
  /**
   * The provider never sent a terminal status and could not be asked for one (the watchdog ended
   * the call). Not retryable: the call may well have been answered, and dialing the lead again
   * could reach the same person twice for one intended attempt.
   */
  NO_STATUS_CALLBACK(false),
  /** A pre-dial hook failed, so the call was never placed. */
  PRE_DIAL_HOOK(true),
  /**
   * Dialkit released the call before its create request was sent: the store refused the dial permit
   * (the campaign stopped dialing, another instance took the campaign over, the lead moved on) or
   * the placement was abandoned (a crash, a store failure). The provider never heard of it, so the
   * lead went back to the queue with its attempt refunded.
   */
  NOT_DIALED(true),
  /** The provider gave no reason Dialkit knows. */
  UNKNOWN(true);

  private final boolean retryable;

  FailureReason(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean isRetryable() {
    return retryable;
  }
}
