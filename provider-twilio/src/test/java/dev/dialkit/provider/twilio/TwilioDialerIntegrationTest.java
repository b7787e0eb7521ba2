package dev.dialkit.provider.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.twilio.TwilioPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.twilio.TwilioPayloads.CALLS_PATH;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real dialer placing one call through TwilioProvider (WireMock) and taking its webhooks. */
class TwilioDialerIntegrationTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private final TwilioWireMockFixture fx = new TwilioWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void aCallIsPlacedThroughTwilioAndEndsFromItsSignedCallbacks() throws Exception {
    String sid = fx.stubCreateAccepted();
    VirtualClock clock = VirtualClock.at(Instant.parse("2025-03-03T18:00:00Z"));
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
                      .name("twilio")
                      .agent(Agent.answerUrl("https://agent.example.com/answer"))
                      .callerIds("+14155550100")
                      .callingWindow(CallingWindow.always())
                      .build());
      dialer.leads().add(TENANT, campaign, List.of(NewLead.of("+14155550123")));
      dialer.campaigns().start(TENANT, campaign);

      // the create request goes out on the HTTP client's threads: wait for it in wall-clock time
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
      while (dialer.calls().get(TENANT, callId).map(Call::providerCallId).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(dialer.calls().get(TENANT, callId).orElseThrow().providerCallId()).isEqualTo(sid);

      post(dialer, callback, sid, "initiated", 0, "Mon, 03 Mar 2025 18:00:01 +0000");
      post(dialer, callback, sid, "ringing", 1, "Mon, 03 Mar 2025 18:00:03 +0000");
      post(dialer, callback, sid, "in-progress", 2, "Mon, 03 Mar 2025 18:00:10 +0000");

      // signed, but out of range: 400, and the call is as it was
      Call answered = dialer.calls().get(TENANT, callId).orElseThrow();
      for (String[] hostile :
          new String[][] {
            {"CallDuration", "9223372036854775807"},
            {"Timestamp", "01 Jan 0001 00:00:00 +0000"},
            {"SequenceNumber", "-1"},
            {"SequenceNumber", "1000000001"}
          }) {
        Map<String, String> f = TwilioPayloads.callbackFields(sid, "completed", 3);
        f.put("Timestamp", "Mon, 03 Mar 2025 18:01:00 +0000");
        f.put(hostile[0], hostile[1]);
        assertThat(
                dialer
                    .webhooks()
                    .handle(TwilioWireMockFixture.signed(callback, f, AUTH_TOKEN))
                    .status())
            .as(hostile[0] + "=" + hostile[1])
            .isEqualTo(400);
        assertThat(dialer.calls().get(TENANT, callId).orElseThrow()).isEqualTo(answered);
      }
      Map<String, String> done = TwilioPayloads.callbackFields(sid, "completed", 3);
      done.put("Timestamp", "Mon, 03 Mar 2025 18:01:00 +0000");
      done.put("CallDuration", "50");
      assertThat(
              dialer
                  .webhooks()
                  .handle(TwilioWireMockFixture.signed(callback, done, AUTH_TOKEN))
                  .status())
          .isEqualTo(200);

      Call call = dialer.calls().get(TENANT, callId).orElseThrow();
      assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(call.ringingAt()).isEqualTo(Instant.parse("2025-03-03T18:00:03Z"));
      assertThat(call.answeredAt()).isEqualTo(Instant.parse("2025-03-03T18:00:10Z"));
      assertThat(call.endedAt()).isEqualTo(Instant.parse("2025-03-03T18:01:00Z"));
      assertThat(call.duration()).isEqualTo(Duration.ofSeconds(50));
      fx.server.verify(1, postRequestedFor(urlPathEqualTo(CALLS_PATH)));

      // a forged callback is refused with 403 and changes nothing
      Map<String, String> forged = TwilioPayloads.callbackFields(sid, "busy", 4);
      assertThat(
              dialer
                  .webhooks()
                  .handle(TwilioWireMockFixture.signed(callback, forged, "forged"))
                  .status())
          .isEqualTo(403);
    }
  }

  private static void post(
      CampaignDialer dialer, URI callback, String sid, String status, long seq, String at) {
    Map<String, String> f = TwilioPayloads.callbackFields(sid, status, seq);
    f.put("Timestamp", at);
    assertThat(
            dialer
                .webhooks()
                .handle(TwilioWireMockFixture.signed(callback, f, AUTH_TOKEN))
                .status())
        .as(status)
        .isEqualTo(200);
  }
}
