package dev.dialkit.provider.plivo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_ID;
import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.plivo.PlivoPayloads.CALLBACK_BASE;
import static dev.dialkit.provider.plivo.PlivoPayloads.CALLS_PATH;
import static dev.dialkit.provider.plivo.PlivoPayloads.MAIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.ProviderHttp;
import dev.dialkit.testkit.ProviderFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Plivo's REST API on WireMock, and Plivo's signed callbacks, for the provider contract. */
final class PlivoWireMockFixture implements ProviderFixture {
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);
  private static final ObjectMapper JSON = new ObjectMapper();

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final PlivoProvider provider;

  PlivoWireMockFixture() {
    server.start();
    provider = builder().build();
  }

  /** A builder pointed at this server. */
  PlivoProviderBuilder builder() {
    return PlivoProvider.builder()
        .authId(AUTH_ID)
        .authToken(AUTH_TOKEN)
        .mainAccountAuthToken(MAIN_TOKEN)
        .callbackBaseUrl(CALLBACK_BASE)
        .baseUrl(server.baseUrl());
  }

  @Override
  public CallProvider provider() {
    return provider;
  }

  @Override
  public String stubCreateAccepted() {
    return stubCreateAccepted(PlivoPayloads.REQUEST_UUID);
  }

  /** Every create from now on is accepted as request {@code requestUuid}. */
  String stubCreateAccepted(String requestUuid) {
    server.resetAll();
    server.stubFor(
        post(urlPathEqualTo(CALLS_PATH)).willReturn(json(201, PlivoPayloads.created(requestUuid))));
    return requestUuid;
  }

  @Override
  public void verifyCreateRequest(DialRequest request) {
    LoggedRequest sent = lastCreate();
    assertThat(sent.getUrl()).isEqualTo(CALLS_PATH);
    assertThat(sent.getHeader("Authorization"))
        .isEqualTo(ProviderHttp.basicAuthorization(AUTH_ID, AUTH_TOKEN));
    assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = body(sent);
    assertThat(body.get("from").asText()).isEqualTo(request.from().e164().substring(1));
    assertThat(body.get("to").asText()).isEqualTo(request.to().e164().substring(1));
    assertThat(body.get("answer_url").asText())
        .isEqualTo(request.agent().target() + "?first_name=Ada");
    assertThat(body.get("answer_method").asText()).isEqualTo("POST");
    assertThat(body.get("ring_url").asText()).isEqualTo(body.get("hangup_url").asText());
    assertThat(body.get("ring_url").asText()).startsWith(CALLBACK_BASE + "?");
    assertThat(body.get("ring_timeout").asInt()).isEqualTo(30);
    assertThat(body.get("time_limit").asInt()).isEqualTo(600);
    assertThat(body.get("machine_detection").asText()).isEqualTo("true");
    assertThat(body.get("machine_detection_url").asText())
        .isEqualTo(body.get("hangup_url").asText());
    assertThat(body.has("record")).isFalse();
  }

  @Override
  public List<URI> callbackUrlsSent() {
    JsonNode body = body(lastCreate());
    return Stream.of("ring_url", "hangup_url", "machine_detection_url")
        .filter(body::has)
        .map(name -> URI.create(body.get(name).asText()))
        .toList();
  }

  LoggedRequest lastCreate() {
    List<LoggedRequest> all = server.findAll(postRequestedFor(urlPathEqualTo(CALLS_PATH)));
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CallProvider stubCreateFailure(CreateFailure failure) {
    server.resetAll();
    switch (failure) {
      case RATE_LIMITED -> stubCreate(429, PlivoPayloads.error("too many requests"));
      case CONCURRENCY_LIMITED ->
          // the wire shape of India's 5030 refusal is not documented: a 4xx naming it is assumed
          stubCreate(400, PlivoPayloads.error("5030 Concurrency Limit Breached"));
      case INVALID_NUMBER ->
          stubCreate(400, PlivoPayloads.error("Invalid destination number 14155550123"));
      case UNAUTHORIZED ->
          server.stubFor(
              post(urlPathEqualTo(CALLS_PATH))
                  .willReturn(
                      aResponse()
                          .withStatus(401)
                          .withBody("Could not verify your access level for that URL.")));
      case OTHER_CLIENT_ERROR ->
          stubCreate(400, PlivoPayloads.error("answer_url is not a valid url"));
      case SERVER_ERROR -> stubCreate(500, PlivoPayloads.error("internal server error"));
      case TIMEOUT_AFTER_SEND -> {
        server.stubFor(
            post(urlPathEqualTo(CALLS_PATH))
                .willReturn(
                    json(201, PlivoPayloads.created(PlivoPayloads.REQUEST_UUID))
                        .withFixedDelay(3_000)));
        return builder().requestTimeout(SHORT_TIMEOUT).build();
      }
      case CONNECTION_REFUSED -> {
        return builder().baseUrl("http://127.0.0.1:" + closedPort()).build();
      }
    }
    return provider;
  }

  void stubCreate(int status, String body) {
    server.stubFor(post(urlPathEqualTo(CALLS_PATH)).willReturn(json(status, body)));
  }

  @Override
  public int createRequestsReceived() {
    return server.findAll(postRequestedFor(urlPathEqualTo(CALLS_PATH))).size();
  }

  @Override
  public Set<CallStatus> webhookStatuses() {
    return EnumSet.complementOf(
        EnumSet.of(CallStatus.UNKNOWN, CallStatus.QUEUED, CallStatus.INITIATED));
  }

  @Override
  public Set<CallStatus> queryStatuses() {
    // a call record has no machine-detection verdict: VOICEMAIL cannot be told from COMPLETED
    return EnumSet.complementOf(
        EnumSet.of(
            CallStatus.UNKNOWN, CallStatus.QUEUED, CallStatus.INITIATED, CallStatus.VOICEMAIL));
  }

  @Override
  public WebhookRequest webhook(URI callbackUrl, String providerCallId, CallStatus status) {
    return PlivoPayloads.signed(
        callbackUrl, PlivoPayloads.fields(providerCallId, status), AUTH_TOKEN);
  }

  @Override
  public WebhookRequest webhookWithRawStatus(URI url, String providerCallId, String rawStatus) {
    return PlivoPayloads.signed(
        url, PlivoPayloads.callbackFields(providerCallId, rawStatus), AUTH_TOKEN);
  }

  @Override
  public WebhookRequest webhookSignedWrongly(URI url, String providerCallId, CallStatus status) {
    return PlivoPayloads.signed(
        url, PlivoPayloads.fields(providerCallId, status), "not-the-auth-token");
  }

  @Override
  public WebhookRequest withoutSignature(WebhookRequest signed) {
    Map<String, List<String>> headers = new HashMap<>(signed.headers());
    headers.remove(PlivoSignatureV3.HEADER);
    return new WebhookRequest(signed.method(), signed.url(), headers, signed.body());
  }

  @Override
  public WebhookRequest malformedWebhook(URI callbackUrl) {
    Map<String, String> f = PlivoPayloads.fields("call-1", CallStatus.COMPLETED);
    f.remove("CallUUID");
    return PlivoPayloads.signed(callbackUrl, f, AUTH_TOKEN);
  }

  @Override
  public void stubHangUp(String providerCallId) {
    server.resetAll();
    server.stubFor(
        delete(urlPathEqualTo(PlivoPayloads.callPath(providerCallId)))
            .willReturn(aResponse().withStatus(204)));
    server.stubFor(
        delete(urlPathMatching("/v1/Account/" + AUTH_ID + "/Request/.*"))
            .willReturn(json(404, PlivoPayloads.error("not found"))));
  }

  @Override
  public void verifyHungUp(String providerCallId, CallStatus statusAtHangUp) {
    // the contract's call has a CallUUID and no request_uuid: both cases end it through Call/
    List<LoggedRequest> sent =
        server.findAll(deleteRequestedFor(urlPathEqualTo(PlivoPayloads.callPath(providerCallId))));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getHeader("Authorization"))
        .isEqualTo(ProviderHttp.basicAuthorization(AUTH_ID, AUTH_TOKEN));
  }

  @Override
  public void stubHangUpOfEndedCall(String providerCallId) {
    server.resetAll();
    server.stubFor(
        delete(urlPathEqualTo(PlivoPayloads.callPath(providerCallId)))
            .willReturn(json(404, PlivoPayloads.error("not found"))));
  }

  @Override
  public void stubStatus(String providerCallId, CallStatus status) {
    server.resetAll();
    String path = PlivoPayloads.callPath(providerCallId);
    String live =
        switch (status) {
          case RINGING -> PlivoPayloads.live(providerCallId, "ringing");
          case ANSWERED -> PlivoPayloads.live(providerCallId, "in-progress");
          default -> null;
        };
    if (live != null) {
      server.stubFor(
          get(urlPathEqualTo(path))
              .withQueryParam("status", equalTo("live"))
              .willReturn(json(200, live)));
      return;
    }
    server.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("status", equalTo("live"))
            .willReturn(json(404, PlivoPayloads.error("not found"))));
    String record =
        switch (status) {
          case COMPLETED ->
              PlivoPayloads.record(
                  providerCallId, "2025-03-03 10:00:18+00:00", 42, 4000, "Normal Hangup", "Callee");
          case BUSY -> PlivoPayloads.record(providerCallId, null, 0, 3000, "Busy Line", "Callee");
          case NO_ANSWER ->
              PlivoPayloads.record(providerCallId, null, 0, 3020, "No Answer", "Carrier");
          case FAILED ->
              PlivoPayloads.record(
                  providerCallId, null, 0, 2000, "Invalid Destination Address", "Plivo");
          case CANCELED ->
              PlivoPayloads.record(providerCallId, null, 0, 1000, "Canceled", "API Request");
          default -> throw new IllegalArgumentException("no record for " + status);
        };
    server.stubFor(
        get(urlPathEqualTo(path)).withQueryParam("status", absent()).willReturn(json(200, record)));
  }

  @Override
  public void stubUnknownCall(String providerCallId) {
    server.resetAll();
    server.stubFor(
        get(urlPathEqualTo(PlivoPayloads.callPath(providerCallId)))
            .willReturn(json(404, PlivoPayloads.error("not found"))));
  }

  @Override
  public Set<String> secrets() {
    return Set.of(AUTH_TOKEN, MAIN_TOKEN);
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
