package dev.dialkit.campaign;

import java.time.Duration;

/**
 * Rests a caller id whose calls stop getting through: one whose recent calls are mostly unanswered
 * or refused (likely labelled as spam by carriers or call-screening apps), or one the provider
 * reports blocked ({@link FailureReason#CALLER_ID_BLOCKED}). A rested caller id is skipped by every
 * campaign's rotation until its rest ends; a campaign whose every caller id rests waits (its leads'
 * {@link DialDecision} says {@link DialDecision.Reason#ALL_CALLER_IDS_RESTED}). Events: {@link
 * DialkitEvent.CallerIdRested}, {@link DialkitEvent.CallerIdRestored}, {@link
 * DialkitEvent.CampaignAwaitingCallerIds}.
 *
 * <p>A caller id is judged per tenant, across all its campaigns: it is the tenant's number. What
 * counts: a call answered (by a person or a machine) is good; no answer, busy, and a failure with
 * {@link FailureReason#REJECTED} or {@link FailureReason#CALLER_ID_BLOCKED} are bad; every other
 * end (canceled, an invalid or unreachable lead number, a provider, account or carrier fault, a
 * call never sent) says nothing about the caller id and is not counted. Judged by each dialer
 * instance from the calls that end on it, in memory: instances sharing a store judge separately,
 * and a restart forgets the rests.
 *
 * <p>Off by default ({@link #OFF}); {@link #recommended()} or {@link #builder()} turns it on.
 *
 * @param enabled whether caller ids are judged at all
 * @param window how many of a caller id's most recent counted calls are looked at, 1 to {@value
 *     #MAX_WINDOW}
 * @param minCalls how many counted calls the window must hold before the share is judged, 1 to
 *     {@code window}
 * @param threshold the share of bad calls in the window at or above which the caller id rests, in
 *     (0, 1]
 * @param restOnBlocked rest the caller id at once on a {@link FailureReason#CALLER_ID_BLOCKED} end
 * @param restFor how long a rest lasts, {@value #MIN_REST_MINUTES} min to {@value #MAX_REST_DAYS}
 *     days
 */
public record CallerIdHealth(
    boolean enabled,
    int window,
    int minCalls,
    double threshold,
    boolean restOnBlocked,
    Duration restFor) {

  /** {@value}: the window of {@link #recommended()}. */
  public static final int DEFAULT_WINDOW = 20;

  /** {@value}: the minimum of calls judged of {@link #recommended()}. */
  public static final int DEFAULT_MIN_CALLS = 10;

  /** {@value}: the threshold of {@link #recommended()}: 9 bad calls in 10. */
  public static final double DEFAULT_THRESHOLD = 0.9;

  /** {@code 4 h}: the rest of {@link #recommended()}. */
  public static final Duration DEFAULT_REST = Duration.ofHours(4);

  /** {@value}: the largest window. */
  public static final int MAX_WINDOW = 1000;

  /** {@value}: the shortest rest, in minutes. */
  public static final int MIN_REST_MINUTES = 1;

  /** {@value}: the longest rest, in days. */
  public static final int MAX_REST_DAYS = 7;

  /** Caller ids are never rested: the dialer's default. */
  public static final CallerIdHealth OFF =
      new CallerIdHealth(
          false, DEFAULT_WINDOW, DEFAULT_MIN_CALLS, DEFAULT_THRESHOLD, true, DEFAULT_REST);

  public CallerIdHealth {
    if (window < 1 || window > MAX_WINDOW) {
      throw new InvalidConfigurationException(
          "callerIdHealth.window", window, "must be between 1 and " + MAX_WINDOW);
    }
    if (minCalls < 1 || minCalls > window) {
      throw new InvalidConfigurationException(
          "callerIdHealth.minCalls", minCalls, "must be between 1 and window " + window);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new InvalidConfigurationException(
          "callerIdHealth.threshold", threshold, "must be in (0, 1]");
    }
    Duration min = Duration.ofMinutes(MIN_REST_MINUTES);
    Duration max = Duration.ofDays(MAX_REST_DAYS);
    if (restFor == null || restFor.compareTo(min) < 0 || restFor.compareTo(max) > 0) {
      throw new InvalidConfigurationException(
          "callerIdHealth.restFor", restFor, "must be between " + min + " and " + max);
    }
  }

  /**
   * On, with window {@value #DEFAULT_WINDOW}, at least {@value #DEFAULT_MIN_CALLS} calls, threshold
   * {@value #DEFAULT_THRESHOLD}, an immediate rest when blocked, and rests of 4 h.
   */
  public static CallerIdHealth recommended() {
    return builder().build();
  }

  /** A builder starting from {@link #recommended()}, turned on. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every setting of {@code existing}. */
  public static Builder from(CallerIdHealth existing) {
    InvalidConfigurationException.required("callerIdHealth", existing);
    Builder b = new Builder();
    b.enabled = existing.enabled;
    b.window = existing.window;
    b.minCalls = existing.minCalls;
    b.threshold = existing.threshold;
    b.restOnBlocked = existing.restOnBlocked;
    b.restFor = existing.restFor;
    return b;
  }

  /** Builds a {@link CallerIdHealth}; {@link #build()} checks every setting. */
  public static final class Builder {
    private boolean enabled = true;
    private int window = DEFAULT_WINDOW;
    private int minCalls = DEFAULT_MIN_CALLS;
    private double threshold = DEFAULT_THRESHOLD;
    private boolean restOnBlocked = true;
    private Duration restFor = DEFAULT_REST;

    private Builder() {}

    /** Default {@code true}. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Default {@value #DEFAULT_WINDOW}; 1 to {@value #MAX_WINDOW}, at least minCalls. */
    public Builder window(int window) {
      this.window = window;
      return this;
    }

    /** Default {@value #DEFAULT_MIN_CALLS}; 1 to window. */
    public Builder minCalls(int minCalls) {
      this.minCalls = minCalls;
      return this;
    }

    /** Default {@value #DEFAULT_THRESHOLD}; in (0, 1]. */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** Default {@code true}. */
    public Builder restOnBlocked(boolean restOnBlocked) {
      this.restOnBlocked = restOnBlocked;
      return this;
    }

    /** Default {@code 4 h}; 1 min to 7 days. */
    public Builder restFor(Duration restFor) {
      this.restFor = InvalidConfigurationException.required("callerIdHealth.restFor", restFor);
      return this;
    }

    /**
     * @throws InvalidConfigurationException naming the setting out of range
     */
    public CallerIdHealth build() {
      return new CallerIdHealth(enabled, window, minCalls, threshold, restOnBlocked, restFor);
    }
  }
}
