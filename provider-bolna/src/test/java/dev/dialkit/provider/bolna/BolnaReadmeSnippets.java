package dev.dialkit.provider.bolna;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignSpec;
import java.time.Duration;
import java.util.Map;

/** The snippets of provider-bolna/README.md, compiled so that they cannot rot. */
final class BolnaReadmeSnippets {
  private BolnaReadmeSnippets() {}

  static BolnaProvider provider() {
    // tag::provider[]
    BolnaProvider bolna =
        BolnaProvider.builder()
            .apiKey(System.getenv("BOLNA_API_KEY")) // sent as Authorization: Bearer
            .callsPerSecond(5) // POST /call is limited to 500 a minute per organisation
            .requestTimeout(Duration.ofSeconds(15))
            .build();
    // end::provider[]
    return bolna;
  }

  static CampaignSpec campaign() {
    // tag::campaign[]
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("renewals")
            .agent(
                Agent.hosted("123e4567-e89b-12d3-a456-426655440000") // the Bolna agent id
                    .withVariables(Map.of("product", "Pro plan"))) // + each lead's, as user_data
            .callerIds("+14155550100") // a number of the Bolna account
            .callingWindow(CallingWindow.always())
            .build();
    // end::campaign[]
    return spec;
  }
}
