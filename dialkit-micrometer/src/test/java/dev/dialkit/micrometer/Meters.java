package dev.dialkit.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/** Sums of the meters a test reads, across every series that matches. */
final class Meters {
  private final MeterRegistry registry;

  Meters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The total of the counters {@code name} with the tags {@code keyValues}. */
  long counted(String name, String... keyValues) {
    return (long) search(name, keyValues).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** How many times the timers {@code name} with the tags {@code keyValues} recorded. */
  long timed(String name, String... keyValues) {
    return search(name, keyValues).timers().stream().mapToLong(t -> t.count()).sum();
  }

  /** The total of the gauges {@code name} with the tags {@code keyValues}. */
  double gauged(String name, String... keyValues) {
    return search(name, keyValues).gauges().stream().mapToDouble(g -> g.value()).sum();
  }

  private Search search(String name, String... keyValues) {
    return registry.find(name).tags(keyValues);
  }
}
