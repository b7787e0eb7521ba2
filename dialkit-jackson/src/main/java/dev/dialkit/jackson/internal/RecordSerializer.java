package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Set;

/**
 * A record of the core's API as one object of its components, in declaration order. Subclassed for
 * the events, which lead with their type, time and scope.
 */
class RecordSerializer extends StdSerializer<Object> {
  private static final long serialVersionUID = 1L;

  final transient RecordShape shape;
  final transient JsonValues values;

  RecordSerializer(RecordShape shape, JsonValues values) {
    super(shape.type(), false);
    this.shape = shape;
    this.values = values;
  }

  @Override
  public final void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject(value);
    writeFields(value, gen, provider);
    gen.writeEndObject();
  }

  /** Honours a host that enabled polymorphic typing: its type id, then the same fields. */
  @Override
  public final void serializeWithType(
      Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
      throws IOException {
    WritableTypeId typeId =
        typeSer.writeTypePrefix(gen, typeSer.typeId(value, JsonToken.START_OBJECT));
    writeFields(value, gen, provider);
    typeSer.writeTypeSuffix(gen, typeId);
  }

  void writeFields(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    values.writeComponents(value, shape, Set.of(), gen, provider);
  }
}
