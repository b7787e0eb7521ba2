package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Instant;
import java.util.List;

/**
 * What the dialer asks of the store for one claimed call, as the store benchmarks replay it: the
 * dial permit right before the provider request, then the three provider updates the webhook
 * pipeline applies through {@code applyTransition} (ringing and answered leave the slot and the
 * lead alone; completed ends the lead, frees the slot and moves the counters), built with the
 * testkit's {@link StoreFixtures} as the dialer's call updater builds them.
 */
final class CallLifecycle {
  private CallLifecycle() {}

  /** The dial permit every call gets right before its create request. */
  static Call permit(CampaignStore store, Call call, long epoch, Instant now) {
    DialPermit permit =
        store.requestDialPermit(
            new PermitRequest(
                call.tenant(),
                call.id(),
                StoreFixtures.OWNER,
                epoch,
                now,
                null,
                List.of(StoreFixtures.logOf(call, now))));
    if (!(permit instanceof DialPermit.Granted granted)) {
      throw new IllegalStateException("permit refused: " + permit);
    }
    return granted.call();
  }

  static CallTransition ringing(Call call, Instant now) {
    return StoreFixtures.update(call, CallStatus.RINGING, "r", now);
  }

  static CallTransition answered(Call call, Instant now) {
    return StoreFixtures.update(call, CallStatus.ANSWERED, "a", now);
  }

  /** The terminal update: the call completed, its lead done, its slot freed. */
  static CallTransition completed(Call call, Instant now) {
    return StoreFixtures.end(
        call, CallStatus.COMPLETED, LeadOutcome.finalState(LeadState.DONE), "c", now);
  }

  /** Applies {@code transition}; anything but {@code APPLIED} is a failure of the benchmark. */
  static Call apply(CampaignStore store, CallTransition transition) {
    TransitionResult result = store.applyTransition(transition);
    if (result.outcome() != TransitionResult.Outcome.APPLIED) {
      throw new IllegalStateException("update not applied: " + result.outcome());
    }
    return result.call();
  }
}
