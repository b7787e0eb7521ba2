package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.lang.reflect.Method;

/** An id record as its plain string {@code value}, not {@code {"value": ...}}. */
final class IdSerializer extends StdScalarSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private final transient Method value;

  IdSerializer(Class<?> idType) {
    super(idType, false);
    this.value = idType.getRecordComponents()[0].getAccessor();
  }

  @Override
  public void serialize(Object id, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    try {
      gen.writeString((String) value.invoke(id));
    } catch (ReflectiveOperationException e) {
      throw JsonMappingException.from(gen, "cannot read " + handledType().getSimpleName(), e);
    }
  }
}
