package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.dialkit.campaign.DialkitEvent;
import java.io.IOException;
import java.util.Set;

/**
 * A {@link DialkitEvent} as one flat object: {@code type} (the simple class name), {@code
 * occurredAt}, then {@code tenant} and {@code campaignId} for an event about a campaign, then the
 * event's other components. A consumer switches on {@code type} and filters on the ids without
 * knowing where each event keeps them.
 */
final class EventSerializer extends RecordSerializer {
  private static final long serialVersionUID = 1L;

  /** {@value}: the field naming the event. */
  static final String TYPE = "type";

  private static final Set<String> LEADING = Set.of("occurredAt");
  private static final Set<String> SCOPED_LEADING = Set.of("occurredAt", "tenant", "campaignId");

  EventSerializer(RecordShape shape, JsonValues values) {
    super(shape, values);
  }

  @Override
  void writeFields(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    DialkitEvent event = (DialkitEvent) value;
    gen.writeStringField(TYPE, value.getClass().getSimpleName());
    gen.writeFieldName("occurredAt");
    values.write(event.occurredAt(), gen, provider);
    if (event instanceof DialkitEvent.ScopedEvent scoped) {
      gen.writeFieldName("tenant");
      values.write(scoped.tenant(), gen, provider);
      gen.writeFieldName("campaignId");
      values.write(scoped.campaignId(), gen, provider);
      values.writeComponents(value, shape, SCOPED_LEADING, gen, provider);
    } else {
      values.writeComponents(value, shape, LEADING, gen, provider);
    }
  }
}
