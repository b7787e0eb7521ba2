package dev.dialkit.provider.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.dialkit.provider.twilio.TwilioPayloads.ACCOUNT_SID;
import static dev.dialkit.provider.twilio.TwilioPayloads.API_KEY_SECRET;
import static dev.dialkit.provider.twilio.TwilioPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.twilio.TwilioPayloads.CALLBACK_BASE;
import static dev.dialkit.provider.twilio.TwilioPayloads.CALLS_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.testkit.ProviderFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Twilio's REST API on WireMock, and Twilio's status callbacks, for the provider contract. */
final class TwilioWireMockFixture implements ProviderFixture {
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final TwilioProvider provider;

  TwilioWireMockFixture() {
    server.start();
    provider = builder().build();
  }

  /** A builder pointed at this server, auth token credentials. */
  TwilioProviderBuilder builder() {
    return TwilioProvider.builder()
        .accountSid(ACCOUNT_SID)
        .authToken(AUTH_TOKEN)
        .callbackBaseUrl(CALLBACK_BASE)
        .baseUrl(server.baseUrl());
  }

  @Override
  public CallProvider provider() {
    return provider;
  }

  @Override
  public String stubCreateAccepted() {
    return stubCreateAccepted("CA0123456789abcdef0123456789abcdef");
  }

  /** Every create from now on is accepted as call {@code sid}. */
  String stubCreateAccepted(String sid) {
    server.resetAll();
    server.stubFor(
        post(urlPathEqualTo(CALLS_PATH)).willReturn(json(201, TwilioPayloads.queuedCall(sid))));
    return sid;
  }

  @Override
  public void verifyCreateRequest(DialRequest request) {
    LoggedRequest sent = lastCreate();
    assertThat(sent.getHeader("Authorization")).isEqualTo(basic(ACCOUNT_SID, AUTH_TOKEN));
    assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, List<String>> form = WebhookRequest.decodeForm(sent.getBodyAsString());
    assertThat(form.get("To")).containsExactly(request.to().e164());
    assertThat(form.get("From")).containsExactly(request.from().e164());
    assertThat(form.get("Url")).containsExactly(request.agent().target() + "?first_name=Ada");
    assertThat(form.get("StatusCallbackMethod")).containsExactly("POST");
    assertThat(form.get("StatusCallbackEvent"))
        .containsExactly("initiated", "ringing", "answered", "completed");
    assertThat(form.get("Timeout")).containsExactly("30");
    assertThat(form.get("TimeLimit")).containsExactly("600");
    assertThat(form.get("MachineDetection")).containsExactly("Enable");
    assertThat(form.get("AsyncAmd")).containsExactly("true");
    assertThat(form.get("AsyncAmdStatusCallback"))
        .containsExactly(form.get("StatusCallback").get(0) + "&twilio_amd=1");
    assertThat(form.get("Record")).containsExactly("true");
  }

  @Override
  public List<URI> callbackUrlsSent() {
    Map<String, List<String>> form = WebhookRequest.decodeForm(lastCreate().getBodyAsString());
    return Stream.of("StatusCallback", "AsyncAmdStatusCallback")
        .filter(form::containsKey)
        .map(name -> URI.create(form.get(name).get(0)))
        .toList();
  }

  private LoggedRequest lastCreate() {
    List<LoggedRequest> all = server.findAll(postRequestedFor(urlPathEqualTo(CALLS_PATH)));
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  @Override
  public CallProvider stubCreateFailure(CreateFailure failure) {
    server.resetAll();
    switch (failure) {
      case RATE_LIMITED -> stubCreate(429, TwilioPayloads.error(20429, "Too Many Requests", 429));
      case CONCURRENCY_LIMITED ->
          // HTTP status of 10004 not documented: 400 assumed, classified by code
          stubCreate(400, TwilioPayloads.error(10004, "Call concurrency limit exceeded", 400));
      case INVALID_NUMBER ->
          stubCreate(
              400,
              TwilioPayloads.error(
                  21211, "The 'To' number +14155550123 is not a valid phone number.", 400));
      case UNAUTHORIZED -> stubCreate(401, TwilioPayloads.error(20003, "Authenticate", 401));
      case OTHER_CLIENT_ERROR ->
          stubCreate(400, TwilioPayloads.error(21609, "Invalid StatusCallback URL", 400));
      case SERVER_ERROR ->
          stubCreate(500, TwilioPayloads.error(20500, "Internal Server Error", 500));
      case TIMEOUT_AFTER_SEND -> {
        server.stubFor(
            post(urlPathEqualTo(CALLS_PATH))
                .willReturn(json(201, TwilioPayloads.queuedCall("CA1")).withFixedDelay(3_000)));
        return builder().requestTimeout(SHORT_TIMEOUT).build();
      }
      case CONNECTION_REFUSED -> {
        return builder().baseUrl("http://127.0.0.1:" + closedPort()).build();
      }
    }
    return provider;
  }

  private void stubCreate(int status, String body) {
    server.stubFor(post(urlPathEqualTo(CALLS_PATH)).willReturn(json(status, body)));
  }

  @Override
  public int createRequestsReceived() {
    return server.findAll(postRequestedFor(urlPathEqualTo(CALLS_PATH))).size();
  }

  @Override
  public Set<CallStatus> queryStatuses() {
    return EnumSet.complementOf(EnumSet.of(CallStatus.UNKNOWN, CallStatus.INITIATED));
  }

  @Override
  public WebhookRequest webhook(URI callbackUrl, String providerCallId, CallStatus status) {
    return signed(callbackUrl, fields(providerCallId, status), AUTH_TOKEN);
  }

  @Override
  public WebhookRequest webhookWithRawStatus(URI url, String providerCallId, String rawStatus) {
    return signed(url, TwilioPayloads.callbackFields(providerCallId, rawStatus, 3), AUTH_TOKEN);
  }

  @Override
  public WebhookRequest webhookSignedWrongly(URI url, String providerCallId, CallStatus status) {
    return signed(url, fields(providerCallId, status), "not-the-auth-token");
  }

  @Override
  public WebhookRequest withoutSignature(WebhookRequest signed) {
    Map<String, List<String>> headers = new HashMap<>(signed.headers());
    headers.remove(TwilioSignature.HEADER);
    return new WebhookRequest(signed.method(), signed.url(), headers, signed.body());
  }

  @Override
  public WebhookRequest malformedWebhook(URI callbackUrl) {
    Map<String, String> f = TwilioPayloads.callbackFields("CA1", "completed", 3);
    f.remove("CallSid");
    return signed(callbackUrl, f, AUTH_TOKEN);
  }

  static Map<String, String> fields(String sid, CallStatus status) {
    Map<String, String> f =
        TwilioPayloads.callbackFields(sid, TwilioPayloads.rawStatus(status), status.ordinal());
    switch (status) {
      case COMPLETED -> f.put("CallDuration", "42");
      case VOICEMAIL -> {
        f.put("CallDuration", "17");
        f.put("AnsweredBy", "machine_end_beep");
      }
      case BUSY -> f.put("SipResponseCode", "486");
      case NO_ANSWER -> f.put("SipResponseCode", "487");
      case FAILED -> {
        f.put("SipResponseCode", "404");
        f.put("ErrorCode", "32011");
      }
      default -> {}
    }
    return f;
  }

  static WebhookRequest signed(URI url, Map<String, String> fields, String token) {
    String body = TwilioPayloads.encode(fields);
    String signature =
        new TwilioSignature(token).sign(url.toString(), WebhookRequest.decodeForm(body));
    return WebhookRequest.formPost(url, Map.of(TwilioSignature.HEADER, List.of(signature)), body);
  }

  @Override
  public void stubHangUp(String providerCallId) {
    server.resetAll();
    String path = TwilioPayloads.callPath(providerCallId);
    server.stubFor(
        post(urlPathEqualTo(path))
            .withRequestBody(equalTo("Status=canceled"))
            .willReturn(json(200, TwilioPayloads.callIn(providerCallId, CallStatus.CANCELED))));
    server.stubFor(
        post(urlPathEqualTo(path))
            .withRequestBody(equalTo("Status=completed"))
            .willReturn(json(200, TwilioPayloads.callIn(providerCallId, CallStatus.COMPLETED))));
  }

  @Override
  public void verifyHungUp(String providerCallId, CallStatus statusAtHangUp) {
    String path = TwilioPayloads.callPath(providerCallId);
    String expected = statusAtHangUp == CallStatus.ANSWERED ? "completed" : "canceled";
    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo(path)));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getBodyAsString()).isEqualTo("Status=" + expected);
    assertThat(sent.get(0).getHeader("Authorization")).isEqualTo(basic(ACCOUNT_SID, AUTH_TOKEN));
  }

  @Override
  public void stubHangUpOfEndedCall(String providerCallId) {
    server.resetAll();
    server.stubFor(
        post(urlPathEqualTo(TwilioPayloads.callPath(providerCallId)))
            .withRequestBody(containing("Status="))
            .willReturn(
                json(
                    400,
                    TwilioPayloads.error(
                        21220, "Call is not in-progress. Cannot redirect.", 400))));
  }

  @Override
  public void stubStatus(String providerCallId, CallStatus status) {
    server.resetAll();
    server.stubFor(
        get(urlPathEqualTo(TwilioPayloads.callPath(providerCallId)))
            .willReturn(json(200, TwilioPayloads.callIn(providerCallId, status))));
  }

  @Override
  public void stubUnknownCall(String providerCallId) {
    server.resetAll();
    String path = TwilioPayloads.callPath(providerCallId);
    server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                json(
                    404,
                    TwilioPayloads.error(
                        20404, "The requested resource " + path + " was not found", 404))));
  }

  @Override
  public Set<String> secrets() {
    return Set.of(AUTH_TOKEN, API_KEY_SECRET);
  }

  @Override
  public void close() {
    server.stop();
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
