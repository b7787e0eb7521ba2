package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import dev.dialkit.campaign.PhoneNumber;

/** Reads the ids and phone numbers from strings, through their own validation. */
public final class DialkitDeserializers extends Deserializers.Base {
  @Override
  public JsonDeserializer<?> findBeanDeserializer(
      JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
    Class<?> raw = type.getRawClass();
    if (raw == PhoneNumber.class) {
      return new TextValueDeserializer(PhoneNumber.class, false, PhoneNumber::of);
    }
    if (DialkitTypes.isId(raw)) {
      return new TextValueDeserializer(raw, true, text -> Ids.make(raw, text));
    }
    return null;
  }
}
