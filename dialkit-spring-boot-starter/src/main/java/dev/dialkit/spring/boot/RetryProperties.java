package dev.dialkit.spring.boot;

import java.time.Duration;

/**
 * {@code dialkit.provider-retry.*}: retries of a create-call request the provider certainly did not
 * act on (HTTP 429, connection refused), with exponential backoff. Never an ambiguous one.
 */
public class RetryProperties {
  /** Attempts in all, the first included; at least 1. */
  private int maxAttempts = 3;

  /** The wait before the first retry. */
  private Duration initialInterval = Duration.ofSeconds(1);

  /** How much each wait grows over the one before; at least 1. */
  private double multiplier = 2;

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public Duration getInitialInterval() {
    return initialInterval;
  }

  public void setInitialInterval(Duration initialInterval) {
    this.initialInterval = initialInterval;
  }

  public double getMultiplier() {
    return multiplier;
  }

  public void setMultiplier(double multiplier) {
    this.multiplier = multiplier;
  }
}
