package dev.dialkit.testkit.internal.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One instance's view of the shared virtual clock, off by a fixed skew: instances of one deployment
 * never agree exactly on the time.
 */
final class SkewedClock extends Clock {
  private final Clock base;
  private final Duration skew;

  SkewedClock(Clock base, Duration skew) {
    this.base = base;
    this.skew = skew;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(skew);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new SkewedClock(base.withZone(zone), skew);
  }
}
