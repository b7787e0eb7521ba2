package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.Counter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressJsonTest {
  private final ObjectMapper mapper =
      new ObjectMapper().registerModule(DialkitJacksonModule.create());

  @Test
  void progressIsFlatWithIdsAsStringsRatesAsNumbersAndDurationsInMillis() throws Exception {
    CampaignProgress progress = Samples.progress();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(progress));

    assertThat(json.path("campaignId").asText()).isEqualTo("cmp-1");
    assertThat(json.path("tenant").asText()).isEqualTo("acme");
    assertThat(json.path("status").asText()).isEqualTo("RUNNING");
    assertThat(json.path("total").asLong()).isEqualTo(10);
    assertThat(json.path("successRate").isNumber()).isTrue();
    assertThat(json.path("successRate").asDouble()).isEqualTo(0.75);
    assertThat(json.path("averageDurationMillis").asLong()).isEqualTo(30_166);
    assertThat(json.path("totalTalkTimeMillis").asLong()).isEqualTo(90_500);
    assertThat(json.path("elapsedMillis").asLong()).isEqualTo(120_000);
    assertThat(json.path("etaMillis").asLong()).isEqualTo(progress.eta().toMillis());
    assertThat(json.path("at").asText()).isEqualTo("2025-03-03T18:02:00Z");

    // every component, flat: none nested, none missing, whatever the core adds later; the one
    // map (calls per disposition code, issue 17) is an object of numbers by code
    for (RecordComponent c : CampaignProgress.class.getRecordComponents()) {
      String key = c.getType() == Duration.class ? c.getName() + "Millis" : c.getName();
      assertThat(json.has(key)).as(key).isTrue();
      if (c.getType() == Map.class) {
        assertThat(json.get(key).isObject()).as(key).isTrue();
        json.get(key).forEach(n -> assertThat(n.isNumber()).as(key).isTrue());
      } else {
        assertThat(json.get(key).isContainerNode()).as(key).isFalse();
      }
    }
    assertThat(json.path("conversionRate").isNumber()).isTrue();
    assertThat(json.size()).isEqualTo(CampaignProgress.class.getRecordComponents().length);
  }

  @Test
  void anUnknownEtaIsWrittenAsNull() throws Exception {
    CampaignCounters nothingFinished =
        new CampaignCounters(Map.of(Counter.LEADS_TOTAL, 5L, Counter.LEADS_QUEUED, 5L));
    CampaignProgress progress =
        CampaignProgress.of(
            Samples.campaign().withCounters(nothingFinished), Samples.T0.plusSeconds(5));
    assertThat(progress.eta()).isNull();

    JsonNode json = mapper.readTree(mapper.writeValueAsString(progress));
    assertThat(json.has("etaMillis")).isTrue();
    assertThat(json.get("etaMillis").isNull()).isTrue();
  }
}
