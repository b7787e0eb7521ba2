package dev.dialkit.provider.bolna;

import static dev.dialkit.provider.bolna.BolnaPayloads.EXECUTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the agent learned, from Bolna's execution webhook through the real dialer: the transcript,
 * summary and extracted data stored with the call, an extracted disposition recorded once however
 * often the webhook comes, and hostile values cut and cleaned, never thrown.
 */
class BolnaAgentReportTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private final BolnaWireMockFixture fx = new BolnaWireMockFixture();
  private final BolnaWorld world = new BolnaWorld(fx.provider());

  @AfterEach
  void stop() {
    world.close();
    fx.close();
  }

  private int post(URI url, ObjectNode execution) {
    return world.dialer.webhooks().handle(BolnaPayloads.webhook(url, execution)).status();
  }

  @Test
  void theConversationAndTheExtractedDispositionAreStoredOnceWithTheCall() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    URI url = world.perCallUrl(call);
    ObjectNode completed = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED);
    completed.put("transcript", "assistant: Hello\nuser: Call me about the gold plan");
    completed.put("summary", "Interested in the gold plan");
    ObjectNode data = completed.putObject("extracted_data");
    data.put("disposition", "interested");
    data.put("lead_score", "hot");
    data.put("budget", 5000);
    data.putObject("address").put("city", "Pune");
    data.put("bad key!", "dropped");

    assertThat(post(url, completed)).isEqualTo(200);
    assertThat(post(url, completed)).as("Bolna sends again: a duplicate").isEqualTo(200);

    assertThat(world.now(call).status()).isEqualTo(CallStatus.COMPLETED);
    CallOutcome outcome = world.dialer.calls().outcome(TENANT, call.id()).orElseThrow();
    assertThat(outcome.conversation().transcript())
        .isEqualTo("assistant: Hello\nuser: Call me about the gold plan");
    assertThat(outcome.conversation().summary()).isEqualTo("Interested in the gold plan");
    assertThat(outcome.conversation().extracted())
        .containsEntry("budget", "5000")
        .containsEntry("address", "{\"city\":\"Pune\"}")
        .doesNotContainKey("bad key!");
    assertThat(outcome.disposition())
        .isEqualTo(
            new Disposition(
                "interested",
                Disposition.HOT,
                Map.of("budget", "5000", "address", "{\"city\":\"Pune\"}"),
                null));
    assertThat(
            world
                .dialer
                .callLog()
                .forCall(TENANT, call.id(), PageRequest.of(0, 100))
                .items()
                .stream()
                .filter(e -> e.event() == CallLogEvent.DISPOSITION_RECORDED))
        .as("recorded once")
        .hasSize(1);
    CampaignProgress progress = world.dialer.campaigns().progress(TENANT, call.campaignId());
    assertThat(progress.dispositions()).isEqualTo(Map.of("interested", 1L));
    assertThat(progress.conversionRate()).isEqualTo(1.0);
  }

  @Test
  void hostileValuesAreCutAndCleanedAndAnUnknownCodeIsNotRecorded() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    URI url = world.perCallUrl(call);
    ObjectNode completed = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED);
    // within the dialer's 64 KB webhook cap; the cut at the limits is ConversationTest's
    completed.put("transcript", "a\u0000b\u001b[31m".repeat(2_000));
    completed.put("summary", 42);
    ObjectNode data = completed.putObject("extracted_data");
    data.put("disposition", "'; DROP TABLE calls; --");
    for (int i = 0; i < 500; i++) {
      data.put("k" + i, "v");
    }

    assertThat(post(url, completed)).isEqualTo(200);

    assertThat(world.now(call).status()).isEqualTo(CallStatus.COMPLETED);
    CallOutcome outcome = world.dialer.calls().outcome(TENANT, call.id()).orElseThrow();
    assertThat(outcome.conversation().transcript())
        .startsWith("a\uFFFDb\uFFFD[31m")
        .doesNotContain("\u0000", "\u001b");
    assertThat(outcome.conversation().summary()).as("a number reads as its text").isEqualTo("42");
    assertThat(outcome.conversation().extracted()).hasSize(Conversation.MAX_EXTRACTED);
    assertThat(outcome.disposition()).as("not one of the campaign's codes").isNull();
  }

  @Test
  void anotherTenantReadsNoOutcome() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    assertThat(world.dialer.calls().outcome(TenantId.of("other"), call.id())).isEmpty();
  }
}
