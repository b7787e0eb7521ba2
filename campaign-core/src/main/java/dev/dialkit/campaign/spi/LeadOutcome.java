package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.LeadState;
import java.time.Instant;

/**
 * What happens to a lead when its call ends.
 *
 * @param state {@code QUEUED} to dial it again, or a final state
 * @param nextAttemptAt for {@code QUEUED}: not before this instant; otherwise {@code null}
 * @param refundAttempt for {@code QUEUED}: the attempt does not count against the lead's budget
 *     (the call never reached the provider)
 */
public record LeadOutcome(LeadState state, Instant nextAttemptAt, boolean refundAttempt) {
  public LeadOutcome {
    if (state == null || state == LeadState.IN_PROGRESS) {
      throw new IllegalArgumentException("a lead outcome must be QUEUED or final, was " + state);
    }
    if ((state == LeadState.QUEUED) != (nextAttemptAt != null)) {
      throw new IllegalArgumentException("nextAttemptAt is required for QUEUED and only for it");
    }
  }

  public static LeadOutcome finalState(LeadState state) {
    return new LeadOutcome(state, null, false);
  }

  public static LeadOutcome retryAt(Instant at) {
    return new LeadOutcome(LeadState.QUEUED, at, false);
  }

  /** Back to the queue, due at {@code at}, as if it had not been claimed. */
  public static LeadOutcome putBack(Instant at) {
    return new LeadOutcome(LeadState.QUEUED, at, true);
  }
}
