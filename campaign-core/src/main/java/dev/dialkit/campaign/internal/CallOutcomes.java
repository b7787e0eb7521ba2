package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Instant;
import java.time.ZoneId;

/** What a call's end means for its lead and its campaign's counters. */
final class CallOutcomes {
  private CallOutcomes() {}

  /**
   * The lead's fate after {@code ended}: retried per the campaign's retry policy while the campaign
   * can still dial, at the backoff's end or the next opening of the lead's calling window after it;
   * otherwise done (reached) or failed. The budget is the lead's own attempt count, which does not
   * count attempts that never reached the provider.
   */
  static LeadOutcome leadOutcome(Call ended, Lead lead, Campaign campaign, Instant now) {
    CallStatus status = ended.status();
    int attempts = lead != null ? lead.attempts() : ended.attempt();
    if (campaign != null && !campaign.status().isFinal()) {
      CampaignSpec spec = campaign.spec();
      if (spec.retry().shouldRetry(status, ended.failureReason(), attempts)) {
        Instant due = now.plus(spec.retry().backoff());
        ZoneId zone = lead != null ? lead.timeZone() : null;
        return LeadOutcome.retryAt(spec.callingWindow().nextOpening(due, zone));
      }
    }
    return LeadOutcome.finalState(status.isAnswered() ? LeadState.DONE : LeadState.FAILED);
  }

  /**
   * The counter changes of a call ending as {@code ended} with its lead going to {@code lead}. A
   * call that never reached the provider (its attempt refunded) counts as no call at all: {@code
   * CALLS_PLACED} goes back down and no outcome counter moves. {@code failedOver}: the call was
   * carried by a failover provider, not the campaign's own.
   */
  static CounterDelta counters(Call ended, LeadOutcome lead, boolean failedOver) {
    CallStatus status = ended.status();
    CounterDelta delta =
        CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1).plus(Counter.forLeadState(lead.state()), 1);
    if (lead.refundAttempt()) {
      // the provider never got the call: it was counted as placed when claimed, and is not now
      return delta.plus(Counter.CALLS_PLACED, -1);
    }
    delta = delta.plus(Counter.forOutcome(status), 1);
    if (failedOver) {
      delta = delta.plus(Counter.FAILOVERS, 1);
    }
    if (lead.state() == LeadState.QUEUED) {
      delta = delta.plus(Counter.RETRIES, 1);
    }
    if (status.isAnswered()) {
      delta = delta.plus(Counter.CALLS_ANSWERED, 1);
      if (ended.duration() != null) {
        delta =
            delta
                .plus(Counter.TALK_MILLIS, ended.duration().toMillis())
                .plus(Counter.TIMED_CALLS, 1);
      }
    }
    return delta;
  }
}
