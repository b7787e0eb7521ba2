package dev.dialkit.campaign;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A campaign's counters as the store last wrote them.
 *
 * @param values every {@link Counter}, missing ones read as 0
 */
public record CampaignCounters(Map<Counter, Long> values) {
  public static final CampaignCounters ZERO = new CampaignCounters(Map.of());

  public CampaignCounters {
    EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
    for (Counter counter : Counter.values()) {
      copy.put(counter, values.getOrDefault(counter, 0L));
    }
    values = Collections.unmodifiableMap(copy);
  }

  public long get(Counter counter) {
    return values.get(counter);
  }

  /**
   * These counters with {@code delta} added, saturating at {@code Long.MAX_VALUE} and {@code
   * Long.MIN_VALUE} rather than wrapping. Every amount Dialkit adds is range-checked where it comes
   * in (a call's talk time is at most 7 days), so a counter cannot get near a long's limits in
   * practice (9.2e18 ms of talk time is 292 million years); saturation only makes certain that no
   * input, however absurd, turns a counter's sign.
   */
  public CampaignCounters plus(CounterDelta delta) {
    EnumMap<Counter, Long> copy = new EnumMap<>(values);
    delta
        .amounts()
        .forEach((counter, amount) -> copy.merge(counter, amount, CampaignCounters::add));
    return new CampaignCounters(copy);
  }

  /** {@code a + b}, or the long limit it would pass. */
  static long add(long a, long b) {
    long sum = a + b;
    // overflow iff both operands have the sign the sum lacks
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }
}
