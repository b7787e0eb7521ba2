package dev.dialkit.testkit;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import java.time.Instant;

/**
 * One create request a {@link SimulatedCallProvider} received, in the order received: the ground
 * truth of what was sent, whatever the provider then did with it.
 *
 * @param index its place in the order received, from 0
 * @param callId Dialkit's id of the call it asked for
 * @param campaignId the campaign it belongs to
 * @param at when it was received (the provider's clock)
 * @param outcome what the provider did: {@code accepted}, {@code accepted-timeout} (accepted, but
 *     the answer was lost), {@code unavailable}, {@code rate-limited} or {@code invalid-number}
 */
public record SimulatedRequest(
    long index, CallId callId, CampaignId campaignId, Instant at, String outcome) {

  /** Whether the provider created a call for it. */
  public boolean accepted() {
    return outcome.startsWith("accepted");
  }
}
