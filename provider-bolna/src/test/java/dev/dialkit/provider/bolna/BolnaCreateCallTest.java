package dev.dialkit.provider.bolna;

import static dev.dialkit.provider.bolna.BolnaPayloads.AGENT_ID;
import static dev.dialkit.provider.bolna.BolnaPayloads.API_KEY;
import static dev.dialkit.provider.bolna.BolnaPayloads.EXECUTION_ID;
import static dev.dialkit.provider.bolna.BolnaRequests.await;
import static dev.dialkit.provider.bolna.BolnaRequests.dial;
import static dev.dialkit.provider.bolna.BolnaRequests.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.PlacedCall;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /call}: what is sent, what comes back, and how Bolna's refusals are classified. */
class BolnaCreateCallTest {
  private final BolnaWireMockFixture fx = new BolnaWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void theExecutionIdIsTheProviderCallId() throws Exception {
    fx.stubCreateAccepted();
    PlacedCall placed = await(fx.provider().place(dial(fx.agent())));
    assertThat(placed.providerCallId()).isEqualTo(EXECUTION_ID);
    assertThat(placed.providerRequestId()).isNull();
    assertThat(placed.rawStatus()).isEqualTo("queued");
  }

  @Test
  void theLeadsVariablesGoAsUserDataEscapedNotInterpreted() throws Exception {
    fx.stubCreateAccepted();
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("first_name", "Ada \"the\" {agent_id}");
    variables.put("note", "line one\nline two, ünïcödé ✓");
    await(fx.provider().place(dial(Agent.hosted(AGENT_ID).withVariables(variables))));
    JsonNode userData = BolnaWireMockFixture.body(fx.lastCreate()).get("user_data");
    assertThat(userData.get("first_name").asText()).isEqualTo("Ada \"the\" {agent_id}");
    assertThat(userData.get("note").asText()).isEqualTo("line one\nline two, ünïcödé ✓");
    assertThat(userData.get("dialkit_call").asText()).isEqualTo(BolnaRequests.CALL.value());
    assertThat(userData.size()).isEqualTo(3);
  }

  @Test
  void bolnasOwnRetriesAreAlwaysOff() throws Exception {
    fx.stubCreateAccepted();
    await(fx.provider().place(dial(fx.agent())));
    JsonNode body = BolnaWireMockFixture.body(fx.lastCreate());
    assertThat(body.get("retry_config").get("enabled").isBoolean()).isTrue();
    assertThat(body.get("retry_config").get("enabled").asBoolean()).isFalse();
    assertThat(body.get("retry_config").size()).isEqualTo(1);
  }

  @Test
  void withoutCallerIdBolnaPicksItsOwnNumber() throws Exception {
    fx.stubCreateAccepted();
    await(fx.builder().sendCallerId(false).build().place(dial(fx.agent())));
    assertThat(BolnaWireMockFixture.body(fx.lastCreate()).has("from_phone_number")).isFalse();
  }

  @Test
  void aCampaignWithoutAHostedAgentUsesTheBuildersAgent() throws Exception {
    fx.stubCreateAccepted();
    BolnaProvider provider = fx.builder().agentId("9a8b7c6d-0000-4000-8000-000000000001").build();
    await(provider.place(dial(Agent.application("flow-1"))));
    assertThat(BolnaWireMockFixture.body(fx.lastCreate()).get("agent_id").asText())
        .isEqualTo("9a8b7c6d-0000-4000-8000-000000000001");
    // a hosted agent of the campaign wins over the builder's
    await(provider.place(dial(fx.agent())));
    assertThat(BolnaWireMockFixture.body(fx.lastCreate()).get("agent_id").asText())
        .isEqualTo(AGENT_ID);
  }

  @Test
  void withoutAnyAgentIdTheCallIsRefusedUnsent() throws Exception {
    fx.stubCreateAccepted();
    Throwable e =
        failure(fx.provider().place(dial(Agent.answerUrl("https://agent.example.com/answer"))));
    assertThat(e).isInstanceOf(ProviderException.class);
    ProviderException pe = (ProviderException) e;
    assertThat(pe.isRetryable()).isFalse();
    assertThat(pe.isAmbiguous()).isFalse();
    assertThat(pe.reason()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);
    assertThat(fx.createRequestsReceived()).isZero();
  }

  @Test
  void anAcceptedCreateWithoutExecutionIdIsAmbiguous() throws Exception {
    fx.server.resetAll();
    fx.stubCreate(200, "{\"message\":\"done\",\"status\":\"queued\"}");
    ProviderException e = (ProviderException) failure(fx.provider().place(dial(fx.agent())));
    assertThat(e.isAmbiguous()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "403|{\"error\":403,\"message\":\"from_phone_number +14155550100 is not owned by you\"}"
            + "|ACCOUNT_OR_PERMISSION",
        "402|{\"message\":\"Insufficient balance\"}|ACCOUNT_OR_PERMISSION",
        "400|{\"message\":\"Your wallet balance is low\"}|ACCOUNT_OR_PERMISSION",
        "400|{\"message\":\"recipient_phone_number must be in E.164 format\"}|INVALID_NUMBER",
        "422|{\"detail\":\"agent_id is not a valid uuid\"}|PROVIDER_ERROR",
        "400|not json at all|PROVIDER_ERROR"
      })
  void refusalsArePermanentWithTheirReason(int status, String body, FailureReason reason)
      throws Exception {
    fx.server.resetAll();
    fx.stubCreate(status, body);
    ProviderException e = (ProviderException) failure(fx.provider().place(dial(fx.agent())));
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.isAmbiguous()).isFalse();
    assertThat(e.httpStatus()).isEqualTo(status);
  }

  @Test
  void messagesMaskNumbersAndNeverShowTheKey() throws Exception {
    fx.server.resetAll();
    fx.stubCreate(
        403,
        BolnaPayloads.error(403, "from_phone_number +14155550100 is not owned by you " + API_KEY));
    ProviderException e = (ProviderException) failure(fx.provider().place(dial(fx.agent())));
    assertThat(e.getMessage()).doesNotContain("+14155550100").contains("0100");
    assertThat(e.providerCode()).isEqualTo("403");
    // the key can only leak if Bolna echoes it; Dialkit's own text never holds it
    assertThat(fx.provider().toString()).doesNotContain(API_KEY);
  }
}
