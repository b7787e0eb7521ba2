package dev.dialkit.provider.plivo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.plivo.PlivoPayloads.CALLS_PATH;
import static dev.dialkit.provider.plivo.PlivoPayloads.MAIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The create request's shape and every error mapping. */
class PlivoCreateCallTest {
  private final PlivoWireMockFixture fx = new PlivoWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  static DialRequest request(Agent agent, boolean amd, Duration ring) {
    CallId id = CallId.forAttempt(LeadId.of("lead-7"), 2);
    return new DialRequest(
        id,
        TenantId.of("acme"),
        CampaignId.of("spring"),
        PhoneNumber.of("+919876543210"),
        PhoneNumber.of("+447911123456"),
        agent,
        Map.of("dialkit_call", id.value(), "dialkit_tenant", "acme", "dialkit_provider", "plivo"),
        ring,
        Duration.ofMinutes(5).plusMillis(1),
        amd,
        true);
  }

  static DialRequest request() {
    return request(
        Agent.answerUrl("https://agent.example.com/x?lang=en"), false, Duration.ofSeconds(45));
  }

  @Test
  void theBodyIsPlivoJsonWithNumbersWithoutPlusAndNoMachineDetectionUnlessAsked() {
    fx.stubCreateAccepted();
    PlacedCall placed = join(fx.provider().place(request()));
    assertThat(placed.providerCallId()).isNull();
    assertThat(placed.providerRequestId()).isEqualTo(PlivoPayloads.REQUEST_UUID);
    assertThat(placed.rawStatus()).isEqualTo("call fired");
    JsonNode body = PlivoWireMockFixture.body(fx.lastCreate());
    assertThat(body.get("from").asText()).isEqualTo("919876543210");
    assertThat(body.get("to").asText()).isEqualTo("447911123456");
    assertThat(body.get("answer_url").asText()).isEqualTo("https://agent.example.com/x?lang=en");
    assertThat(body.get("ring_url").asText())
        .isEqualTo(
            "https://dialer.example.com/webhooks/plivo?dialkit_call=lead-7.2"
                + "&dialkit_provider=plivo&dialkit_tenant=acme");
    assertThat(body.get("ring_timeout").asInt()).isEqualTo(45);
    assertThat(body.get("time_limit").asInt()).isEqualTo(301);
    assertThat(body.has("machine_detection")).isFalse();
    assertThat(body.has("machine_detection_url")).isFalse();
    assertThat(body.has("record")).isFalse();
    fx.server.verify(1, postRequestedFor(urlPathEqualTo(CALLS_PATH)));
  }

  @Test
  void aNonAnswerUrlAgentIsRefusedWithoutSending() {
    fx.stubCreateAccepted();
    ProviderException e =
        failure(
            fx.provider().place(request(Agent.application("app-1"), true, Duration.ofSeconds(30))));
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.isAmbiguous()).isFalse();
    assertThat(e.reason()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);
    assertThat(fx.createRequestsReceived()).isZero();
  }

  @Test
  void aCreatedResponseWithoutRequestUuidIsAmbiguous() {
    fx.server.resetAll();
    fx.stubCreate(201, "{\"message\":\"call fired\",\"api_id\":\"x\"}");
    ProviderException e = failure(fx.provider().place(request()));
    assertThat(e.isAmbiguous()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} -> {2} retryable={3} ambiguous={4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          429 | too many requests                                  | RATE_LIMITED          | true  | false
          400 | Concurrency Limit Breached                         | RATE_LIMITED          | true  | false
          403 | call rejected: 5030                                | RATE_LIMITED          | true  | false
          400 | Invalid destination number +447911123456           | INVALID_NUMBER        | false | false
          400 | to parameter is not a valid phone number           | INVALID_NUMBER        | false | false
          400 | answer_url is not a valid url                      | PROVIDER_ERROR        | false | false
          401 | Authentication failed                              | ACCOUNT_OR_PERMISSION | false | false
          403 | Destination country barred (geo permissions)       | ACCOUNT_OR_PERMISSION | false | false
          402 | insufficient credit                                | ACCOUNT_OR_PERMISSION | false | false
          404 | not found                                          | PROVIDER_ERROR        | false | false
          500 | internal server error                              | PROVIDER_ERROR        | false | true
          503 | service unavailable                                | PROVIDER_ERROR        | false | true
          """)
  void errorsAreClassified(
      int status, String text, FailureReason reason, boolean retryable, boolean ambiguous) {
    fx.server.resetAll();
    fx.stubCreate(status, PlivoPayloads.error(text));
    ProviderException e = failure(fx.provider().place(request()));
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.isAmbiguous()).isEqualTo(ambiguous);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.provider()).isEqualTo("plivo");
    assertThat(e.getMessage()).doesNotContain("447911123456").doesNotContain(AUTH_TOKEN);
    fx.server.verify(1, postRequestedFor(urlPathEqualTo(CALLS_PATH)));
  }

  @Test
  void theConcurrencyCodeIsReported() {
    fx.server.resetAll();
    fx.stubCreate(400, PlivoPayloads.error("5030 Concurrency Limit Breached"));
    assertThat(failure(fx.provider().place(request())).providerCode()).isEqualTo("5030");
  }

  @Test
  void connectionRefusedIsRetryableAndNamesNoSecret() {
    ProviderException e =
        failure(
            fx.stubCreateFailure(
                    dev.dialkit.testkit.ProviderFixture.CreateFailure.CONNECTION_REFUSED)
                .place(request()));
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.httpStatus()).isZero();
    assertThat(e.getMessage()).doesNotContain(AUTH_TOKEN).doesNotContain(MAIN_TOKEN);
  }

  @Test
  void aTimeoutAfterSendingIsAmbiguousAndSentOnce() {
    ProviderException e =
        failure(
            fx.stubCreateFailure(
                    dev.dialkit.testkit.ProviderFixture.CreateFailure.TIMEOUT_AFTER_SEND)
                .place(request()));
    assertThat(e.isAmbiguous()).isTrue();
    assertThat(fx.createRequestsReceived()).isEqualTo(1);
  }

  static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  static ProviderException failure(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(ProviderException.class);
      return (ProviderException) e.getCause();
    }
    throw new AssertionError("the stage completed");
  }
}
