package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dialkit.campaign.DialkitEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dialkit's format does not move with the host mapper's own settings for dates and enums. */
class HostMapperTest {
  @Test
  void instantsStayIsoStringsOnAMapperThatWritesItsDatesAsTimestamps() throws Exception {
    ObjectMapper host =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .registerModule(DialkitJacksonModule.create());
    DialkitEvent event = new DialkitEvent.CampaignStarted(Samples.progress(), Samples.T0);

    JsonNode json = host.readTree(host.writeValueAsString(event));
    assertThat(json.path("occurredAt").asText()).isEqualTo("2025-03-03T18:00:00Z");
    assertThat(json.path("progress").path("at").asText()).isEqualTo("2025-03-03T18:02:00Z");
    assertThat(json.path("progress").path("elapsedMillis").asLong()).isEqualTo(120_000);

    // the host's own values keep the host's settings
    assertThat(host.writeValueAsString(Map.of("t", Instant.ofEpochSecond(1))))
        .isEqualTo("{\"t\":1.000000000}");
  }

  @Test
  void stringsAreEscapedByJacksonAndReadBackUnchanged() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(DialkitJacksonModule.create());
    String json = mapper.writeValueAsString(Samples.lead());
    assertThat(json).contains("\"name\":\"Ada \\\"the\\\" </script> Lovelace\"");
    assertThat(mapper.readTree(json).path("name").asText()).isEqualTo(Samples.lead().name());
    assertThat(mapper.readTree(json).path("timeZone").asText()).isEqualTo("America/Los_Angeles");
    assertThat(mapper.readTree(json).path("variables").toString())
        .isEqualTo("{\"account\":\"A-42\",\"plan\":\"gold\"}"); // sorted: stable output
  }

  @Test
  void aCampaignWritesItsSpecAndCountersReadably() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(DialkitJacksonModule.create());
    JsonNode json = mapper.readTree(mapper.writeValueAsString(Samples.campaign()));
    assertThat(json.path("id").asText()).isEqualTo("cmp-1");
    assertThat(json.path("counters").path("LEADS_TOTAL").asLong()).isEqualTo(10);
    JsonNode spec = json.path("spec");
    assertThat(spec.path("callerIds").get(0).asText()).isEqualTo("********0100");
    assertThat(spec.path("ringTimeoutMillis").asLong()).isEqualTo(30_000);
    assertThat(spec.path("retry").path("retryOn").toString()).isEqualTo("[\"BUSY\",\"NO_ANSWER\"]");
    assertThat(spec.path("callingWindow").path("start").asText()).isEqualTo("09:00");
    assertThat(spec.path("callingWindow").path("zone").asText()).isEqualTo("America/New_York");
    assertThat(spec.path("callingWindow").path("days").toString())
        .isEqualTo("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]");
  }
}
