package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.dialkit.campaign.PhoneNumber;
import java.io.IOException;

/**
 * Ids and phone numbers as map keys in the host's own types ({@code Map<CampaignId, Long>}): the
 * id's value, the number masked or revealed as the module is set, as for values.
 */
public final class DialkitKeySerializers extends Serializers.Base {
  private final WriteOptions options;

  public DialkitKeySerializers(WriteOptions options) {
    this.options = options;
  }

  @Override
  public JsonSerializer<?> findSerializer(
      SerializationConfig config, JavaType type, BeanDescription beanDesc) {
    Class<?> raw = type.getRawClass();
    if (raw == PhoneNumber.class || DialkitTypes.isId(raw)) {
      return new KeySerializer(raw, options);
    }
    return null;
  }

  private static final class KeySerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;
    private final boolean reveal;

    KeySerializer(Class<?> type, WriteOptions options) {
      super(type, false);
      this.reveal = options.revealPhoneNumbers();
    }

    @Override
    public void serialize(Object key, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (key instanceof PhoneNumber number) {
        gen.writeFieldName(reveal ? number.e164() : number.masked());
      } else {
        gen.writeFieldName(Ids.value(key));
      }
    }
  }
}
