package dev.dialkit.testkit.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A calls-per-second limit on a clock: holds {@code max(1, rate)} tokens, refills {@code rate} per
 * second, one token per request. Not thread-safe; the provider calls it under its lock.
 */
public final class TokenBucket {
  private final double rate;
  private final double capacity;
  private double tokens;
  private Instant last;

  public TokenBucket(double rate, Instant start) {
    this.rate = rate;
    this.capacity = Math.max(1, rate);
    this.tokens = capacity;
    this.last = start;
  }

  /** Takes a token if one is left at {@code now}. */
  public boolean tryAcquire(Instant now) {
    if (now.isAfter(last)) {
      double seconds = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(capacity, tokens + seconds * rate);
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
