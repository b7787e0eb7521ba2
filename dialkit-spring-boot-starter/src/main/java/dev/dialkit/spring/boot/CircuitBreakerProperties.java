package dev.dialkit.spring.boot;

import java.time.Duration;

/**
 * {@code dialkit.circuit-breaker.*}: the circuit breaker of each provider, counting only failures
 * that are the provider's (not a bad number).
 */
public class CircuitBreakerProperties {
  /** How many of the last create requests are looked at. */
  private int slidingWindowSize = 20;

  /** How many requests the window must hold before the breaker may open. */
  private int minimumNumberOfCalls = 10;

  /** The failure percentage at or above which the breaker opens; more than 0, at most 100. */
  private float failureRateThreshold = 50;

  /** How long the breaker stays open before it lets requests probe. */
  private Duration waitDurationInOpenState = Duration.ofSeconds(30);

  /** How many requests probe a half-open breaker. */
  private int permittedNumberOfCallsInHalfOpenState = 3;

  public int getSlidingWindowSize() {
    return slidingWindowSize;
  }

  public void setSlidingWindowSize(int slidingWindowSize) {
    this.slidingWindowSize = slidingWindowSize;
  }

  public int getMinimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
    this.minimumNumberOfCalls = minimumNumberOfCalls;
  }

  public float getFailureRateThreshold() {
    return failureRateThreshold;
  }

  public void setFailureRateThreshold(float failureRateThreshold) {
    this.failureRateThreshold = failureRateThreshold;
  }

  public Duration getWaitDurationInOpenState() {
    return waitDurationInOpenState;
  }

  public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
    this.waitDurationInOpenState = waitDurationInOpenState;
  }

  public int getPermittedNumberOfCallsInHalfOpenState() {
    return permittedNumberOfCallsInHalfOpenState;
  }

  public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
    this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
  }
}
