package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.SlotLimits;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How a slot-filling pass claims from the store: the request under the dialer's limits and the
 * tenant's attempt caps, the permits riding in the claim while claims are quick, the observation
 * for the observers, and the caller ids the claimed calls took.
 */
final class PassClaims {
  private final DialerSettings settings;
  private final CallerIds callerIds;
  private final ToLongFunction<CampaignId> epochs;

  /** How long the last claim took: permits ride in claims only while claims are quick. */
  private volatile long lastClaimNanos;

  PassClaims(DialerSettings settings, CallerIds callerIds, ToLongFunction<CampaignId> epochs) {
    this.settings = settings;
    this.callerIds = callerIds;
    this.epochs = epochs;
  }

  /**
   * Claims up to {@code from.size()} calls of the slot's campaign, one caller id each; the permits
   * ride in the claim when that is safe (see below).
   */
  BatchClaimResult claim(DispatchSlot slot, Instant now, List<PhoneNumber> from) {
    Campaign campaign = slot.campaign;
    CampaignSpec spec = campaign.spec();
    SlotLimits limits =
        new SlotLimits(
            settings.concurrency().global(),
            settings.concurrency().perTenant(),
            settings.concurrency().campaignLimit(spec.maxConcurrentCalls()));
    long started = System.nanoTime();
    ClaimRequest request =
        new ClaimRequest(
            campaign.tenant(),
            campaign.id(),
            settings.instanceId(),
            now,
            limits,
            slot.provider.name(),
            from.get(0),
            slot.zones,
            settings.attemptCaps().forTenant(campaign.tenant()));
    BatchClaimRequest batch = new BatchClaimRequest(request, from);
    long epoch = epochs.applyAsLong(campaign.id());
    if (epoch > 0
        && settings.preDialHooks().isEmpty()
        && slot.provider.capabilities().statusQuery()
        && lastClaimNanos < settings.permitTimeout().toNanos() / 4
        && Switches.permitsWithClaims) {
      // each call is sent right after the claim, so its permit rides in the claim's atomic step.
      // The price: if this instance dies between the claim and the sends, the batch's calls have
      // an unknown outcome, which only the provider can settle, hence only a provider that answers
      // status queries; without one a separate permit keeps that window to the call being sent
      batch = batch.withPermits(epoch);
    }
    BatchClaimResult result = settings.store().claimBatch(batch);
    // a claim that takes a good part of the permit's timeout would hand over stale permits: the
    // next ones ask for separate permits until claims are quick again
    lastClaimNanos = System.nanoTime() - started;
    settings
        .observers()
        .claimed(ClaimObservation.of(slot.campaign, slot.provider.name(), result, started));
    for (ClaimResult.Claimed claimed : result.claimed()) {
      callerIds.used(campaign, claimed.call().from());
    }
    return result;
  }
}
