package dev.dialkit.micrometer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the values one tag takes: the first {@code max} distinct values seen keep their own, every
 * later one becomes {@link DialkitMetrics#OTHER}. A value once admitted stays admitted, so a
 * campaign's series never moves between its own tag and "other".
 */
final class TagLimiter {
  private final int max;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  TagLimiter(int max) {
    this.max = max;
  }

  /** The tag value for {@code value}: itself while there is room, else "other". */
  String tag(String value) {
    if (admitted.contains(value)) {
      return value;
    }
    synchronized (this) {
      if (admitted.contains(value) || admitted.size() < max) {
        admitted.add(value);
        return value;
      }
    }
    return DialkitMetrics.OTHER;
  }
}
