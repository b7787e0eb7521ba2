package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The steps the batch-claim contracts share: batches of distinct caller ids, and their ends. */
interface BatchClaims extends StoreContractSupport {

  /** Caller id number {@code i} of a batch, distinct from every lead's number. */
  static PhoneNumber caller(int i) {
    return PhoneNumber.of("+1415555" + (1000 + i));
  }

  /** {@code size} distinct caller ids, {@link #caller(int)} 0 to {@code size - 1}. */
  static List<PhoneNumber> callers(int size) {
    List<PhoneNumber> from = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      from.add(caller(i));
    }
    return from;
  }

  /** A batch of {@code size} claims as {@code owner}, the i-th calling from {@link #caller}(i). */
  static BatchClaimRequest batchRequest(
      Campaign campaign,
      String owner,
      Instant now,
      SlotLimits limits,
      Set<ZoneId> zones,
      AttemptCaps caps,
      int size) {
    ClaimRequest first =
        new ClaimRequest(
            campaign.tenant(),
            campaign.id(),
            owner,
            now,
            limits,
            StoreFixtures.PROVIDER,
            caller(0),
            zones,
            caps);
    return new BatchClaimRequest(first, callers(size));
  }

  default BatchClaimResult batch(Campaign campaign, Instant now, SlotLimits limits, int size) {
    return batch(campaign, OWNER, now, limits, size);
  }

  default BatchClaimResult batch(
      Campaign campaign, String owner, Instant now, SlotLimits limits, int size) {
    return store()
        .claimBatch(batchRequest(campaign, owner, now, limits, null, AttemptCaps.NONE, size));
  }

  default List<LeadId> leadIds(BatchClaimResult result) {
    return result.claimed().stream().map(c -> c.lead().id()).toList();
  }

  default List<Call> calls(BatchClaimResult result) {
    return result.claimed().stream().map(ClaimResult.Claimed::call).toList();
  }

  default List<LeadId> ids(List<Lead> leads) {
    return leads.stream().map(Lead::id).toList();
  }

  /** Ends {@code call} completed, its slot released and its lead done, asserting it applied. */
  default void endDone(Call call, Instant at) {
    assertThat(
            store()
                .applyTransition(
                    StoreFixtures.end(
                        call,
                        CallStatus.COMPLETED,
                        LeadOutcome.finalState(LeadState.DONE),
                        "end",
                        at))
                .outcome())
        .isEqualTo(Outcome.APPLIED);
  }
}
