package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.PhoneNumber;
import java.util.Collections;
import java.util.List;

/**
 * A request to claim several due leads of one campaign at once ({@link CampaignStore#claimBatch}):
 * one slot and one new call per lead.
 *
 * @param request what every claim of the batch shares (tenant, campaign, owner, time, limits,
 *     provider, zones, caps); its {@code from} must be {@code from.get(0)}
 * @param from the caller id of each call wanted, in claim order: the i-th lead claimed is called
 *     from {@code from.get(i)}. Its size is the most leads to claim, 1 to {@link
 *     CampaignStore#MAX_CLAIM_BATCH}
 * @param permitEpoch {@code 0} to claim only; otherwise the epoch of the campaign lease the owner
 *     holds ({@link Lease#epoch()}), asking the store to grant each claimed call its dial permit in
 *     the same atomic step, as {@link CampaignStore#requestDialPermit} would grant it at {@code
 *     request.now()} with this epoch. The dialer asks so when it sends each call right after the
 *     claim (no pre-dial hook can delay it), which saves the permit's own atomic step per call
 */
public record BatchClaimRequest(ClaimRequest request, List<PhoneNumber> from, long permitEpoch) {
  public BatchClaimRequest {
    if (request == null || from == null) {
      throw new IllegalArgumentException("a batch claim needs a request and its caller ids");
    }
    from = List.copyOf(from);
    if (from.isEmpty() || from.size() > CampaignStore.MAX_CLAIM_BATCH) {
      throw new IllegalArgumentException(
          "a batch claims 1 to "
              + CampaignStore.MAX_CLAIM_BATCH
              + " leads, one caller id each; got "
              + from.size()
              + " caller ids");
    }
    if (!from.get(0).equals(request.from())) {
      throw new IllegalArgumentException(
          "the request's caller id must be the batch's first (from.get(0))");
    }
    if (permitEpoch < 0) {
      throw new IllegalArgumentException(
          "a permit epoch is >= 1, or 0 for none; was " + permitEpoch);
    }
  }

  /** A batch that claims only: no dial permit is granted with it. */
  public BatchClaimRequest(ClaimRequest request, List<PhoneNumber> from) {
    this(request, from, 0);
  }

  /** This batch, asking for each claimed call's dial permit with the lease epoch {@code epoch}. */
  public BatchClaimRequest withPermits(long epoch) {
    if (epoch < 1) {
      throw new IllegalArgumentException("a permit epoch is >= 1, was " + epoch);
    }
    return new BatchClaimRequest(request, from, epoch);
  }

  /** Whether the claimed calls should get their dial permits in the claim's atomic step. */
  public boolean grantsPermits() {
    return permitEpoch > 0;
  }

  /** A batch of {@code size} claims that all call from {@code request.from()}. */
  public static BatchClaimRequest of(ClaimRequest request, int size) {
    if (request == null || size < 1 || size > CampaignStore.MAX_CLAIM_BATCH) {
      throw new IllegalArgumentException(
          "a batch claims 1 to " + CampaignStore.MAX_CLAIM_BATCH + " leads; got " + size);
    }
    return new BatchClaimRequest(request, Collections.nCopies(size, request.from()));
  }

  /** The most leads this batch claims. */
  public int max() {
    return from.size();
  }

  /** The single claim the batch's {@code i}-th call amounts to: the request with its caller id. */
  public ClaimRequest claim(int i) {
    ClaimRequest r = request;
    return new ClaimRequest(
        r.tenant(),
        r.campaignId(),
        r.owner(),
        r.now(),
        r.limits(),
        r.provider(),
        from.get(i),
        r.zones(),
        r.caps());
  }
}
