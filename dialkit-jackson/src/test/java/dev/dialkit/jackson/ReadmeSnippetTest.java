package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.DialkitEvent;
import org.junit.jupiter.api.Test;

/** The README's snippet, compiled and run. */
class ReadmeSnippetTest {
  @Test
  void readmeSnippet() throws Exception {
    DialkitEvent event = new DialkitEvent.ProgressUpdated(Samples.progress(), Samples.T0);

    // README: start
    ObjectMapper mapper = new ObjectMapper().registerModule(DialkitJacksonModule.create());
    String json = mapper.writeValueAsString(event); // {"type":"ProgressUpdated",...}

    // for a trusted back office only: full E.164 numbers and raw payloads
    ObjectMapper backOffice =
        new ObjectMapper()
            .registerModule(DialkitJacksonModule.builder().revealPhoneNumbers(true).build());
    // README: end

    assertThat(json).startsWith("{\"type\":\"ProgressUpdated\",\"occurredAt\":");
    assertThat(backOffice.writeValueAsString(Samples.call())).contains(Samples.LEAD_NUMBER);
  }
}
