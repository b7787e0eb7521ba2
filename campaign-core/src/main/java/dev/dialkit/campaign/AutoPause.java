package dev.dialkit.campaign;

/**
 * Pauses a campaign by itself when too many of its recent calls fail (a provider or carrier
 * problem, a bad number list), with a {@link DialkitEvent.CampaignPaused} event that says why. Only
 * {@link CallStatus#FAILED} counts as a failure: busy and no-answer are a lead's answer, not a
 * fault.
 *
 * @param window how many of the most recent ended calls are looked at, 5 to 10,000
 * @param maxFailureRate the failure rate above which the campaign pauses, in (0, 1]
 */
public record AutoPause(int window, double maxFailureRate) {
  public AutoPause {
    if (window < 5 || window > 10_000) {
      throw new InvalidConfigurationException(
          "autoPause.window", window, "must be between 5 and 10000");
    }
    if (!(maxFailureRate > 0 && maxFailureRate <= 1)) {
      throw new InvalidConfigurationException(
          "autoPause.maxFailureRate", maxFailureRate, "must be in (0, 1]");
    }
  }
}
