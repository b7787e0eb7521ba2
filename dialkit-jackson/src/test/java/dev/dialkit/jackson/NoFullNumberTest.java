package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.DialkitEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No JSON of any Dialkit value holds a full phone number unless the module reveals them. */
class NoFullNumberTest {
  private static final List<String> NUMBERS = List.of(Samples.LEAD_NUMBER, Samples.CALLER_ID);

  @Test
  void maskedJsonHoldsNoFullNumberInAnyValueOrEvent() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(DialkitJacksonModule.create());
    for (Object value : everything()) {
      String json = mapper.writeValueAsString(value);
      for (String number : NUMBERS) {
        String digits = number.substring(1);
        // as written, and with every separator gone (a number spread over "%2B1", "415 555 ...")
        assertThat(json).as(value.getClass().getSimpleName()).doesNotContain(digits.substring(1));
        assertThat(json.replaceAll("[^0-9]", ""))
            .as(value.getClass().getSimpleName())
            .doesNotContain(digits);
      }
      assertThat(json).doesNotContain("s3cret");
    }
  }

  @Test
  void revealingJsonHoldsTheNumbersWhereTheValuesHaveThem() throws Exception {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(DialkitJacksonModule.builder().revealPhoneNumbers(true).build());
    String call = mapper.writeValueAsString(Samples.call());
    assertThat(call)
        .contains("\"to\":\"" + Samples.LEAD_NUMBER + "\"")
        .contains("\"from\":\"" + Samples.CALLER_ID + "\"");
    assertThat(mapper.writeValueAsString(Samples.timelineEntry()))
        .contains("\"callerId\":\"" + Samples.CALLER_ID + "\"")
        .contains("\"rawPayload\":\"" + Samples.RAW_PAYLOAD + "\"");
    assertThat(mapper.writeValueAsString(Samples.logEntry())).contains(Samples.RAW_PAYLOAD);
    assertThat(mapper.writeValueAsString(Samples.rejectedRow())).contains(Samples.LEAD_NUMBER);
    assertThat(mapper.writeValueAsString(Samples.webhookRequest())).contains("%2B14155550123");
    // the answer URL's credentials stay hidden either way
    assertThat(mapper.writeValueAsString(Samples.spec()))
        .contains("https://***@agent.example.com/answer?x=1")
        .doesNotContain("s3cret");
  }

  @Test
  void maskedJsonWithholdsRawTextAndMasksTheTimelineCallerId() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(DialkitJacksonModule.create());
    JsonNode t = mapper.readTree(mapper.writeValueAsString(Samples.timelineEntry()));
    assertThat(t.path("callerId").asText()).isEqualTo("********0100");
    assertThat(t.path("rawPayload").isNull()).isTrue();
    assertThat(t.path("maskedNumber").asText()).isEqualTo("********0123");
    assertThat(
            mapper
                .readTree(mapper.writeValueAsString(Samples.rejectedRow()))
                .path("fields")
                .isNull())
        .isTrue();
  }

  private static List<Object> everything() {
    List<Object> all = new ArrayList<>(Samples.values());
    List<DialkitEvent> events = Events.samples();
    all.addAll(events);
    all.add(events); // a list of events, as an SSE batch or a REST page holds them
    return all;
  }
}
