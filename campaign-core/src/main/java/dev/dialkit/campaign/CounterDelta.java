package dev.dialkit.campaign;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Amounts to add to a campaign's counters in one atomic step; amounts may be negative. A store
 * applies every entry or none.
 *
 * @param amounts the non-zero amounts by counter
 */
public record CounterDelta(Map<Counter, Long> amounts) {
  public static final CounterDelta NONE = new CounterDelta(Map.of());

  public CounterDelta {
    EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
    amounts.forEach(
        (counter, amount) -> {
          if (amount != 0) {
            copy.put(counter, amount);
          }
        });
    amounts = Collections.unmodifiableMap(copy);
  }

  public static CounterDelta of(Counter counter, long amount) {
    return NONE.plus(counter, amount);
  }

  /** This delta with {@code amount} added to {@code counter}. */
  public CounterDelta plus(Counter counter, long amount) {
    EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
    copy.putAll(amounts);
    copy.merge(counter, amount, CampaignCounters::add); // saturating, as the counters
    return new CounterDelta(copy);
  }

  public long get(Counter counter) {
    return amounts.getOrDefault(counter, 0L);
  }

  public boolean isEmpty() {
    return amounts.isEmpty();
  }
}
