package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.function.Function;

/**
 * A value read from a JSON string by its own factory, which validates it. Anything but a string is
 * a {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}; a string the factory
 * refuses is an {@link InvalidFormatException} with the factory's message (escaped, numbers masked)
 * and Jackson's path to the field.
 */
final class TextValueDeserializer extends StdScalarDeserializer<Object> {
  private static final long serialVersionUID = 1L;

  private final boolean keepValue;
  private final transient Function<String, Object> factory;

  /**
   * @param keepValue whether the exception may carry the rejected text ({@code false} for a phone
   *     number: a host's error handler might show it)
   */
  TextValueDeserializer(Class<?> type, boolean keepValue, Function<String, Object> factory) {
    super(type);
    this.keepValue = keepValue;
    this.factory = factory;
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      return ctxt.handleUnexpectedToken(handledType(), p);
    }
    String text = p.getText();
    try {
      return factory.apply(text);
    } catch (IllegalArgumentException e) {
      throw InvalidFormatException.from(
          p,
          "Invalid " + handledType().getSimpleName() + ": " + e.getMessage(),
          keepValue ? text : null,
          handledType());
    }
  }
}
