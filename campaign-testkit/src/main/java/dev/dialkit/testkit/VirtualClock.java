package dev.dialkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Time only moves forward: {@link #set}
 * and {@link #advance} refuse to go back, so code under test never sees time run backwards.
 *
 * <p>Thread-safe: any thread may read or move it. {@link #withZone} returns a view in another zone
 * that shares this clock's time source, so moving either moves both.
 */
public final class VirtualClock extends Clock {
  private final AtomicReference<Instant> source;
  private final ZoneId zone;

  private VirtualClock(AtomicReference<Instant> source, ZoneId zone) {
    this.source = source;
    this.zone = zone;
  }

  /** A clock showing {@code start}, in UTC. */
  public static VirtualClock at(Instant start) {
    Objects.requireNonNull(start, "start");
    return new VirtualClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  @Override
  public Instant instant() {
    return source.get();
  }

  @Override
  public long millis() {
    return source.get().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in {@code zone}; it shares this clock's time, moving with it. */
  @Override
  public VirtualClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new VirtualClock(source, zone);
  }

  /**
   * Moves the clock to {@code instant}; setting the current instant again is allowed.
   *
   * @throws IllegalArgumentException if {@code instant} is before the current instant
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    source.updateAndGet(
        now -> {
          if (instant.isBefore(now)) {
            throw new IllegalArgumentException(
                "a virtual clock never goes back: now " + now + ", asked for " + instant);
          }
          return instant;
        });
  }

  /**
   * Moves the clock forward by {@code duration} and returns the new instant.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must be >= 0, was " + duration);
    }
    return source.updateAndGet(now -> now.plus(duration));
  }

  /** Moves the clock to {@code instant} if that is later; otherwise leaves it. */
  Instant moveForwardTo(Instant instant) {
    return source.accumulateAndGet(instant, (now, target) -> target.isAfter(now) ? target : now);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VirtualClock other && other.source == source && other.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(source) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "VirtualClock[" + source.get() + "," + zone + "]";
  }
}
