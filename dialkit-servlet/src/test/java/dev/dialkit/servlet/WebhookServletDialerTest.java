package dev.dialkit.servlet;

import static dev.dialkit.servlet.FakeTwilioApi.AUTH_TOKEN;
import static dev.dialkit.servlet.FakeTwilioApi.CALL_SID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.provider.twilio.TwilioProvider;
import dev.dialkit.provider.twilio.TwilioSignature;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.VirtualClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real dialer places a call through the Twilio provider (against {@link FakeTwilioApi}) and takes
 * Twilio's signed status callbacks through {@link WebhookServlet} over HTTP. The provider was told
 * the public URL {@code https://calls.example.com/app/dialkit/webhooks/twilio}, as behind a proxy
 * that ends TLS and strips {@code /app}; the container sees {@code
 * http://127.0.0.1:<port>/dialkit/webhooks/twilio}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one dialer and one call for all
@ExtendWith(TestServer.class)
class WebhookServletDialerTest {
  private static final TenantId TENANT = TenantId.of("acme");

  private final FakeTwilioApi twilio = TestServer.TWILIO;
  private final CompletableFuture<Call> placed = new CompletableFuture<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private ManualScheduler scheduler;
  private CampaignDialer dialer;
  private CallId callId;

  @BeforeAll
  void start() throws Exception {
    VirtualClock clock = VirtualClock.at(Instant.parse("2025-03-03T18:00:00Z"));
    scheduler = new ManualScheduler(clock);
    dialer =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(
                TwilioProvider.builder()
                    .accountSid(FakeTwilioApi.ACCOUNT_SID)
                    .authToken(AUTH_TOKEN)
                    .callbackBaseUrl(TestServer.DIALER_PUBLIC_BASE + "/dialkit/webhooks/twilio")
                    .baseUrl("http://localhost:" + TestServer.port())
                    .build())
            .clock(clock)
            .scheduler(scheduler)
            .listenerExecutor(Runnable::run)
            .listener(
                event -> {
                  if (event instanceof DialkitEvent.CallUpdated u
                      && u.call().providerCallId() != null) {
                    placed.complete(u.call());
                  }
                })
            .instanceId("servlet-test")
            .build();
    TestServer.DIALER_WEBHOOKS.set(dialer.webhooks());
    callId = placeOneCall();
  }

  @AfterAll
  void stop() throws Exception {
    dialer.close();
  }

  @Test
  void signedTwilioCallbacksReachTheDialerThroughTheServletAndForgedOnesAreRefused()
      throws Exception {
    URI callback = twilio.statusCallback.get();

    assertThat(post(callback, fields("ringing", 1), AUTH_TOKEN)).isEqualTo(200);
    assertThat(post(callback, fields("in-progress", 2), AUTH_TOKEN)).isEqualTo(200);
    assertThat(call(callId).status()).isEqualTo(CallStatus.ANSWERED);

    // signed with another token: refused, and nothing changes
    assertThat(post(callback, fields("busy", 3), "0123456789abcdef0123456789abcdef"))
        .isEqualTo(403);
    // signed for the URL the container sees rather than the public one: refused too
    URI internal = internal(callback);
    assertThat(postTo(internal, callback, internal, fields("busy", 3), AUTH_TOKEN)).isEqualTo(403);
    assertThat(call(callId).status()).isEqualTo(CallStatus.ANSWERED);

    Map<String, String> done = fields("completed", 4);
    done.put("CallDuration", "42");
    assertThat(post(callback, done, AUTH_TOKEN)).isEqualTo(200);
    assertThat(call(callId).status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(call(callId).duration()).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void aCallbackForNoProviderOfTheDialerOrOutsideTheRouteIs404() throws Exception {
    URI callback = twilio.statusCallback.get();
    URI otherProvider =
        URI.create(
            callback.toString().replace("dialkit_provider=twilio", "dialkit_provider=plivo"));
    assertThat(post(otherProvider, fields("ringing", 1), AUTH_TOKEN)).isEqualTo(404);

    URI outside = URI.create("http://127.0.0.1:" + TestServer.port() + "/dialkit/other/twilio");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(outside).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  private CallId placeOneCall() throws Exception {
    CampaignId campaign =
        dialer
            .campaigns()
            .create(
                TENANT,
                CampaignSpec.builder()
                    .name("servlet")
                    .agent(Agent.answerUrl("https://agent.example.com/answer"))
                    .callerIds("+14155550100")
                    .build());
    dialer.leads().add(TENANT, campaign, List.of(NewLead.of("+14155550123")));
    dialer.start();
    dialer.campaigns().start(TENANT, campaign);
    // the create request goes out on the HTTP client's threads: wait on its arrival, bounded
    for (int i = 0; i < 50 && !placed.isDone(); i++) {
      scheduler.advance(Duration.ofMillis(500));
      try {
        placed.get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        // the next tick
      }
    }
    Call call = placed.get(5, TimeUnit.SECONDS);
    assertThat(call.providerCallId()).isEqualTo(CALL_SID);
    return call.id();
  }

  private Call call(CallId id) {
    return dialer.calls().get(TENANT, id).orElseThrow();
  }

  private static Map<String, String> fields(String status, long sequence) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("AccountSid", FakeTwilioApi.ACCOUNT_SID);
    f.put("CallSid", CALL_SID);
    f.put("CallStatus", status);
    f.put("From", "+14155550100");
    f.put("To", "+14155550123");
    f.put("SequenceNumber", Long.toString(sequence));
    f.put("Timestamp", "Mon, 03 Mar 2025 18:00:0" + sequence + " +0000");
    return f;
  }

  /** Posts to the container what Twilio posted to {@code callback}, signed for {@code callback}. */
  private int post(URI callback, Map<String, String> fields, String token) throws Exception {
    return postTo(internal(callback), callback, callback, fields, token);
  }

  private int postTo(URI target, URI callback, URI signedFor, Map<String, String> f, String token)
      throws Exception {
    String body =
        f.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    String signature =
        new TwilioSignature(token).sign(signedFor.toString(), WebhookRequest.decodeForm(body));
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(TwilioSignature.HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** The URL the container sees for the public {@code callback}: no TLS, no {@code /app}. */
  private URI internal(URI callback) {
    String pathAndQuery =
        callback.getRawPath().substring("/app".length()) + "?" + callback.getRawQuery();
    return URI.create("http://127.0.0.1:" + TestServer.port() + pathAndQuery);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
