package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;

/** What the store answered to a {@link PermitRequest}. */
public sealed interface DialPermit {
  /**
   * Granted: the call now carries {@code sentAt} = the request's {@code now}, its version is one
   * higher, and the request's log entries are appended. Send now, or never.
   */
  record Granted(Call call) implements DialPermit {}

  /**
   * Refused; nothing changed.
   *
   * @param reason the first failing condition, in the order of {@link Reason}
   * @param call the call as stored, or {@code null} for {@link Reason#CALL_NOT_FOUND}
   */
  record Denied(Reason reason, Call call) implements DialPermit {}

  /** Why a permit was refused, in the order the store checks. */
  enum Reason {
    /** No call has the id, or it belongs to another tenant. */
    CALL_NOT_FOUND,
    /** The campaign is not {@code RUNNING} (paused, scheduled, canceled, completed). */
    NOT_DIALING,
    /**
     * The asker does not hold the campaign's lease with this epoch at {@code now}: another instance
     * took it over, or it expired.
     */
    LEASE_LOST,
    /** The call has ended, or its lead is no longer in progress with this call as its last one. */
    CALL_NOT_CURRENT,
    /**
     * The call was already sent (it carries another {@code sentAt} than the request's {@code
     * previousSentAt}) or the provider already reported on it.
     */
    ALREADY_SENT,
    /**
     * The call's number is on the tenant's do-not-call list ({@link
     * CampaignStore#addSuppressions}): it was added after the claim, while the call waited to be
     * sent. Checked last, so a call refused for another reason keeps that reason.
     */
    SUPPRESSED
  }

  /** Whether the permit was granted. */
  default boolean granted() {
    return this instanceof Granted;
  }
}
