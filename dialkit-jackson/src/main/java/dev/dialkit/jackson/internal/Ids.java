package dev.dialkit.jackson.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reads and makes the id records of {@link DialkitTypes#isId}, by reflection on their shape. */
final class Ids {
  private Ids() {}

  /** The id's text. */
  static String value(Object id) {
    try {
      Method accessor = id.getClass().getRecordComponents()[0].getAccessor();
      return (String) accessor.invoke(id);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + id.getClass().getSimpleName(), e);
    }
  }

  /** Makes an id of {@code type}; its own constructor validates the text. */
  static Object make(Class<?> type, String text) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(String.class);
      return constructor.newInstance(text);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException rejected) {
        throw rejected; // the id's own IllegalArgumentException, with its escaped message
      }
      throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
    }
  }
}
