package dev.dialkit.provider.bolna;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.dialkit.provider.bolna.BolnaPayloads.AGENT_ID;
import static dev.dialkit.provider.bolna.BolnaPayloads.API_KEY;
import static dev.dialkit.provider.bolna.BolnaPayloads.EXECUTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.testkit.ProviderFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bolna's REST API on WireMock, and Bolna's execution webhooks, for the provider contract. Bolna
 * signs nothing, so the signature methods hand back the webhook as it is (the contract skips its
 * signature tests for such providers), and hands out no callback URL per call.
 */
final class BolnaWireMockFixture implements ProviderFixture {
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);
  static final String CALL_PATH = "/call";

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final BolnaProvider provider;

  BolnaWireMockFixture() {
    server.start();
    provider = builder().build();
  }

  /** A builder pointed at this server. */
  BolnaProviderBuilder builder() {
    return BolnaProvider.builder().apiKey(API_KEY).baseUrl(server.baseUrl());
  }

  @Override
  public BolnaProvider provider() {
    return provider;
  }

  @Override
  public Agent agent() {
    return Agent.hosted(AGENT_ID).withVariables(Map.of("first_name", "Ada"));
  }

  @Override
  public String stubCreateAccepted() {
    return stubCreateAccepted(EXECUTION_ID);
  }

  /** Every create from now on is accepted as execution {@code executionId}. */
  String stubCreateAccepted(String executionId) {
    server.resetAll();
    server.stubFor(
        post(urlPathEqualTo(CALL_PATH)).willReturn(json(200, BolnaPayloads.created(executionId))));
    return executionId;
  }

  @Override
  public void verifyCreateRequest(DialRequest request) {
    LoggedRequest sent = lastCreate();
    assertThat(sent.getUrl()).isEqualTo(CALL_PATH);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = body(sent);
    assertThat(body.get("agent_id").asText()).isEqualTo(AGENT_ID);
    assertThat(body.get("recipient_phone_number").asText()).isEqualTo(request.to().e164());
    assertThat(body.get("from_phone_number").asText()).isEqualTo(request.from().e164());
    assertThat(body.get("user_data").get("first_name").asText()).isEqualTo("Ada");
    assertThat(body.get("user_data").get(Webhooks.CALL_PARAMETER).asText())
        .isEqualTo(request.callId().value());
    assertThat(body.get("retry_config").get("enabled").asBoolean(true)).isFalse();
    // per-call settings Bolna does not have are not invented
    assertThat(body.has("scheduled_at")).isFalse();
  }

  /** None: Bolna's webhook URL is the agent's, configured at Bolna, not one per call. */
  @Override
  public List<URI> callbackUrlsSent() {
    return List.of();
  }

  LoggedRequest lastCreate() {
    List<LoggedRequest> all = server.findAll(postRequestedFor(urlPathEqualTo(CALL_PATH)));
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  static JsonNode body(LoggedRequest request) {
    try {
      return BolnaPayloads.JSON.readTree(request.getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CallProvider stubCreateFailure(CreateFailure failure) {
    server.resetAll();
    switch (failure) {
      case RATE_LIMITED -> stubCreate(429, BolnaPayloads.error(429, "Too many requests"));
      case CONCURRENCY_LIMITED ->
          // what Bolna answers when the account's concurrency is used up is not documented
          stubCreate(400, BolnaPayloads.error(400, "Concurrency limit reached for this account"));
      case INVALID_NUMBER ->
          stubCreate(
              422,
              "{\"detail\":[{\"loc\":[\"body\",\"recipient_phone_number\"],"
                  + "\"msg\":\"Invalid phone number 4155550123\",\"type\":\"value_error\"}]}");
      case UNAUTHORIZED -> stubCreate(401, BolnaPayloads.error(401, "Access denied"));
      case OTHER_CLIENT_ERROR -> stubCreate(404, BolnaPayloads.error(404, "Agent not found"));
      case SERVER_ERROR -> stubCreate(500, BolnaPayloads.error(500, "Internal Server Error"));
      case TIMEOUT_AFTER_SEND -> {
        server.stubFor(
            post(urlPathEqualTo(CALL_PATH))
                .willReturn(json(200, BolnaPayloads.created(EXECUTION_ID)).withFixedDelay(3_000)));
        return builder().requestTimeout(SHORT_TIMEOUT).build();
      }
      case CONNECTION_REFUSED -> {
        return builder().baseUrl("http://127.0.0.1:" + closedPort()).build();
      }
    }
    return provider;
  }

  void stubCreate(int status, String body) {
    server.stubFor(post(urlPathEqualTo(CALL_PATH)).willReturn(json(status, body)));
  }

  @Override
  public int createRequestsReceived() {
    return server.findAll(postRequestedFor(urlPathEqualTo(CALL_PATH))).size();
  }

  @Override
  public Set<CallStatus> webhookStatuses() {
    return EnumSet.complementOf(EnumSet.of(CallStatus.UNKNOWN));
  }

  @Override
  public WebhookRequest webhook(URI callbackUrl, String providerCallId, CallStatus status) {
    return BolnaPayloads.webhook(callbackUrl, BolnaPayloads.forStatus(providerCallId, status));
  }

  @Override
  public WebhookRequest webhookWithRawStatus(URI url, String providerCallId, String rawStatus) {
    return BolnaPayloads.webhook(url, BolnaPayloads.execution(providerCallId, rawStatus));
  }

  /** Bolna signs nothing: there is no wrong signature to make. */
  @Override
  public WebhookRequest webhookSignedWrongly(URI url, String providerCallId, CallStatus status) {
    return webhook(url, providerCallId, status);
  }

  @Override
  public WebhookRequest withoutSignature(WebhookRequest signed) {
    return signed;
  }

  @Override
  public WebhookRequest malformedWebhook(URI callbackUrl) {
    return BolnaPayloads.webhook(
        callbackUrl, BolnaPayloads.forStatus("call-1", CallStatus.COMPLETED).without("id"));
  }

  /** Not called: Bolna cannot hang up, and the contract checks that it says so. */
  @Override
  public void stubHangUp(String providerCallId) {
    server.resetAll();
  }

  @Override
  public void verifyHungUp(String providerCallId, CallStatus statusAtHangUp) {
    throw new AssertionError("Bolna has no hang-up; the contract must not ask for one");
  }

  @Override
  public void stubHangUpOfEndedCall(String providerCallId) {
    server.resetAll();
  }

  @Override
  public void stubStatus(String providerCallId, CallStatus status) {
    server.resetAll();
    server.stubFor(
        get(urlPathEqualTo("/executions/" + providerCallId))
            .willReturn(json(200, BolnaPayloads.forStatus(providerCallId, status).toString())));
  }

  @Override
  public void stubUnknownCall(String providerCallId) {
    server.resetAll();
    server.stubFor(
        get(urlPathEqualTo("/executions/" + providerCallId))
            .willReturn(json(404, BolnaPayloads.error(404, "Execution not found"))));
  }

  @Override
  public Set<String> secrets() {
    return Set.of(API_KEY);
  }

  @Override
  public void close() {
    server.stop();
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
