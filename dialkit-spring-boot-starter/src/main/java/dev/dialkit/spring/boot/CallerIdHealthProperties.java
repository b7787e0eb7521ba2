package dev.dialkit.spring.boot;

import java.time.Duration;

/** {@code dialkit.caller-id-health.*}: the {@code CallerIdHealth}. Off unless {@code enabled}. */
public class CallerIdHealthProperties {
  /** Whether caller ids are judged at all. */
  private boolean enabled = false;

  /** How many of a caller id's most recent counted calls are looked at; 1 to 1000. */
  private int window = 20;

  /** How many counted calls the window must hold before it is judged; 1 to the window. */
  private int minCalls = 10;

  /**
   * The share of bad calls in the window at or above which the caller id rests; more than 0, at
   * most 1.
   */
  private double threshold = 0.9;

  /** Rest a caller id at once when the provider reports it blocked. */
  private boolean restOnBlocked = true;

  /** How long a rest lasts; 1 min to 7 days. */
  private Duration restFor = Duration.ofHours(4);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getWindow() {
    return window;
  }

  public void setWindow(int window) {
    this.window = window;
  }

  public int getMinCalls() {
    return minCalls;
  }

  public void setMinCalls(int minCalls) {
    this.minCalls = minCalls;
  }

  public double getThreshold() {
    return threshold;
  }

  public void setThreshold(double threshold) {
    this.threshold = threshold;
  }

  public boolean isRestOnBlocked() {
    return restOnBlocked;
  }

  public void setRestOnBlocked(boolean restOnBlocked) {
    this.restOnBlocked = restOnBlocked;
  }

  public Duration getRestFor() {
    return restFor;
  }

  public void setRestFor(Duration restFor) {
    this.restFor = restFor;
  }
}
