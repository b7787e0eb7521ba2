package dev.dialkit.campaign;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a lead whose call ended without success is dialed again. One budget per lead: {@code
 * maxAttempts} counts every call to it, whatever the outcome. A failure whose {@link FailureReason}
 * is not retryable (an invalid number, an account problem) is never retried.
 *
 * @param retryOn the outcomes that may be retried; only terminal statuses other than COMPLETED
 * @param maxAttempts total calls per lead, 1 (never retry) to {@value #MAX_ATTEMPTS}
 * @param backoff delay before the next attempt, 0 to {@link #MAX_BACKOFF} (30 days)
 */
public record RetryPolicy(Set<CallStatus> retryOn, int maxAttempts, Duration backoff) {
  /** {@value}: the attempts of {@link #noAnswerAndBusy()}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** 30 minutes: the backoff of {@link #noAnswerAndBusy()}. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(30);

  /** {@value}: the most calls per lead a policy may allow. */
  public static final int MAX_ATTEMPTS = 100;

  /**
   * {@code 30 days}: the longest backoff. A longer one is a mistake in units, and an instant that
   * far away would overflow where the next attempt is scheduled.
   */
  public static final Duration MAX_BACKOFF = Duration.ofDays(30);

  public RetryPolicy {
    if (retryOn == null) {
      throw new InvalidConfigurationException("retryOn", null, "must not be null");
    }
    for (CallStatus status : retryOn) {
      if (status == null) {
        throw new InvalidConfigurationException("retryOn", null, "must not hold null");
      }
      if (!status.isTerminal() || status == CallStatus.COMPLETED) {
        throw new InvalidConfigurationException(
            "retryOn", status, "may hold only unsuccessful terminal statuses");
      }
    }
    retryOn = retryOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(retryOn));
    InvalidConfigurationException.atLeast("maxAttempts", maxAttempts, 1);
    if (maxAttempts > MAX_ATTEMPTS) {
      throw new InvalidConfigurationException(
          "maxAttempts", maxAttempts, "must be <= " + MAX_ATTEMPTS);
    }
    if (backoff == null || backoff.isNegative()) {
      throw new InvalidConfigurationException("backoff", backoff, "must be >= 0");
    }
    if (backoff.compareTo(MAX_BACKOFF) > 0) {
      throw new InvalidConfigurationException("backoff", backoff, "must be <= " + MAX_BACKOFF);
    }
  }

  /** Never retry: one call per lead. */
  public static RetryPolicy none() {
    return new RetryPolicy(Set.of(), 1, Duration.ZERO);
  }

  /** Retry no-answer and busy, {@value #DEFAULT_MAX_ATTEMPTS} calls per lead, 30 minutes apart. */
  public static RetryPolicy noAnswerAndBusy() {
    return noAnswerAndBusy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF);
  }

  /** Retry no-answer and busy, up to {@code maxAttempts} calls per lead, {@code backoff} apart. */
  public static RetryPolicy noAnswerAndBusy(int maxAttempts, Duration backoff) {
    return new RetryPolicy(EnumSet.of(CallStatus.NO_ANSWER, CallStatus.BUSY), maxAttempts, backoff);
  }

  /**
   * Whether a lead that has had {@code attemptsSoFar} calls, the last ending in {@code outcome}
   * with {@code reason}, is dialed again.
   */
  public boolean shouldRetry(CallStatus outcome, FailureReason reason, int attemptsSoFar) {
    if (attemptsSoFar >= maxAttempts || !retryOn.contains(outcome)) {
      return false;
    }
    return reason == null || reason.isRetryable();
  }
}
