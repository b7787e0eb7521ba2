package dev.dialkit.campaign;

import java.util.UUID;

/**
 * Identifies a campaign, unique across tenants.
 *
 * @param value 1 to 128 characters of letters, digits, {@code . _ : -}
 */
public record CampaignId(String value) {
  public CampaignId {
    Ids.check("campaign id", value);
  }

  public static CampaignId of(String value) {
    return new CampaignId(value);
  }

  /** A new random id. */
  public static CampaignId random() {
    return new CampaignId("cmp-" + UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value;
  }
}
