package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.provider.twilio.TwilioSignature;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real call placed through the Twilio provider the starter built from properties (against a fake
 * Twilio API), and its callbacks posted over HTTP to the starter's controller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookControllerTest extends WebTestBase {
  private static final TenantId TENANT = TenantId.of("acme");
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired CampaignDialer dialer;
  private URI callback;
  private CallId callId;

  @BeforeAll
  void placeOneCall() {
    CampaignId campaign =
        dialer
            .campaigns()
            .create(
                TENANT,
                CampaignSpec.builder()
                    .name("webhooks over http")
                    .agent(Agent.answerUrl("https://agent.example.com/answer"))
                    .callerIds("+14155550100")
                    .callingWindow(CallingWindow.always())
                    .build());
    dialer.leads().add(TENANT, campaign, List.of(NewLead.of("+14155550123")));
    dialer.campaigns().start(TENANT, campaign);
    awaitTrue(() -> !FakeTwilioApi.createBodies.isEmpty(), "the create request");
    callback =
        URI.create(
            WebhookRequest.decodeForm(FakeTwilioApi.createBodies.get(0))
                .get("StatusCallback")
                .get(0));
    callId =
        CallId.of(
            new WebhookRequest("POST", callback, Map.of(), "").queryParameter("dialkit_call"));
    awaitTrue(
        () -> dialer.calls().get(TENANT, callId).map(Call::providerCallId).isPresent(),
        "the provider call id");
  }

  @Test
  void theCallbackUrlGivenToTwilioIsThePublicBaseUrlPlusTheWebhookPath() {
    assertThat(callback.toString())
        .startsWith("https://dialer.example.com/dialkit/webhooks/twilio?")
        .contains("dialkit_call=");
  }

  @Test
  void aSignedCallbackOverHttpReachesTheDialerAndGets200() throws Exception {
    HttpResponse<String> response = post(signed(fields("ringing", 1), FakeTwilioApi.AUTH_TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(dialer.calls().get(TENANT, callId).orElseThrow().status())
        .isIn(CallStatus.RINGING, CallStatus.ANSWERED);
  }

  @Test
  void aSignedFormPutKeepsItsBodyForTheSignatureCheck() throws Exception {
    // Spring's FormContentFilter would parse (and consume) a form PUT before the controller
    String[] signed = signed(fields("ringing", 2), FakeTwilioApi.AUTH_TOKEN);
    HttpResponse<String> response =
        http.send(
            request()
                .header(TwilioSignature.HEADER, signed[1])
                .PUT(HttpRequest.BodyPublishers.ofString(signed[0]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aForgedCallbackIsRejectedAndChangesNothing() throws Exception {
    Call before = dialer.calls().get(TENANT, callId).orElseThrow();

    HttpResponse<String> response = post(signed(fields("busy", 7), "not-the-auth-token"));

    assertThat(response.statusCode()).isEqualTo(403);
    // Webhooks.handle's own answer, passed through
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).contains("X-Twilio-Signature does not match");
    assertThat(dialer.calls().get(TENANT, callId).orElseThrow()).isEqualTo(before);
  }

  @Test
  void anOversizeBodyGets413ByContentLengthAndWhenChunked() throws Exception {
    byte[] big = "a=".concat("x".repeat(4000)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> declared =
        http.send(
            request().POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> chunked =
        http.send(
            request()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(chunked.statusCode()).isEqualTo(413);
  }

  private Map<String, String> fields(String status, long sequence) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("AccountSid", FakeTwilioApi.ACCOUNT_SID);
    f.put("ApiVersion", "2010-04-01");
    f.put("CallSid", FakeTwilioApi.CALL_SID);
    f.put("CallStatus", status);
    f.put("Direction", "outbound-api");
    f.put("From", "+14155550100");
    f.put("To", "+14155550123");
    f.put("SequenceNumber", Long.toString(sequence));
    f.put("Timestamp", "Mon, 05 Jan 2026 10:00:0" + sequence + " +0000");
    return f;
  }

  /** The form body and its signature over the public callback URL, as Twilio computes it. */
  private String[] signed(Map<String, String> fields, String token) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    String signature =
        new TwilioSignature(token)
            .sign(callback.toString(), WebhookRequest.decodeForm(body.toString()));
    return new String[] {body.toString(), signature};
  }

  private HttpResponse<String> post(String[] bodyAndSignature) throws Exception {
    return http.send(
        request()
            .header(TwilioSignature.HEADER, bodyAndSignature[1])
            .POST(HttpRequest.BodyPublishers.ofString(bodyAndSignature[0]))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** To this server, at the callback URL's path and query. */
  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(
            URI.create(
                "http://localhost:" + port + callback.getRawPath() + "?" + callback.getRawQuery()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .timeout(Duration.ofSeconds(10));
  }

  /** Polls a condition a real server and a real HTTP client make true, for at most 10 s. */
  static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }
}
