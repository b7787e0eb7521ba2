package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.PhoneNumber;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's own ObjectMapper writes Dialkit's types through the starter's module. */
class JacksonOverHttpTest extends WebTestBase {
  @Autowired ObjectMapper mapper;

  @Test
  void idsArePlainStringsAndPhoneNumbersAreMasked() throws Exception {
    String json =
        mapper.writeValueAsString(
            Map.of(
                "campaign", CampaignId.of("c-42"),
                "phone", PhoneNumber.of("+14155550123")));

    assertThat(json).contains("\"campaign\":\"c-42\"").doesNotContain("4155550123");
    assertThat(mapper.readTree(json).get("phone").asText()).endsWith("0123").contains("*");
  }
}
