package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit.Reason;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Dial permits granted with a batch claim ({@code BatchClaimRequest.withPermits}): each claimed
 * call comes back granted exactly when a permit asked right after the claim would be, and such a
 * call is then in the state a separate grant leaves it in.
 */
interface ClaimPermitContract extends BatchClaims {

  private BatchClaimResult claimWithPermits(Campaign campaign, long epoch, Instant now, int size) {
    return store()
        .claimBatch(
            BatchClaims.batchRequest(campaign, OWNER, now, NO_LIMITS, null, AttemptCaps.NONE, size)
                .withPermits(epoch));
  }

  @Test
  default void aClaimWithPermitsGrantsEachCallItClaims() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 3);
    long epoch = ownerEpoch(campaign, T0);

    BatchClaimResult result = claimWithPermits(campaign, epoch, seconds(1), 5);

    assertThat(result.claimed()).hasSize(3);
    for (ClaimResult.Claimed claimed : result.claimed()) {
      Call call = claimed.call();
      assertThat(call.sentAt()).as("granted at the claim's now").isEqualTo(seconds(1));
      assertThat(call.awaitsProvider()).isTrue();
      assertThat(reloadCall(call)).as("as stored").isEqualTo(call);
      assertThat(callLog(call))
          .extracting(e -> e.event())
          .containsExactly(CallLogEvent.CALL_INITIATED);
      assertThat(refusal(permit(call, epoch, seconds(2))))
          .as("the permit is spent: a second one is refused")
          .isEqualTo(Reason.ALREADY_SENT);
    }
  }

  @Test
  default void aStaleEpochClaimsButGrantsNoPermit() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    long epoch = ownerEpoch(campaign, T0);

    BatchClaimResult result = claimWithPermits(campaign, epoch + 1, seconds(1), 2);

    assertThat(result.claimed()).hasSize(2);
    for (ClaimResult.Claimed claimed : result.claimed()) {
      assertThat(claimed.call().isUnsent()).isTrue();
      assertThat(reloadCall(claimed.call()).isUnsent()).isTrue();
      assertThat(callLog(claimed.call())).isEmpty();
    }
    // the dialer then asks for the permit itself, and the stale epoch is refused there too
    Call first = result.claimed().get(0).call();
    assertThat(refusal(permit(first, epoch + 1, seconds(2)))).isEqualTo(Reason.LEASE_LOST);
    assertThat(granted(permit(first, epoch, seconds(2))).sentAt()).isEqualTo(seconds(2));
  }

  @Test
  default void aPausedCampaignGetsNeitherClaimNorPermit() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    long epoch = ownerEpoch(campaign, T0);
    move(campaign, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(1));

    BatchClaimResult result = claimWithPermits(campaign, epoch, seconds(2), 2);

    assertThat(result.claimed()).isEmpty();
    assertThat(result.stoppedBy()).isEqualTo(ClaimResult.Reason.NOT_RUNNING);
  }

  @Test
  default void aCallPermittedWithItsClaimCanBeWithdrawnUnsent() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    ClaimResult.Claimed claimed = claimWithPermits(campaign, epoch, seconds(1), 1).claimed().get(0);
    Call call = claimed.call();

    // the sender saw its permit too old, or its breaker open: it releases what it did not send
    assertThat(
            store()
                .applyTransition(
                    end(
                        call,
                        CallStatus.CANCELED,
                        LeadOutcome.putBack(seconds(2)),
                        null,
                        seconds(2)))
                .outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(reloadLead(claimed.lead()).state()).isEqualTo(LeadState.QUEUED);
  }
}
