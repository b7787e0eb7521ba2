package dev.dialkit.jackson;

import dev.dialkit.campaign.DialkitEvent;
import java.util.ArrayList;
import java.util.List;

/** Every concrete event type, found from the sealed hierarchy rather than listed by hand. */
final class Events {
  private Events() {}

  static List<Class<?>> allTypes() {
    List<Class<?>> found = new ArrayList<>();
    collect(DialkitEvent.class, found);
    return found;
  }

  private static void collect(Class<?> type, List<Class<?>> found) {
    if (type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        collect(sub, found);
      }
    } else if (!found.contains(type)) {
      found.add(type);
    }
  }

  /** One instance of each event type, each from the shared samples. */
  static List<DialkitEvent> samples() {
    List<DialkitEvent> events = new ArrayList<>();
    for (Class<?> type : allTypes()) {
      events.add((DialkitEvent) Samples.instanceOf(type, 10));
    }
    return events;
  }
}
