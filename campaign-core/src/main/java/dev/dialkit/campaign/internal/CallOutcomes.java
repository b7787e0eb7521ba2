package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Instant;

/** What a call's end means for its lead and its campaign's counters. */
final class CallOutcomes {
  private CallOutcomes() {}

  /**
   * The lead's fate after {@code ended}: retried per {@code retry} while the campaign can still
   * dial, otherwise done (reached) or failed.
   */
  static LeadOutcome leadOutcome(
      Call ended, RetryPolicy retry, boolean campaignFinal, Instant now) {
    CallStatus status = ended.status();
    if (!campaignFinal && retry.shouldRetry(status, ended.failureReason(), ended.attempt())) {
      return LeadOutcome.retryAt(now.plus(retry.backoff()));
    }
    return LeadOutcome.finalState(status.isAnswered() ? LeadState.DONE : LeadState.FAILED);
  }

  /** The counter changes of a call ending as {@code ended} with its lead going to {@code lead}. */
  static CounterDelta counters(Call ended, LeadOutcome lead) {
    CallStatus status = ended.status();
    CounterDelta delta =
        CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1)
            .plus(Counter.forLeadState(lead.state()), 1)
            .plus(Counter.forOutcome(status), 1);
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
