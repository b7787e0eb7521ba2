package dev.dialkit.campaign;

/** How a campaign picks the caller id of each call from its pool. */
public enum CallerIdRotation {
  /** Each number in turn. */
  ROUND_ROBIN,
  /**
   * The number whose last call was placed longest ago (by this dialer instance), so that numbers
   * rest as long as possible between calls.
   */
  LEAST_RECENTLY_USED
}
