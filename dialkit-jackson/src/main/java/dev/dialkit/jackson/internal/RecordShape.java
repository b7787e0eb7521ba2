package dev.dialkit.jackson.internal;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A record's components as the module writes them: in declaration order, each with its JSON name
 * and its {@link FieldRule}. Made once per class (Jackson caches the serializer that holds it).
 */
final class RecordShape {
  /** {@value}: appended to the name of a {@link Duration} component, written in milliseconds. */
  static final String MILLIS_SUFFIX = "Millis";

  /** One component. */
  record Component(String name, String jsonName, Method accessor, FieldRule rule) {
    Object read(Object record) throws ReflectiveOperationException {
      return accessor.invoke(record);
    }
  }

  private final Class<?> type;
  private final List<Component> components;

  private RecordShape(Class<?> type, List<Component> components) {
    this.type = type;
    this.components = components;
  }

  static RecordShape of(Class<?> type) {
    List<Component> components = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      String json = c.getType() == Duration.class ? c.getName() + MILLIS_SUFFIX : c.getName();
      components.add(
          new Component(c.getName(), json, c.getAccessor(), FieldRule.of(type, c.getName())));
    }
    return new RecordShape(type, List.copyOf(components));
  }

  Class<?> type() {
    return type;
  }

  List<Component> components() {
    return components;
  }
}
