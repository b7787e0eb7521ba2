package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.spi.BatchClaimResult;
import java.time.Duration;

/** Makes the observation of one claim, so that the claim's call site stays one line longer. */
final class ClaimObservation {
  private ClaimObservation() {}

  /**
   * The batch claim of {@code campaign} through {@code provider}, begun at {@code startedNanos}.
   */
  static DialerObserver.Claim of(
      Campaign campaign, String provider, BatchClaimResult result, long startedNanos) {
    return new DialerObserver.Claim(
        campaign.tenant(),
        campaign.id(),
        provider,
        result.claimed().size(),
        result.passedOver().size(),
        Duration.ofNanos(System.nanoTime() - startedNanos));
  }
}
