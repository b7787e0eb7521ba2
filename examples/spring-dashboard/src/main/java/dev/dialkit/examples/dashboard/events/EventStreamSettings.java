package dev.dialkit.examples.dashboard.events;

import java.time.Duration;

/**
 * Bounds of the event stream.
 *
 * @param queueCapacity events queued per browser before it is dropped as too slow, 1 to 100,000
 * @param maxSubscribers browsers on the stream at once, 1 to 10,000; more are refused with 503
 * @param timeout how long one stream stays open before the browser reconnects, 10 s to 1 h
 * @param heartbeat how often an idle stream gets a comment, 1 s to 10 min
 */
public record EventStreamSettings(
    int queueCapacity, int maxSubscribers, Duration timeout, Duration heartbeat) {

  public static final EventStreamSettings DEFAULTS =
      new EventStreamSettings(1_000, 100, Duration.ofMinutes(10), Duration.ofSeconds(15));

  public EventStreamSettings {
    range("queueCapacity", queueCapacity, 1, 100_000);
    range("maxSubscribers", maxSubscribers, 1, 10_000);
    if (timeout == null
        || timeout.compareTo(Duration.ofSeconds(10)) < 0
        || timeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("timeout must be between 10 s and 1 h, was " + timeout);
    }
    if (heartbeat == null
        || heartbeat.compareTo(Duration.ofSeconds(1)) < 0
        || heartbeat.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "heartbeat must be between 1 s and 10 min, was " + heartbeat);
    }
  }

  private static void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
