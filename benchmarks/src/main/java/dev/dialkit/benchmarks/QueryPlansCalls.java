package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Instant;
import java.util.List;

/**
 * A call's life through the store as the dialer lives it: claim, dial permit, the provider's answer
 * (its call id recorded), then the provider's webhooks (ringing, answered, the end). Used for the
 * calls made before the plans are taken and, recorded, for the paths themselves.
 */
final class QueryPlansCalls {
  /** No limit binds, not even with the 10,000 calls in progress the bulk step adds. */
  static final SlotLimits LIMITS = new SlotLimits(1_000_000, 1_000_000, 1_000_000);

  private final CampaignStore store;

  QueryPlansCalls(CampaignStore store) {
    this.store = store;
  }

  static ClaimRequest claim(Campaign c, Instant now) {
    return StoreFixtures.claimRequest(c, StoreFixtures.OWNER, now, LIMITS);
  }

  /** Claims the campaign's next lead; its call, or an exception if none was claimed. */
  Call claimed(Campaign c, Instant now) {
    ClaimResult result = store.claimNext(claim(c, now));
    if (result instanceof ClaimResult.Claimed claimed) {
      return claimed.call();
    }
    throw new IllegalStateException("no lead claimed of " + c.id() + ": " + result);
  }

  Call permitted(Call call, long epoch, Instant now) {
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
    if (permit instanceof DialPermit.Granted granted) {
      return granted.call();
    }
    throw new IllegalStateException("permit refused: " + permit);
  }

  /** The provider's answer to the create request: queued, under the provider's own call id. */
  static CallTransition answered(Call call, Instant now) {
    Call next =
        call.toBuilder()
            .status(CallStatus.QUEUED)
            .providerCallId("pc-" + call.id().value())
            .nextVersion(now)
            .build();
    return new CallTransition(
        next,
        call.version(),
        null,
        false,
        null,
        dev.dialkit.campaign.CounterDelta.NONE,
        List.of(StoreFixtures.logOf(next, now)));
  }

  static CallTransition webhook(Call call, CallStatus status, Instant now) {
    return StoreFixtures.update(call, status, key(call, status), now);
  }

  /** The end of the call: the lead done, or (no answer) put back for a retry in an hour. */
  static CallTransition end(Call call, CallStatus status, Instant now) {
    LeadOutcome outcome =
        status == CallStatus.NO_ANSWER
            ? LeadOutcome.retryAt(now.plusSeconds(3600))
            : LeadOutcome.finalState(LeadState.DONE);
    return StoreFixtures.end(call, status, outcome, key(call, status), now);
  }

  private static String key(Call call, CallStatus status) {
    return "evt-" + call.id().value() + "-" + status;
  }

  Call apply(CallTransition transition) {
    TransitionResult result = store.applyTransition(transition);
    if (result.outcome() != TransitionResult.Outcome.APPLIED) {
      throw new IllegalStateException("transition not applied: " + result.outcome());
    }
    return result.call();
  }

  /**
   * {@code ended} calls of the campaign from claim to end, then {@code open} more left in progress,
   * every other one ringing.
   */
  void history(Campaign c, long epoch, int ended, int open, Instant now) {
    for (int i = 0; i < ended + open; i++) {
      Call call = permitted(claimed(c, now), epoch, now);
      call = apply(answered(call, now));
      if (i >= ended && i % 2 == 0) {
        continue;
      }
      call = apply(webhook(call, CallStatus.RINGING, now));
      if (i >= ended) {
        continue;
      }
      call = apply(webhook(call, CallStatus.ANSWERED, now));
      apply(end(call, i % 5 == 4 ? CallStatus.NO_ANSWER : CallStatus.COMPLETED, now));
    }
  }
}
