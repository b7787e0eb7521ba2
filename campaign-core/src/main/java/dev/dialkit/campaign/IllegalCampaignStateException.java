package dev.dialkit.campaign;

import java.util.Set;

/**
 * An operation needs the campaign in one of {@link #expected()} but found it in {@link #actual()};
 * for example resuming a campaign that was never started.
 */
public class IllegalCampaignStateException extends DialkitException {
  private final CampaignId campaignId;
  private final CampaignStatus actual;
  private final Set<CampaignStatus> expected;

  public IllegalCampaignStateException(
      CampaignId campaignId,
      String operation,
      CampaignStatus actual,
      Set<CampaignStatus> expected) {
    super(
        "cannot "
            + operation
            + " campaign "
            + campaignId
            + ": it is "
            + actual
            + ", expected one of "
            + expected);
    this.campaignId = campaignId;
    this.actual = actual;
    this.expected = Set.copyOf(expected);
  }

  public CampaignId campaignId() {
    return campaignId;
  }

  public CampaignStatus actual() {
    return actual;
  }

  public Set<CampaignStatus> expected() {
    return expected;
  }
}
