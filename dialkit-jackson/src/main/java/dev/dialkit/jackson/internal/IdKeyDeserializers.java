package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import java.io.IOException;

/** Reads ids used as map keys ({@code Map<CampaignId, ...>}), as written by their toString. */
public final class IdKeyDeserializers implements KeyDeserializers {
  @Override
  public KeyDeserializer findKeyDeserializer(
      JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
    Class<?> raw = type.getRawClass();
    if (!DialkitTypes.isId(raw)) {
      return null;
    }
    return new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
        try {
          return Ids.make(raw, key);
        } catch (IllegalArgumentException e) {
          return ctxt.handleWeirdKey(raw, key, e.getMessage());
        }
      }
    };
  }
}
