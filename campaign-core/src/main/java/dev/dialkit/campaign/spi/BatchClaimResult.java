package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Lead;
import java.util.List;

/**
 * What a batch claim produced ({@link CampaignStore#claimBatch}).
 *
 * @param claimed the leads claimed, each with its new call, in claim order (the i-th was called
 *     from the request's {@code from.get(i)}); each entry's own {@code passedOver} is empty. A call
 *     whose permit was granted with the claim has its {@code sentAt}; any other is unsent
 * @param passedOver every due lead the batch passed over (suppressed or capped), as stored now
 * @param stoppedBy why the batch claimed fewer than it asked for: the reason the next single claim
 *     would have been denied; {@code null} exactly when it claimed all it asked for
 */
public record BatchClaimResult(
    List<ClaimResult.Claimed> claimed, List<Lead> passedOver, ClaimResult.Reason stoppedBy) {
  public BatchClaimResult {
    if (claimed == null || passedOver == null) {
      throw new IllegalArgumentException("claimed and passedOver are required");
    }
    claimed = List.copyOf(claimed);
    passedOver = List.copyOf(passedOver);
    for (ClaimResult.Claimed c : claimed) {
      if (!c.passedOver().isEmpty()) {
        throw new IllegalArgumentException(
            "a batch lists its passed-over leads once, in passedOver, not per claim");
      }
    }
  }

  /** Whether the batch claimed no lead. */
  public boolean isEmpty() {
    return claimed.isEmpty();
  }
}
