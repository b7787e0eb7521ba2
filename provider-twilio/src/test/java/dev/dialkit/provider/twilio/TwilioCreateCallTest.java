package dev.dialkit.provider.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.twilio.TwilioPayloads.ACCOUNT_SID;
import static dev.dialkit.provider.twilio.TwilioPayloads.API_KEY_SECRET;
import static dev.dialkit.provider.twilio.TwilioPayloads.API_KEY_SID;
import static dev.dialkit.provider.twilio.TwilioPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.twilio.TwilioPayloads.CALLS_PATH;
import static dev.dialkit.provider.twilio.TwilioWireMockFixture.basic;
import static dev.dialkit.provider.twilio.TwilioWireMockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioCreateCallTest {
  private final TwilioWireMockFixture fx = new TwilioWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  static DialRequest request(
      Agent agent, Duration ring, Duration max, boolean amd, boolean record) {
    return new DialRequest(
        CallId.of("lead-1.1"),
        TenantId.of("tenant-a"),
        CampaignId.of("campaign-1"),
        PhoneNumber.of("+14155550100"),
        PhoneNumber.of("+14155550123"),
        agent,
        Map.of(
            "dialkit_provider", "twilio", "dialkit_tenant", "tenant-a", "dialkit_call", "lead-1.1"),
        ring,
        max,
        amd,
        record);
  }

  static DialRequest request() {
    return request(
        Agent.answerUrl("https://agent.example.com/answer")
            .withVariables(Map.of("first_name", "Ada")),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        true,
        true);
  }

  private String sentBody() {
    return fx.server.findAll(postRequestedFor(urlPathEqualTo(CALLS_PATH))).get(0).getBodyAsString();
  }

  @Test
  void theFormBodyIsExactlyTwiliosWithRepeatedStatusCallbackEvents() {
    fx.stubCreateAccepted();
    PlacedCall placed = fx.provider().place(request()).toCompletableFuture().join();

    assertThat(placed)
        .isEqualTo(new PlacedCall("CA0123456789abcdef0123456789abcdef", null, "queued"));
    String callback =
        "https%3A%2F%2Fdialer.example.com%2Fwebhooks%2Ftwilio%3Fdialkit_call%3Dlead-1.1"
            + "%26dialkit_provider%3Dtwilio%26dialkit_tenant%3Dtenant-a";
    assertThat(sentBody())
        .isEqualTo(
            "To=%2B14155550123&From=%2B14155550100"
                + "&Url=https%3A%2F%2Fagent.example.com%2Fanswer%3Ffirst_name%3DAda"
                + "&StatusCallback="
                + callback
                + "&StatusCallbackMethod=POST"
                + "&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing"
                + "&StatusCallbackEvent=answered&StatusCallbackEvent=completed"
                + "&Timeout=30&TimeLimit=600"
                + "&MachineDetection=Enable&AsyncAmd=true"
                + "&AsyncAmdStatusCallback="
                + callback
                + "%26twilio_amd%3D1"
                + "&AsyncAmdStatusCallbackMethod=POST"
                + "&Record=true");
  }

  @Test
  void withoutAmdOrRecordingThoseFieldsAreLeftOut() {
    fx.stubCreateAccepted();
    DialRequest r =
        request(
            Agent.answerUrl("https://agent.example.com/answer"),
            Duration.ofSeconds(20),
            Duration.ofMinutes(1),
            false,
            false);
    fx.provider().place(r).toCompletableFuture().join();

    Map<String, List<String>> form = WebhookRequest.decodeForm(sentBody());
    assertThat(form)
        .doesNotContainKeys(
            "ApplicationSid",
            "MachineDetection",
            "MachineDetectionTimeout",
            "AsyncAmd",
            "AsyncAmdStatusCallback",
            "Record");
    assertThat(form.get("Timeout")).containsExactly("20");
    assertThat(form.get("TimeLimit")).containsExactly("60");
  }

  @Test
  void theAmdOptionsOfTheBuilderArePassedAsTwiliosParametersOnlyWhenTheCampaignAsks() {
    fx.stubCreateAccepted();
    TwilioProvider tuned =
        fx.builder()
            .machineDetection(TwilioMachineDetection.DETECT_MESSAGE_END)
            .machineDetectionTimeout(Duration.ofSeconds(45))
            .machineDetectionSpeechThreshold(Duration.ofMillis(3000))
            .machineDetectionSpeechEndThreshold(Duration.ofMillis(1500))
            .machineDetectionSilenceTimeout(Duration.ofMillis(6000))
            .build();
    tuned.place(request()).toCompletableFuture().join();

    Map<String, List<String>> form = WebhookRequest.decodeForm(sentBody());
    assertThat(form.get("MachineDetection")).containsExactly("DetectMessageEnd");
    assertThat(form.get("MachineDetectionTimeout")).containsExactly("45");
    assertThat(form.get("MachineDetectionSpeechThreshold")).containsExactly("3000");
    assertThat(form.get("MachineDetectionSpeechEndThreshold")).containsExactly("1500");
    assertThat(form.get("MachineDetectionSilenceTimeout")).containsExactly("6000");
    assertThat(form.get("AsyncAmd")).containsExactly("true");
    assertThat(form.get("AsyncAmdStatusCallbackMethod")).containsExactly("POST");
    // the AMD callback goes to Dialkit's route, with the call's parameters and the AMD marker
    WebhookRequest amd =
        new WebhookRequest(
            "POST", java.net.URI.create(form.get("AsyncAmdStatusCallback").get(0)), Map.of(), "");
    assertThat(amd.url().toString()).startsWith(TwilioPayloads.CALLBACK_BASE + "?");
    assertThat(amd.queryParameter("dialkit_call")).isEqualTo("lead-1.1");
    assertThat(amd.queryParameter("dialkit_tenant")).isEqualTo("tenant-a");
    assertThat(amd.queryParameter("dialkit_provider")).isEqualTo("twilio");
    assertThat(amd.queryParameter("twilio_amd")).isEqualTo("1");

    fx.stubCreateAccepted();
    tuned
        .place(
            request(
                Agent.answerUrl("https://agent.example.com/answer"),
                Duration.ofSeconds(20),
                Duration.ofMinutes(1),
                false,
                false))
        .toCompletableFuture()
        .join();
    assertThat(WebhookRequest.decodeForm(sentBody()).keySet())
        .noneMatch(k -> k.startsWith("MachineDetection") || k.startsWith("AsyncAmd"));
  }

  @Test
  void anApplicationAgentIsRefusedWithoutSendingAnythingWithATypedConfigurationCause() {
    fx.stubCreateAccepted();
    Agent application = Agent.application("AP0123456789abcdef0123456789abcdef");
    DialRequest r =
        request(application, Duration.ofSeconds(20), Duration.ofMinutes(1), false, false);
    assertThatThrownBy(() -> fx.provider().place(r).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.isRetryable()).isFalse();
              assertThat(e.isAmbiguous()).isFalse();
              assertThat(e.reason()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);
              assertThat(e.httpStatus()).isZero();
              assertThat(e.getMessage())
                  .contains("lead-1.1", "ApplicationSid", "StatusCallback", "ANSWER_URL");
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      InvalidConfigurationException.class,
                      c -> assertThat(c.field()).isEqualTo("agent.kind"));
            });
    assertThat(fx.createRequestsReceived()).isZero();

    // the same check, for a host that validates a campaign's agent when it creates the campaign
    TwilioProvider twilio = (TwilioProvider) fx.provider();
    assertThatThrownBy(() -> twilio.checkAgent(application))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            c -> {
              assertThat(c.field()).isEqualTo("agent.kind");
              assertThat(c.value()).isEqualTo("APPLICATION");
            });
    assertThatThrownBy(() -> twilio.checkAgent(Agent.hosted("agent-7")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("hosted");
    twilio.checkAgent(Agent.answerUrl("https://agent.example.com/answer"));
  }

  @ParameterizedTest
  @CsvSource({"PT0.2S, 1", "PT1S, 1", "PT30.5S, 31", "PT600S, 600", "PT20M, 600"})
  void theRingTimeoutIsClampedToOneToSixHundredSeconds(Duration ring, String expected) {
    fx.stubCreateAccepted();
    fx.provider()
        .place(
            request(
                Agent.answerUrl("https://a.example.com/x"),
                ring,
                Duration.ofMinutes(1),
                false,
                false))
        .toCompletableFuture()
        .join();
    assertThat(WebhookRequest.decodeForm(sentBody()).get("Timeout")).containsExactly(expected);
  }

  @Test
  void basicAuthUsesTheAccountSidAndAuthToken() {
    fx.stubCreateAccepted();
    fx.provider().place(request()).toCompletableFuture().join();
    fx.server.verify(
        postRequestedFor(urlPathEqualTo(CALLS_PATH))
            .withHeader("Authorization", WireMock.equalTo(basic(ACCOUNT_SID, AUTH_TOKEN))));
  }

  @Test
  void basicAuthUsesTheApiKeyWhenOneIsSetAndTheAccountStaysInThePath() {
    fx.stubCreateAccepted();
    TwilioProvider keyed = fx.builder().apiKey(API_KEY_SID, API_KEY_SECRET).build();
    keyed.place(request()).toCompletableFuture().join();
    fx.server.verify(
        postRequestedFor(urlPathEqualTo(CALLS_PATH))
            .withHeader("Authorization", WireMock.equalTo(basic(API_KEY_SID, API_KEY_SECRET))));
    assertThat(keyed.toString()).contains(API_KEY_SID).doesNotContain(API_KEY_SECRET, AUTH_TOKEN);
  }

  @Test
  void aHostedAgentIsRefusedWithoutSendingAnything() {
    fx.stubCreateAccepted();
    DialRequest r =
        request(
            Agent.hosted("agent-7"), Duration.ofSeconds(30), Duration.ofMinutes(1), false, false);
    assertThatThrownBy(() -> fx.provider().place(r).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.isRetryable() || e.isAmbiguous()).isFalse();
              assertThat(e.getMessage()).contains("hosted agents");
              assertThat(e.getCause()).isInstanceOf(InvalidConfigurationException.class);
            });
    assertThat(fx.createRequestsReceived()).isZero();
  }

  @ParameterizedTest(name = "HTTP {0} code {1} -> {2} {3}")
  @CsvSource({
    "429, 20429, RETRYABLE, RATE_LIMITED",
    "400, 20429, RETRYABLE, RATE_LIMITED",
    "400, 10004, RETRYABLE, RATE_LIMITED",
    "400, 21211, PERMANENT, INVALID_NUMBER",
    "400, 21214, PERMANENT, INVALID_NUMBER",
    "400, 21217, PERMANENT, INVALID_NUMBER",
    "400, 13224, PERMANENT, INVALID_NUMBER",
    "400, 21210, PERMANENT, ACCOUNT_OR_PERMISSION",
    "401, 20003, PERMANENT, ACCOUNT_OR_PERMISSION",
    "403, 20005, PERMANENT, ACCOUNT_OR_PERMISSION",
    "400, 21609, PERMANENT, PROVIDER_ERROR",
    "400, 21626, PERMANENT, PROVIDER_ERROR",
    "404, 20404, PERMANENT, PROVIDER_ERROR",
    "500, 20500, AMBIGUOUS, PROVIDER_ERROR",
    "503, 20503, AMBIGUOUS, PROVIDER_ERROR"
  })
  void eachErrorCodeMapsToItsClassAndReason(int http, int code, String kind, FailureReason reason) {
    fx.server.stubFor(
        post(urlPathEqualTo(CALLS_PATH))
            .willReturn(
                json(
                    http,
                    TwilioPayloads.error(code, "The 'To' number +14155550123 is bad", http))));
    ProviderException e = failure();
    assertThat(e.httpStatus()).isEqualTo(http);
    assertThat(e.providerCode()).isEqualTo(Integer.toString(code));
    assertThat(e.isRetryable()).isEqualTo(kind.equals("RETRYABLE"));
    assertThat(e.isAmbiguous()).isEqualTo(kind.equals("AMBIGUOUS"));
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).contains("*******0123").doesNotContain("+14155550123", AUTH_TOKEN);
    fx.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(CALLS_PATH)));
  }

  @Test
  void aServerErrorWithoutJsonIsAmbiguousAndSentExactlyOnce() {
    fx.server.stubFor(
        post(urlPathEqualTo(CALLS_PATH))
            .willReturn(WireMock.aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
    ProviderException e = failure();
    assertThat(e.isAmbiguous()).isTrue();
    assertThat(e.providerCode()).isNull();
    fx.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(CALLS_PATH)));
  }

  @Test
  void aCreatedAnswerWithoutASidIsAmbiguous() {
    fx.server.stubFor(post(urlPathEqualTo(CALLS_PATH)).willReturn(json(201, "{}")));
    assertThat(failure().isAmbiguous()).isTrue();
  }

  @Test
  void aTimeoutAfterSendingIsAmbiguousAndNotResent() {
    TwilioProvider slow =
        (TwilioProvider)
            fx.stubCreateFailure(
                dev.dialkit.testkit.ProviderFixture.CreateFailure.TIMEOUT_AFTER_SEND);
    ProviderException e = failure(slow);
    assertThat(e.isAmbiguous()).isTrue();
    assertThat(e.httpStatus()).isZero();
    fx.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(CALLS_PATH)));
  }

  @Test
  void aRefusedConnectionIsRetryable() {
    TwilioProvider nowhere =
        fx.builder().baseUrl("http://127.0.0.1:" + TwilioWireMockFixture.closedPort()).build();
    ProviderException e = failure(nowhere);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
  }

  private ProviderException failure() {
    return failure((TwilioProvider) fx.provider());
  }

  private static ProviderException failure(TwilioProvider provider) {
    try {
      provider.place(request()).toCompletableFuture().join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(ProviderException.class);
      return (ProviderException) e.getCause();
    }
    throw new AssertionError("place succeeded");
  }
}
