package dev.dialkit.provider.plivo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.plivo.PlivoPayloads.CALLS_PATH;
import static dev.dialkit.provider.plivo.PlivoPayloads.REQUEST_UUID;
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
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real dialer placing one call through PlivoProvider (WireMock): the create response brings
 * only the request_uuid, the CallUUID comes with the first callback (before or after that
 * response), and the call ends from the signed hangup callback with Plivo's own times.
 */
class PlivoDialerIntegrationTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final String CALL_UUID = "eba53b9e-8fbd-45c1-9444-696d2172fbc8";
  private final PlivoWireMockFixture fx = new PlivoWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  @ParameterizedTest(name = "first callback before the create response: {0}")
  @ValueSource(booleans = {false, true})
  void aCallIsPlacedThroughPlivoAndEndsFromItsSignedCallbacks(boolean callbackFirst)
      throws Exception {
    fx.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(CALLS_PATH))
            .willReturn(
                PlivoWireMockFixture.json(201, PlivoPayloads.created(REQUEST_UUID))
                    .withFixedDelay(callbackFirst ? 1_500 : 0)));
    VirtualClock clock = VirtualClock.at(Instant.parse("2025-03-03T09:59:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    try (CampaignDialer dialer =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(fx.provider())
            .clock(clock)
            .scheduler(scheduler)
            .instanceId("it")
            .build()) {
      dialer.start();
      CampaignId campaign =
          dialer
              .campaigns()
              .create(
                  TENANT,
                  CampaignSpec.builder()
                      .name("plivo")
                      .agent(Agent.answerUrl("https://agent.example.com/answer"))
                      .callerIds("+14155550100")
                      .callingWindow(CallingWindow.always())
                      .build());
      dialer.leads().add(TENANT, campaign, List.of(NewLead.of("+14155550123")));
      dialer.campaigns().start(TENANT, campaign);

      // the create request goes out on the HTTP client's threads: wait in wall-clock time
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (fx.createRequestsReceived() == 0 && System.nanoTime() < deadline) {
        scheduler.advance(Duration.ofSeconds(1));
        Thread.sleep(20);
      }
      assertThat(fx.createRequestsReceived()).isEqualTo(1);
      URI callback = fx.callbackUrlsSent().get(0);
      CallId callId =
          CallId.of(
              new WebhookRequest("POST", callback, Map.of(), "").queryParameter("dialkit_call"));

      if (callbackFirst) {
        // Plivo rings before its 201 reaches us: the callback URL names the call
        post(dialer, callback, PlivoPayloads.fields(CALL_UUID, CallStatus.RINGING));
        assertThat(call(dialer, callId).providerCallId()).isEqualTo(CALL_UUID);
        // the callback also names Plivo's RequestUUID; let the delayed 201 land on top of it
        Thread.sleep(2_000);
      } else {
        await(dialer, callId, c -> c.providerRequestId() != null, deadline);
        assertThat(call(dialer, callId).providerCallId()).isNull();
        post(dialer, callback, PlivoPayloads.fields(CALL_UUID, CallStatus.RINGING));
      }
      Call ringing = call(dialer, callId);
      assertThat(ringing.status()).isEqualTo(CallStatus.RINGING);
      assertThat(ringing.providerCallId()).isEqualTo(CALL_UUID);
      assertThat(ringing.providerRequestId()).isEqualTo(REQUEST_UUID);

      // signed, but out of range: 400, and the call is as it was
      for (String[] hostile :
          new String[][] {
            {"BillDuration", "9223372036854775807"},
            {"Duration", "-1"},
            {"AnswerTime", "0001-01-01 00:00:00"},
            {"EndTime", "999999999-12-31 23:59:59"}
          }) {
        Map<String, String> f =
            PlivoPayloads.hangup(
                CALL_UUID, "completed", "2025-03-03 10:00:18", 42, 4000, "Normal Hangup");
        f.put(hostile[0], hostile[1]);
        assertThat(dialer.webhooks().handle(PlivoPayloads.signed(callback, f, AUTH_TOKEN)).status())
            .as(hostile[0] + "=" + hostile[1])
            .isEqualTo(400);
        assertThat(call(dialer, callId)).isEqualTo(ringing);
      }

      post(
          dialer,
          callback,
          PlivoPayloads.hangup(
              CALL_UUID, "completed", "2025-03-03 10:00:18", 42, 4000, "Normal Hangup"));
      Call done = call(dialer, callId);
      assertThat(done.status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(done.answeredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:18Z"));
      assertThat(done.endedAt()).isEqualTo(Instant.parse("2025-03-03T10:01:00Z"));
      assertThat(done.duration()).isEqualTo(Duration.ofSeconds(42));
      assertThat(done.billedDuration()).isEqualTo(Duration.ofSeconds(42));
      assertThat(done.hangupCause()).isEqualTo("4000");
      fx.server.verify(1, postRequestedFor(urlPathEqualTo(CALLS_PATH)));

      // Plivo retries callbacks: a second delivery changes nothing; a forged one is refused
      post(
          dialer,
          callback,
          PlivoPayloads.hangup(
              CALL_UUID, "completed", "2025-03-03 10:00:18", 42, 4000, "Normal Hangup"));
      assertThat(call(dialer, callId).status()).isEqualTo(CallStatus.COMPLETED);
      WebhookRequest forged =
          PlivoPayloads.signed(
              callback, PlivoPayloads.fields(CALL_UUID, CallStatus.BUSY), "forged");
      assertThat(dialer.webhooks().handle(forged).status()).isEqualTo(403);
    }
  }

  private static Call call(CampaignDialer dialer, CallId id) {
    return dialer.calls().get(TENANT, id).orElseThrow();
  }

  private static void await(
      CampaignDialer dialer, CallId id, Predicate<Call> condition, long deadline)
      throws InterruptedException {
    while (!condition.test(call(dialer, id)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.test(call(dialer, id))).isTrue();
  }

  private static void post(CampaignDialer dialer, URI callback, Map<String, String> fields) {
    assertThat(
            dialer.webhooks().handle(PlivoPayloads.signed(callback, fields, AUTH_TOKEN)).status())
        .as(fields.get("CallStatus"))
        .isEqualTo(200);
  }
}
