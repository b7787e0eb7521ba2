package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.Serializers;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.PhoneNumber;

/** Finds the module's serializer for each of Dialkit's types; Jackson caches what it returns. */
public final class DialkitSerializers extends Serializers.Base {
  private final WriteOptions options;
  private final JsonValues values;

  public DialkitSerializers(WriteOptions options) {
    this.options = options;
    this.values = new JsonValues(options);
  }

  @Override
  public JsonSerializer<?> findSerializer(
      SerializationConfig config, JavaType type, BeanDescription beanDesc) {
    Class<?> raw = type.getRawClass();
    if (raw == PhoneNumber.class) {
      return new PhoneNumberSerializer(options);
    }
    if (DialkitTypes.isId(raw)) {
      return new IdSerializer(raw);
    }
    if (raw == CampaignCounters.class) {
      return new CountersSerializer(values);
    }
    if (DialkitTypes.isApiRecord(raw) && DialkitEvent.class.isAssignableFrom(raw)) {
      return new EventSerializer(RecordShape.of(raw), values);
    }
    if (DialkitTypes.isApiRecord(raw)) {
      return new RecordSerializer(RecordShape.of(raw), values);
    }
    return null;
  }
}
