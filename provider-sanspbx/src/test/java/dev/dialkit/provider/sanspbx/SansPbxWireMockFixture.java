package dev.dialkit.provider.sanspbx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.ACCESS_KEY;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.ACCESS_TOKEN;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.API_TOKEN;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.API_TOKEN_2;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.CALLBACK_BASE;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.DIAL_PATH;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.DISCONNECT_PATH;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.EXPIRY_IST;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.testkit.ProviderFixture;
import dev.dialkit.testkit.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SansPBX's API on WireMock, and its post-call webhook, for the provider contract and tests. */
final class SansPbxWireMockFixture implements ProviderFixture {
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);
  static final String CALL_ID = SansPbxPayloads.callId("4155550123", 1772463600000L);
  private static final ObjectMapper JSON = new ObjectMapper();

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  final VirtualClock clock = VirtualClock.at(Instant.parse("2026-03-02T15:00:00Z"));
  private final SansPbxProvider provider;

  SansPbxWireMockFixture() {
    server.start();
    provider = builder().build();
  }

  /**
   * A builder pointed at this server, on this fixture's clock; E.164 numbers, since the contract
   * dials US numbers (the defaults need Indian ones).
   */
  SansPbxProviderBuilder builder() {
    return SansPbxProvider.builder()
        .apiUrl(server.baseUrl())
        .accessToken(ACCESS_TOKEN)
        .accessKey(ACCESS_KEY)
        .callbackBaseUrl(CALLBACK_BASE)
        .clock(clock)
        .numberFormats(
            new SansPbxNumberFormats(SansPbxNumberFormat.E164, SansPbxNumberFormat.E164));
  }

  @Override
  public CallProvider provider() {
    return provider;
  }

  @Override
  public Agent agent() {
    return Agent.application(SansPbxPayloads.APP_ID).withVariables(Map.of("first_name", "Ada"));
  }

  /** Resets the server and stubs {@code gentoken} to answer {@link SansPbxPayloads#API_TOKEN}. */
  void resetWithToken() {
    server.resetAll();
    stubToken(SansPbxPayloads.token(API_TOKEN, EXPIRY_IST));
  }

  void stubToken(String body) {
    server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .withHeader("Accesstoken", equalTo(ACCESS_TOKEN))
            .withRequestBody(equalToJson("{\"access_key\": \"" + ACCESS_KEY + "\"}"))
            .willReturn(json(200, body)));
  }

  @Override
  public String stubCreateAccepted() {
    return stubCreateAccepted(CALL_ID);
  }

  /** Every dial from now on is accepted as {@code callId}. */
  String stubCreateAccepted(String callId) {
    resetWithToken();
    stubDial(200, SansPbxPayloads.dialed(callId));
    return callId;
  }

  void stubDial(int status, String body) {
    server.stubFor(post(urlPathEqualTo(DIAL_PATH)).willReturn(json(status, body)));
  }

  @Override
  public void verifyCreateRequest(DialRequest request) {
    LoggedRequest sent = lastDial();
    assertThat(sent.getUrl()).isEqualTo(DIAL_PATH);
    assertThat(sent.getHeader("Apitoken")).isEqualTo(API_TOKEN);
    assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = body(sent);
    assertThat(body.get("appid").isInt()).isTrue();
    assertThat(body.get("appid").asInt()).isEqualTo(6);
    assertThat(body.get("call_to").asText()).isEqualTo(request.to().e164());
    assertThat(body.get("caller_id").asText()).isEqualTo(request.from().e164());
    assertThat(body.get("status_callback").asText()).startsWith(CALLBACK_BASE + "?");
    assertThat(body.get("custom_field").get("first_name").asText()).isEqualTo("Ada");
    assertThat(body.get("custom_field").has("status_callback")).isFalse();
    assertThat(body.has("websocket_url")).isFalse();
  }

  @Override
  public List<URI> callbackUrlsSent() {
    JsonNode body = body(lastDial());
    List<URI> urls = new ArrayList<>();
    if (body.has("status_callback")) {
      urls.add(URI.create(body.get("status_callback").asText()));
    }
    JsonNode custom = body.path("custom_field");
    if (custom.has("status_callback")) {
      urls.add(URI.create(custom.get("status_callback").asText()));
    }
    return urls;
  }

  LoggedRequest lastDial() {
    List<LoggedRequest> all = dials();
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  List<LoggedRequest> dials() {
    return server.findAll(postRequestedFor(urlPathEqualTo(DIAL_PATH)));
  }

  int tokenRequests() {
    return server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
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
    resetWithToken();
    switch (failure) {
      case RATE_LIMITED -> stubDial(429, SansPbxPayloads.error("Too many requests"));
      case CONCURRENCY_LIMITED ->
          // the shape of SansPBX's channel-limit refusal is not public: a 4xx naming it is assumed
          stubDial(400, SansPbxPayloads.error("Channel limit exceeded for this account"));
      case INVALID_NUMBER -> stubDial(400, SansPbxPayloads.error("Invalid number 09876543210"));
      case UNAUTHORIZED -> {
        // refused with every token: the first, and the one generated afresh
        server.stubFor(
            post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(json(200, SansPbxPayloads.token(API_TOKEN_2, EXPIRY_IST))));
        stubDial(401, SansPbxPayloads.error("Invalid token"));
      }
      case OTHER_CLIENT_ERROR -> stubDial(400, SansPbxPayloads.error("appid is not configured"));
      case SERVER_ERROR -> stubDial(500, SansPbxPayloads.error("internal server error"));
      case TIMEOUT_AFTER_SEND -> {
        server.stubFor(
            post(urlPathEqualTo(DIAL_PATH))
                .willReturn(json(200, SansPbxPayloads.dialed(CALL_ID)).withFixedDelay(3_000)));
        return builder().requestTimeout(SHORT_TIMEOUT).build();
      }
      case CONNECTION_REFUSED -> {
        return builder().apiUrl("http://127.0.0.1:" + closedPort()).build();
      }
    }
    return provider;
  }

  @Override
  public int createRequestsReceived() {
    return dials().size();
  }

  @Override
  public Set<CallStatus> webhookStatuses() {
    // one webhook, after the end: no ringing, no answered, no machine detection
    return EnumSet.of(
        CallStatus.COMPLETED,
        CallStatus.BUSY,
        CallStatus.NO_ANSWER,
        CallStatus.FAILED,
        CallStatus.CANCELED);
  }

  /** The disposition SansPBX reports for {@code status}. */
  static String disposition(CallStatus status) {
    return switch (status) {
      case COMPLETED -> "ANSWER";
      case BUSY -> "BUSY";
      case NO_ANSWER -> "NOANSWER";
      case FAILED -> "FAILED";
      case CANCELED -> "CANCEL";
      default -> throw new IllegalArgumentException("SansPBX reports no " + status);
    };
  }

  @Override
  public WebhookRequest webhook(URI callbackUrl, String providerCallId, CallStatus status) {
    return webhookWithRawStatus(callbackUrl, providerCallId, disposition(status));
  }

  @Override
  public WebhookRequest webhookWithRawStatus(URI url, String providerCallId, String rawStatus) {
    return SansPbxPayloads.post(
        url,
        SansPbxPayloads.webhook(rawStatus, providerCallId, "/var/spool/asterisk/monitor/x.wav"));
  }

  @Override
  public WebhookRequest webhookSignedWrongly(URI url, String providerCallId, CallStatus status) {
    throw new UnsupportedOperationException("SansPBX signs nothing");
  }

  @Override
  public WebhookRequest withoutSignature(WebhookRequest signed) {
    throw new UnsupportedOperationException("SansPBX signs nothing");
  }

  @Override
  public WebhookRequest malformedWebhook(URI callbackUrl) {
    return SansPbxPayloads.post(callbackUrl, "{\"Linkedid\": \"call-1\", \"did\": \"6745647\"}");
  }

  @Override
  public void stubHangUp(String providerCallId) {
    resetWithToken();
    server.stubFor(
        post(urlPathEqualTo(DISCONNECT_PATH))
            .withRequestBody(equalToJson("{\"callid\": \"" + providerCallId + "\"}"))
            .willReturn(json(200, "{\"status\": \"success\"}")));
  }

  @Override
  public void verifyHungUp(String providerCallId, CallStatus statusAtHangUp) {
    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo(DISCONNECT_PATH)));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getHeader("Apitoken")).isEqualTo(API_TOKEN);
    assertThat(body(sent.get(0)).get("callid").asText()).isEqualTo(providerCallId);
  }

  @Override
  public void stubHangUpOfEndedCall(String providerCallId) {
    resetWithToken();
    // what SansPBX answers for a call that has ended is not public: 404 is taken as "ended"
    server.stubFor(
        post(urlPathEqualTo(DISCONNECT_PATH))
            .willReturn(json(404, SansPbxPayloads.error("Call not found"))));
  }

  @Override
  public void stubStatus(String providerCallId, CallStatus status) {
    throw new UnsupportedOperationException("SansPBX has no status query");
  }

  @Override
  public void stubUnknownCall(String providerCallId) {
    throw new UnsupportedOperationException("SansPBX has no status query");
  }

  @Override
  public Set<String> secrets() {
    return Set.of(ACCESS_TOKEN, ACCESS_KEY, API_TOKEN, API_TOKEN_2);
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
