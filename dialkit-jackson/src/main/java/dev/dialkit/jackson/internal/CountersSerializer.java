package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.dialkit.campaign.CampaignCounters;
import java.io.IOException;

/**
 * A campaign's counters as {@code {"LEADS_TOTAL": 3, ...}}, every counter, in declaration order.
 */
final class CountersSerializer extends StdSerializer<CampaignCounters> {
  private static final long serialVersionUID = 1L;

  private final transient JsonValues values;

  CountersSerializer(JsonValues values) {
    super(CampaignCounters.class);
    this.values = values;
  }

  @Override
  public void serialize(CampaignCounters value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    values.write(value.values(), gen, provider);
  }
}
