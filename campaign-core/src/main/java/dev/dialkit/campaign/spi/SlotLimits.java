package dev.dialkit.campaign.spi;

/**
 * The concurrency limits one claim must respect, all at once.
 *
 * @param global calls in progress across the whole store, >= 1
 * @param tenant calls in progress for the claim's tenant, >= 1
 * @param campaign calls in progress for the claim's campaign, >= 1
 */
public record SlotLimits(int global, int tenant, int campaign) {
  public SlotLimits {
    if (global < 1 || tenant < 1 || campaign < 1) {
      throw new IllegalArgumentException(
          "slot limits must be >= 1, were global="
              + global
              + " tenant="
              + tenant
              + " campaign="
              + campaign);
    }
  }
}
