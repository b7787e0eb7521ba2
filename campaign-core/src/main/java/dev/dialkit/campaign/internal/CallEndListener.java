package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.spi.LeadOutcome;

/**
 * Told, after the store committed it, that a call ended and what became of its lead; {@code
 * campaign} is the campaign as read just before the change (or {@code null} if it is gone).
 */
@FunctionalInterface
interface CallEndListener {
  void callEnded(Campaign campaign, Call call, LeadOutcome leadOutcome);
}
