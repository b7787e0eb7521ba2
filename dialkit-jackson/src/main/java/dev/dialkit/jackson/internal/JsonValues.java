package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.dialkit.campaign.PhoneNumber;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the values found in Dialkit's records in Dialkit's own format, whatever the host mapper's
 * settings for them: java.time values, enums, maps and collections here; records, ids and phone
 * numbers through the provider, which finds this module's serializers for them.
 */
final class JsonValues {
  private final WriteOptions options;

  JsonValues(WriteOptions options) {
    this.options = options;
  }

  /** Writes every component of {@code record} but those named in {@code skip}. */
  void writeComponents(
      Object record, RecordShape shape, Set<String> skip, JsonGenerator gen, SerializerProvider p)
      throws IOException {
    for (RecordShape.Component c : shape.components()) {
      if (skip.contains(c.name())) {
        continue;
      }
      Object value;
      try {
        value = c.read(record);
      } catch (ReflectiveOperationException e) {
        throw JsonMappingException.from(
            gen, "cannot read " + shape.type().getSimpleName() + "." + c.name(), e);
      }
      gen.writeFieldName(c.jsonName());
      write(c.rule().apply(value, options), gen, p);
    }
  }

  void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String s) {
      gen.writeString(s);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      gen.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      gen.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Enum<?> e) {
      gen.writeString(e.name());
    } else if (value instanceof Instant instant) {
      gen.writeString(instant.toString()); // ISO-8601, UTC: 2025-03-03T18:00:00Z
    } else if (value instanceof Duration duration) {
      gen.writeNumber(duration.toMillis());
    } else if (value instanceof ZoneId zone) {
      gen.writeString(zone.getId());
    } else if (value instanceof TemporalAccessor local) {
      gen.writeString(local.toString()); // LocalTime, LocalDate: ISO-8601
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, gen, provider);
    } else if (value instanceof Collection<?> collection) {
      gen.writeStartArray();
      for (Object item : stable(collection, collection instanceof Set)) {
        write(item, gen, provider);
      }
      gen.writeEndArray();
    } else {
      provider.defaultSerializeValue(value, gen);
    }
  }

  private void writeMap(Map<?, ?> map, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject();
    for (Object key : stable(map.keySet(), true)) {
      gen.writeFieldName(key(key));
      write(map.get(key), gen, provider);
    }
    gen.writeEndObject();
  }

  private String key(Object key) {
    if (key instanceof Enum<?> e) {
      return e.name();
    }
    if (key instanceof PhoneNumber number) {
      return options.revealPhoneNumbers() ? number.e164() : number.masked();
    }
    if (key != null && DialkitTypes.isId(key.getClass())) {
      return Ids.value(key);
    }
    return String.valueOf(key);
  }

  /**
   * The items in a stable order: sorted when {@code sort} and they are of one comparable class
   * (enums by declaration), else as iterated. Dialkit's maps and sets are immutable copies whose
   * iteration order changes from one JVM to the next.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Object> stable(Collection<?> items, boolean sort) {
    List<Object> list = new ArrayList<>(items);
    if (sort && !list.isEmpty() && list.get(0) instanceof Comparable) {
      Class<?> type = classOf(list.get(0));
      if (list.stream().allMatch(item -> item != null && classOf(item) == type)) {
        list.sort((Comparator) Comparator.naturalOrder());
      }
    }
    return list;
  }

  /** An enum constant with a body is of a subclass: its enum is what it compares with. */
  private static Class<?> classOf(Object item) {
    return item instanceof Enum<?> e ? e.getDeclaringClass() : item.getClass();
  }
}
