package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.spi.ClaimResult.Claimed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The permits a batch claim asked for ({@link BatchClaimRequest#grantsPermits()}), granted one
 * {@link CampaignStore#requestDialPermit} at a time right after the claim: for a store whose claim
 * cannot grant them in its own atomic step (the SPI's default {@code claimBatch}, MongoDB). Each
 * grant is a permit's own atomic step, so every rule of the permit holds; the claim's round trip is
 * simply not saved. A call refused its permit, or whose permit the store failed to answer, comes
 * back unsent: the dialer then asks for the permit itself, and a call the store did mark sent is
 * refused that second permit and left to recovery, which asks the provider. Nothing is sent twice.
 */
public final class ClaimPermits {
  private static final Logger log = LoggerFactory.getLogger(ClaimPermits.class);

  private ClaimPermits() {}

  /** {@code result} with each claimed call replaced by its granted one, where granted. */
  public static BatchClaimResult grantEach(
      CampaignStore store, BatchClaimRequest request, BatchClaimResult result) {
    if (!request.grantsPermits() || result.claimed().isEmpty()) {
      return result;
    }
    ClaimRequest claim = request.request();
    Instant now = claim.now().truncatedTo(ChronoUnit.MILLIS);
    List<Claimed> out = new ArrayList<>(result.claimed().size());
    for (Claimed c : result.claimed()) {
      out.add(new Claimed(c.lead(), grant(store, request, c, now)));
    }
    return new BatchClaimResult(out, result.passedOver(), result.stoppedBy());
  }

  private static Call grant(
      CampaignStore store, BatchClaimRequest request, Claimed claimed, Instant now) {
    Call call = claimed.call();
    PermitRequest permit =
        new PermitRequest(
            call.tenant(),
            call.id(),
            request.request().owner(),
            request.permitEpoch(),
            now,
            null,
            List.of(DialPermits.sentEntry(call, claimed.lead(), now, false)));
    try {
      return store.requestDialPermit(permit) instanceof DialPermit.Granted g ? g.call() : call;
    } catch (RuntimeException e) {
      log.debug("call {}: permit with the claim failed; the dialer asks again: {}", call.id(), e);
      return call;
    }
  }
}
