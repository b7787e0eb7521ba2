package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import java.time.Instant;

/**
 * The decisions of {@link CampaignStore#recordDisposition}, {@link CampaignStore#scheduleCallback}
 * and {@link CampaignStore#stopLead}, shared by the stores so that each only reads, locks and
 * writes: given what is stored, what to write.
 */
public final class OutcomeRules {
  private OutcomeRules() {}

  /**
   * What recording {@code disposition} on {@code call} does, given its stored outcome ({@code null}
   * if it has none yet).
   */
  public static DispositionWrite disposition(
      Call call, CallOutcome stored, Disposition disposition, Instant at) {
    CallOutcome base = stored != null ? stored : CallOutcome.empty(call, at);
    Disposition previous = base.disposition();
    if (disposition.equals(previous)) {
      return new DispositionWrite(DispositionWrite.Result.UNCHANGED, base, previous);
    }
    return new DispositionWrite(
        previous == null ? DispositionWrite.Result.RECORDED : DispositionWrite.Result.REPLACED,
        base.withDisposition(disposition, at),
        previous);
  }

  /**
   * What a callback does to {@code lead} of a campaign in {@code campaignStatus}: the result with
   * the lead to store (the stored one when nothing changes).
   */
  public static CallbackResult callback(
      Lead lead, CampaignStatus campaignStatus, CallbackRequest request) {
    if (campaignStatus.isFinal()) {
      return new CallbackResult(CallbackResult.Result.CAMPAIGN_ENDED, lead);
    }
    if (lead.state() == LeadState.IN_PROGRESS) {
      return new CallbackResult(CallbackResult.Result.IN_PROGRESS, lead);
    }
    if (lead.state() == LeadState.SKIPPED && lead.hold() == LeadHold.SUPPRESSED) {
      return new CallbackResult(CallbackResult.Result.SUPPRESSED, lead);
    }
    Lead next = lead.callbackAt(request.at(), request.refundAttempt());
    return new CallbackResult(
        lead.state() == LeadState.QUEUED
            ? CallbackResult.Result.SCHEDULED
            : CallbackResult.Result.REQUEUED,
        next);
  }

  /**
   * What a callback does to {@code lead} of {@code campaign}: as {@link #callback(Lead,
   * CampaignStatus, CallbackRequest)}, except that a {@code COMPLETED} campaign whose schedule does
   * not end by the callback is reopened ({@code REOPENED}: the store moves the campaign back to
   * {@code RUNNING}, {@link dev.dialkit.campaign.Campaign#reopened}, with the lead). The person who
   * asks during a campaign's last call to be called back is not refused because that call was the
   * last.
   */
  public static CallbackResult callback(Lead lead, Campaign campaign, CallbackRequest request) {
    if (campaign.status() != CampaignStatus.COMPLETED) {
      return callback(lead, campaign.status(), request);
    }
    if (ScheduleRules.ended(campaign.spec().schedule(), request.at())) {
      return new CallbackResult(CallbackResult.Result.CAMPAIGN_ENDED, lead);
    }
    CallbackResult asRunning = callback(lead, CampaignStatus.RUNNING, request);
    return asRunning.scheduled()
        ? new CallbackResult(CallbackResult.Result.REOPENED, asRunning.lead())
        : asRunning;
  }

  /** How the campaign's counters move when {@code before} becomes {@code after}. */
  public static CounterDelta counters(Lead before, Lead after) {
    if (before.state() == after.state()) {
      return CounterDelta.NONE;
    }
    return CounterDelta.of(Counter.forLeadState(before.state()), -1)
        .plus(Counter.forLeadState(after.state()), 1);
  }

  /** What {@link CampaignStore#stopLead} makes of {@code lead}: itself unless it is queued. */
  public static Lead stop(Lead lead) {
    return lead.state() == LeadState.QUEUED ? lead.stopped() : lead;
  }
}
