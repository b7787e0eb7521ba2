package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.spi.LeadOutcome;

/** Told, after the store committed it, that a call ended and what became of its lead. */
@FunctionalInterface
interface CallEndListener {
  void callEnded(Call call, LeadOutcome leadOutcome);
}
