package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The permit decision of {@link CampaignStore#requestDialPermit}, for store implementations: given
 * what the store read (inside the atomic step that then writes the grant), the first reason to
 * refuse, or {@code null} to grant. Every store decides with it, so all refuse the same requests.
 */
public final class DialPermits {
  private DialPermits() {}

  /**
   * The decision for a store that has not read the do-not-call list: as {@link
   * #refusal(PermitRequest, Call, CampaignStatus, Lease, LeadState, int, boolean)} with the number
   * not suppressed.
   *
   * @deprecated every store must read whether the call's number is suppressed inside the permit's
   *     atomic step and use the overload that takes it; this one remains for stores written against
   *     an earlier SPI and will be removed
   */
  @Deprecated
  public static DialPermit.Reason refusal(
      PermitRequest request,
      Call call,
      CampaignStatus campaign,
      Lease lease,
      LeadState leadState,
      int leadLastAttempt) {
    return refusal(request, call, campaign, lease, leadState, leadLastAttempt, false);
  }

  /**
   * @param request the request
   * @param call the stored call (of the request's tenant)
   * @param campaign the campaign's stored status
   * @param lease the campaign's lease as stored, or {@code null} if nobody holds one
   * @param leadState the stored state of the call's lead
   * @param leadLastAttempt the attempt number of the lead's last stored call
   * @param numberSuppressed whether the call's number ({@link Call#to()}) is on the tenant's
   *     do-not-call list, read in the same atomic step: a number suppressed after the claim is not
   *     dialed, however long the call waited between its claim and its send
   * @return the reason to refuse, or {@code null} to grant
   */
  public static DialPermit.Reason refusal(
      PermitRequest request,
      Call call,
      CampaignStatus campaign,
      Lease lease,
      LeadState leadState,
      int leadLastAttempt,
      boolean numberSuppressed) {
    return refusal(
        request, call, campaign, lease, leadState, leadLastAttempt, numberSuppressed, null);
  }

  /**
   * As {@link #refusal(PermitRequest, Call, CampaignStatus, Lease, LeadState, int, boolean)}, and a
   * campaign whose schedule ended at or before {@code request.now()} ({@link ScheduleRules#ended})
   * dials no more ({@code NOT_DIALING}): a call claimed before the end and held back past it (a
   * pre-dial hook, a stalled thread) is not sent after it.
   *
   * @param schedule the campaign's schedule, read in the same atomic step, or {@code null} if it
   *     has none (a store that keeps only its end may pass {@link CampaignSchedule#endingAt})
   */
  public static DialPermit.Reason refusal(
      PermitRequest request,
      Call call,
      CampaignStatus campaign,
      Lease lease,
      LeadState leadState,
      int leadLastAttempt,
      boolean numberSuppressed,
      CampaignSchedule schedule) {
    Objects.requireNonNull(call, "call");
    if (campaign != CampaignStatus.RUNNING || ScheduleRules.ended(schedule, request.now())) {
      return DialPermit.Reason.NOT_DIALING;
    }
    if (lease == null
        || lease.epoch() != request.epoch()
        || !lease.isHeldBy(request.owner(), request.now())) {
      return DialPermit.Reason.LEASE_LOST;
    }
    if (call.status().isTerminal()
        || leadState != LeadState.IN_PROGRESS
        || leadLastAttempt != call.attempt()) {
      return DialPermit.Reason.CALL_NOT_CURRENT;
    }
    if (call.status() != CallStatus.INITIATED
        || call.providerCallId() != null
        || call.providerRequestId() != null
        || !sameInstant(call.sentAt(), request.previousSentAt())) {
      return DialPermit.Reason.ALREADY_SENT;
    }
    if (numberSuppressed) {
      return DialPermit.Reason.SUPPRESSED;
    }
    return null;
  }

  /** Equal to the millisecond: the precision every store keeps (MongoDB keeps no finer). */
  private static boolean sameInstant(Instant a, Instant b) {
    return a == null || b == null
        ? a == b
        : a.truncatedTo(ChronoUnit.MILLIS).equals(b.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The call as the grant stores it: {@code sentAt} = {@code now}, version one higher. */
  public static Call granted(Call call, PermitRequest request) {
    return call.toBuilder().sentAt(request.now()).nextVersion(request.now()).build();
  }

  /**
   * A call the claim created with its permit ({@link BatchClaimRequest#grantsPermits()}): {@code
   * sentAt} = the claim's {@code now}, truncated to the millisecond as every store keeps it.
   */
  public static Call grantedAtClaim(Call created, Instant now) {
    return created.toBuilder().sentAt(now.truncatedTo(ChronoUnit.MILLIS)).build();
  }

  /**
   * The call-log entry a grant appends ({@code CALL_INITIATED}): the same text whether the dialer
   * asked {@link CampaignStore#requestDialPermit} or the claim granted it.
   *
   * @param call the call
   * @param lead its lead, as claimed (its attempts counted)
   * @param at the permit's instant (the call's {@code sentAt} once granted)
   * @param resend whether this permit replaces an earlier one the provider did not act on
   */
  public static CallLogEntry sentEntry(Call call, Lead lead, Instant at, boolean resend) {
    return CallLogEntry.draft(
        call,
        at,
        CallLogEvent.CALL_INITIATED,
        CallStatus.INITIATED,
        (resend ? "resending attempt " : "attempt ")
            + lead.attempts()
            + " from "
            + call.from().masked(),
        null);
  }
}
