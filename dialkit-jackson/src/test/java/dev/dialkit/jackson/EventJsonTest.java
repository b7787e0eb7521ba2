package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.DialkitEvent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private final ObjectMapper mapper =
      new ObjectMapper().registerModule(DialkitJacksonModule.create());

  @Test
  void everyEventTypeIsWrittenFlatWithTypeTimeAndScopeFirst() throws Exception {
    List<Class<?>> types = Events.allTypes();
    assertThat(types).as("the sealed hierarchy was walked").hasSizeGreaterThan(10);
    Set<String> typeNames = new HashSet<>();
    for (DialkitEvent event : Events.samples()) {
      JsonNode json = mapper.readTree(mapper.writeValueAsString(event));
      String name = event.getClass().getSimpleName();
      assertThat(typeNames.add(json.path("type").asText())).as("unique type " + name).isTrue();
      assertThat(json.path("type").asText()).isEqualTo(name);
      assertThat(json.path("occurredAt").asText()).isEqualTo(event.occurredAt().toString());

      List<String> expected = new ArrayList<>(List.of("type", "occurredAt"));
      if (event instanceof DialkitEvent.ScopedEvent scoped) {
        expected.addAll(List.of("tenant", "campaignId"));
        assertThat(json.path("tenant").asText()).as(name).isEqualTo(scoped.tenant().value());
        assertThat(json.path("campaignId").asText()).as(name).isEqualTo("cmp-1");
      }
      for (RecordComponent c : event.getClass().getRecordComponents()) {
        String key = c.getType() == Duration.class ? c.getName() + "Millis" : c.getName();
        if (!expected.contains(key)) {
          expected.add(key);
        }
      }
      assertThat(fieldNames(json)).as(name).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void anEventNestsItsCallAndProgressAsFlatObjectsOfStrings() throws Exception {
    JsonNode callUpdated =
        mapper.readTree(
            mapper.writeValueAsString(
                new DialkitEvent.CallUpdated(Samples.call(), CallStatus.ANSWERED, Samples.T0)));
    assertThat(callUpdated.path("call").path("id").asText()).isEqualTo("ld-1.1");
    assertThat(callUpdated.path("call").path("to").asText()).isEqualTo("********0123");
    assertThat(callUpdated.path("call").path("durationMillis").asLong()).isEqualTo(60_000);
    assertThat(callUpdated.path("previousStatus").asText()).isEqualTo("ANSWERED");

    JsonNode started =
        mapper.readTree(
            mapper.writeValueAsString(
                new DialkitEvent.CampaignStarted(Samples.progress(), Samples.T0)));
    assertThat(started.path("progress").path("campaignId").isTextual()).isTrue();
    assertThat(started.path("progress").path("total").asLong()).isEqualTo(10);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
