package dev.dialkit.provider.sanspbx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.CALLBACK_BASE;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.DISCONNECT_PATH;
import static dev.dialkit.provider.sanspbx.SansPbxWireMockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.provider.sanspbx.SansPbxProviderBuilder.CallbackPlacement;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code dialcall} and {@code calldisconnect} as SansPBX receives them, and their answers. */
class SansPbxDialTest {
  private final SansPbxWireMockFixture fx = new SansPbxWireMockFixture();
  private final SansPbxRequests requests = new SansPbxRequests(fx);

  @AfterEach
  void stop() {
    fx.close();
  }

  /** A provider with the documented default number formats. */
  private SansPbxProviderBuilder defaults() {
    return fx.builder().numberFormats(SansPbxNumberFormats.DEFAULT);
  }

  @Test
  void theDefaultRequestCarriesAppidTheFormattedNumbersAndTheCallbackUrl() {
    fx.stubCreateAccepted("api-6-09876543210-1772463600000");
    DialRequest request = requests.dial();
    PlacedCall placed = requests.await(defaults().build().place(request));

    assertThat(placed.providerCallId()).isEqualTo("api-6-09876543210-1772463600000");
    assertThat(placed.providerRequestId()).isNull();
    assertThat(placed.rawStatus()).isEqualTo("success");
    JsonNode body = SansPbxWireMockFixture.body(fx.lastDial());
    assertThat(body.get("appid").isInt()).isTrue();
    assertThat(body.get("appid").asInt()).isEqualTo(6);
    assertThat(body.get("call_to").asText()).isEqualTo("09876543210");
    assertThat(body.get("caller_id").asText()).isEqualTo("6745647");
    URI callback = URI.create(body.get("status_callback").asText());
    assertThat(callback.toString()).startsWith(CALLBACK_BASE + "?");
    WebhookRequest asReceived = new WebhookRequest("POST", callback, Map.of(), "");
    request
        .callbackParameters()
        .forEach((k, v) -> assertThat(asReceived.queryParameter(k)).as(k).isEqualTo(v));
    assertThat(asReceived.queryParameter(Webhooks.TOKEN_PARAMETER)).isEqualTo("dialkit-signed");
    assertThat(body.get("custom_field").get("first_name").asText()).isEqualTo("Ada");
    assertThat(body.has("websocket_url")).isFalse();
  }

  @Test
  void eachTenantMayHaveItsOwnNumberFormats() {
    fx.stubCreateAccepted();
    TenantId beta = TenantId.of("beta");
    SansPbxProvider provider =
        defaults()
            .numberFormats(
                beta,
                new SansPbxNumberFormats(
                    SansPbxNumberFormat.COUNTRY_CODE, SansPbxNumberFormat.NATIONAL))
            .build();
    requests.await(provider.place(requests.dial(beta, fx.agent())));
    JsonNode body = SansPbxWireMockFixture.body(fx.lastDial());
    assertThat(body.get("call_to").asText()).isEqualTo("919876543210");
    assertThat(body.get("caller_id").asText()).isEqualTo("1246745647");

    requests.await(provider.place(requests.dial()));
    assertThat(SansPbxWireMockFixture.body(fx.lastDial()).get("call_to").asText())
        .isEqualTo("09876543210");
    assertThat(provider.numberFormats(SansPbxRequests.TENANT))
        .isEqualTo(SansPbxNumberFormats.DEFAULT);
  }

  @ParameterizedTest
  @EnumSource(CallbackPlacement.class)
  void theCallbackGoesWhereConfigured(CallbackPlacement placement) {
    fx.stubCreateAccepted();
    requests.await(fx.builder().callbackPlacement(placement).build().place(requests.dial()));
    JsonNode body = SansPbxWireMockFixture.body(fx.lastDial());
    assertThat(body.has("status_callback")).isEqualTo(placement != CallbackPlacement.CUSTOM_FIELD);
    assertThat(body.get("custom_field").has("status_callback"))
        .isEqualTo(placement != CallbackPlacement.TOP_LEVEL);
    assertThat(fx.callbackUrlsSent())
        .hasSize(placement == CallbackPlacement.BOTH ? 2 : 1)
        .allSatisfy(u -> assertThat(u.toString()).startsWith(CALLBACK_BASE + "?"));
  }

  @Test
  void theWebsocketUrlIsSentWhenConfiguredAndCustomFieldLeftOutWhenEmpty() {
    fx.stubCreateAccepted();
    SansPbxProvider provider = fx.builder().websocketUrl("wss://media.example.com/sans").build();
    requests.await(provider.place(requests.dial(SansPbxRequests.TENANT, Agent.application("3"))));
    JsonNode body = SansPbxWireMockFixture.body(fx.lastDial());
    assertThat(body.get("websocket_url").asText()).isEqualTo("wss://media.example.com/sans");
    assertThat(body.get("appid").asInt()).isEqualTo(3);
    assertThat(body.has("custom_field")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"status\": \"success\", \"data\": {\"msg\": {\"callid\": \"ID\"}}}",
        "{\"status\": \"success\", \"call_id\": \"ID\"}",
        "{\"callid\": \"ID\"}",
        "{\"Callid\": \"ID\"}",
        "{\"data\": {\"callid\": \"ID\"}}",
        "{\"id\": \"ID\"}"
      })
  void theCallIdIsReadFromEveryShapeSeen(String answer) {
    fx.resetWithToken();
    fx.stubDial(200, answer.replace("ID", "api-6-919876543210-1772463600000"));
    assertThat(requests.await(fx.provider().place(requests.dial())).providerCallId())
        .isEqualTo("api-6-919876543210-1772463600000");
  }

  @Test
  void aNumericCallIdIsReadAsText() {
    fx.resetWithToken();
    fx.stubDial(200, "{\"status\": \"success\", \"call_id\": 12345}");
    assertThat(requests.await(fx.provider().place(requests.dial())).providerCallId())
        .isEqualTo("12345");
  }

  @Test
  void anAcceptedAnswerWithoutACallIdIsAmbiguous() {
    fx.resetWithToken();
    fx.stubDial(200, "{\"status\": \"success\"}");
    ProviderException e = requests.failure(fx.provider().place(requests.dial()));
    assertThat(e.isAmbiguous()).isTrue();
    assertThat(fx.dials()).hasSize(1);
  }

  @Test
  void a2xxThatSaysItFailedIsARefusal() {
    fx.resetWithToken();
    fx.stubDial(200, SansPbxPayloads.error("Invalid number 09876543210"));
    ProviderException e = requests.failure(fx.provider().place(requests.dial()));
    assertThat(e.isAmbiguous()).isFalse();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.reason()).isEqualTo(FailureReason.INVALID_NUMBER);
    assertThat(e.getMessage()).doesNotContain("09876543210").contains("*******3210");
  }

  @Test
  void aNumberThatCannotBeWrittenIsRefusedWithoutSending() {
    fx.stubCreateAccepted();
    SansPbxProvider provider = defaults().build();
    DialRequest us = requests.dial();
    DialRequest toUs =
        new DialRequest(
            us.callId(),
            us.tenant(),
            us.campaignId(),
            us.from(),
            PhoneNumber.of("+14155550123"),
            us.agent(),
            us.callbackParameters(),
            us.ringTimeout(),
            us.maxCallDuration(),
            false,
            false);
    ProviderException e = requests.failure(provider.place(toUs));
    assertThat(e.reason()).isEqualTo(FailureReason.INVALID_NUMBER);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("call_to").doesNotContain("4155550123");
    assertThat(fx.dials()).isEmpty();
    assertThat(fx.tokenRequests()).isZero();
  }

  @Test
  void anAgentThatIsNotANumericAppidIsRefusedWithoutSending() {
    fx.stubCreateAccepted();
    for (Agent agent :
        new Agent[] {
          Agent.answerUrl("https://agent.example.com/answer"),
          Agent.hosted("agent-1"),
          Agent.application("flow-six")
        }) {
      ProviderException e =
          requests.failure(fx.provider().place(requests.dial(SansPbxRequests.TENANT, agent)));
      assertThat(e.reason()).as(agent.toString()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);
      assertThat(e.isRetryable()).isFalse();
    }
    assertThat(fx.dials()).isEmpty();
  }

  // ---- hang up ----

  private static Call call(String providerCallId, CallStatus status) {
    Instant t = Instant.parse("2026-03-02T15:00:00Z");
    return new Call(
            CallId.forAttempt(LeadId.of("lead-1"), 1),
            SansPbxRequests.TENANT,
            CampaignId.of("campaign-1"),
            LeadId.of("lead-1"),
            1,
            "sanspbx",
            providerCallId,
            null,
            SansPbxRequests.FROM,
            SansPbxRequests.TO,
            CallStatus.INITIATED,
            t,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            1,
            t)
        .toBuilder().status(status).build();
  }

  @Test
  void hangUpRefreshesARefusedTokenOnce() {
    SansPbxProvider provider = fx.builder().build();
    // the first token is cached by an earlier dial; SansPBX then refuses it
    fx.stubCreateAccepted();
    requests.await(provider.place(requests.dial()));
    fx.server.stubFor(
        post(urlPathEqualTo(DISCONNECT_PATH))
            .withHeader("Apitoken", equalTo(SansPbxPayloads.API_TOKEN))
            .willReturn(json(401, SansPbxPayloads.error("Token expired"))));
    fx.stubToken(SansPbxPayloads.token(SansPbxPayloads.API_TOKEN_2, SansPbxPayloads.EXPIRY_IST));
    fx.server.stubFor(
        post(urlPathEqualTo(DISCONNECT_PATH))
            .withHeader("Apitoken", equalTo(SansPbxPayloads.API_TOKEN_2))
            .willReturn(json(200, "{\"status\": \"success\"}")));
    requests.await(provider.hangUp(call("api-6-1", CallStatus.INITIATED)));
    assertThat(fx.server.findAll(postRequestedFor(urlPathEqualTo(DISCONNECT_PATH))))
        .extracting(r -> r.getHeader("Apitoken"))
        .containsExactly(SansPbxPayloads.API_TOKEN, SansPbxPayloads.API_TOKEN_2);
    assertThat(fx.tokenRequests()).isEqualTo(2);
  }

  @Test
  void hangUpOfAnEndedCallSendsNothing() {
    fx.stubHangUp("api-6-1");
    requests.await(fx.provider().hangUp(call("api-6-1", CallStatus.COMPLETED)));
    assertThat(fx.server.findAll(postRequestedFor(urlPathEqualTo(DISCONNECT_PATH)))).isEmpty();
  }

  @Test
  void hangUpWithoutACallIdFails() {
    fx.stubHangUp("api-6-1");
    ProviderException e = requests.failure(fx.provider().hangUp(call(null, CallStatus.INITIATED)));
    assertThat(e.getMessage()).contains("no SansPBX call id");
  }

  @Test
  void hangUpServerErrorIsAmbiguous() {
    fx.resetWithToken();
    fx.server.stubFor(
        post(urlPathEqualTo(DISCONNECT_PATH))
            .willReturn(json(502, SansPbxPayloads.error("bad gateway"))));
    ProviderException e =
        requests.failure(fx.provider().hangUp(call("api-6-1", CallStatus.INITIATED)));
    assertThat(e.isAmbiguous()).isTrue();
  }

  @Test
  void thereIsNoStatusQuery() throws Exception {
    assertThat(fx.provider().capabilities().statusQuery()).isFalse();
    try {
      fx.provider()
          .queryStatus(call("api-6-1", CallStatus.INITIATED))
          .toCompletableFuture()
          .get(1, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(UnsupportedOperationException.class);
      return;
    }
    throw new AssertionError("queryStatus completed");
  }

  @Test
  void capabilitiesSayWhatSansPbxCannotDo() {
    var c = fx.provider().capabilities();
    assertThat(c.hangUp()).isTrue();
    assertThat(c.progressEvents()).isFalse();
    assertThat(c.signsWebhooks()).isFalse();
    assertThat(c.machineDetection()).isFalse();
    assertThat(c.recording()).isFalse();
  }
}
