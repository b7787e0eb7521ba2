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

  /** These counters with {@code delta} added. */
  public CampaignCounters plus(CounterDelta delta) {
    EnumMap<Counter, Long> copy = new EnumMap<>(values);
    delta.amounts().forEach((counter, amount) -> copy.merge(counter, amount, Long::sum));
    return new CampaignCounters(copy);
  }
}
