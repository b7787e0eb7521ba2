package dev.dialkit.provider.sanspbx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.internal.fuzz.BlockingProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real dialer placing calls through SansPbxProvider (WireMock) with the default number formats:
 * a call goes from INITIATED straight to its end with the one post-call webhook, which only
 * Dialkit's own token in the callback URL lets in; a call whose webhook never comes is ended by the
 * watchdog, since SansPBX cannot be asked. Time is the fixture's virtual clock; the HTTP exchanges
 * finish before each scheduled task returns.
 */
class SansPbxDialerIntegrationTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final String SECRET = "a-callback-secret-of-32-characters!!";
  private static final String CALL_ID = "api-6-09876543210-1772463600000";

  private final SansPbxWireMockFixture fx = new SansPbxWireMockFixture();
  private final ManualScheduler scheduler = new ManualScheduler(fx.clock);
  private CampaignDialer dialer;
  private CampaignId campaign;

  @AfterEach
  void stop() {
    if (dialer != null) {
      dialer.close();
    }
    fx.close();
  }

  private Call placeOneCall() {
    fx.stubCreateAccepted(CALL_ID);
    SansPbxProvider provider = fx.builder().numberFormats(SansPbxNumberFormats.DEFAULT).build();
    CampaignDialerBuilder b =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(new BlockingProvider(provider))
            .callbackSecret(SECRET)
            .clock(fx.clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .instanceId("it");
    dialer = b.build();
    dialer.start();
    campaign =
        dialer
            .campaigns()
            .create(
                TENANT,
                CampaignSpec.builder()
                    .name("sanspbx")
                    .agent(Agent.application("6"))
                    .callerIds("+911246745647")
                    .ringTimeout(Duration.ofSeconds(30))
                    .maxCallDuration(Duration.ofMinutes(10))
                    .callingWindow(CallingWindow.always())
                    .build());
    dialer.leads().add(TENANT, campaign, List.of(NewLead.of("+919876543210")));
    dialer.campaigns().start(TENANT, campaign);
    scheduler.runUntil(
        () ->
            !dialer.calls().active(TENANT, campaign).isEmpty()
                && dialer.calls().active(TENANT, campaign).get(0).providerCallId() != null);
    Call call = dialer.calls().active(TENANT, campaign).get(0);
    assertThat(call.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(call.providerCallId()).isEqualTo(CALL_ID);
    var body = SansPbxWireMockFixture.body(fx.lastDial());
    assertThat(body.get("call_to").asText()).isEqualTo("09876543210");
    assertThat(body.get("caller_id").asText()).isEqualTo("6745647");
    return call;
  }

  private Call reload(Call call) {
    return dialer.calls().get(TENANT, call.id()).orElseThrow();
  }

  private int post(URI url, String body) {
    return dialer.webhooks().handle(SansPbxPayloads.post(url, body)).status();
  }

  @Test
  void theOneWebhookTakesTheCallStraightFromInitiatedToItsEnd() {
    Call placed = placeOneCall();
    URI callback = fx.callbackUrlsSent().get(0);
    String token =
        new dev.dialkit.campaign.WebhookRequest("POST", callback, java.util.Map.of(), "")
            .queryParameter(Webhooks.TOKEN_PARAMETER);
    assertThat(token).isNotBlank();
    String answered = SansPbxPayloads.webhook("ANSWER", "1728505015.6351", "/monitor/api-6-1.wav");

    // SansPBX signs nothing: without Dialkit's token, or with another, nothing is applied
    URI withoutToken =
        URI.create(
            callback
                .toString()
                .replace("&" + Webhooks.TOKEN_PARAMETER + "=" + token, "")
                .replace(Webhooks.TOKEN_PARAMETER + "=" + token + "&", ""));
    assertThat(post(withoutToken, answered)).isEqualTo(403);
    URI forged =
        URI.create(
            callback
                .toString()
                .replace(token, (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1)));
    assertThat(post(forged, answered)).isEqualTo(403);
    assertThat(post(callback, "{\"disposition\": [1]}")).isEqualTo(400);
    assertThat(reload(placed)).isEqualTo(placed);

    assertThat(post(callback, answered)).isEqualTo(200);
    Call done = reload(placed);
    assertThat(done.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(done.rawStatus()).isEqualTo("ANSWER");
    assertThat(done.recordingUrl()).isEqualTo("/monitor/api-6-1.wav");
    assertThat(done.ringingAt()).isNull();
    assertThat(done.answeredAt()).as("SansPBX gives no times").isNull();
    assertThat(done.duration()).isNull();
    assertThat(done.failureReason()).isNull();
    assertThat(done.providerCallId()).isEqualTo(CALL_ID);

    // a second delivery changes nothing
    assertThat(post(callback, answered)).isEqualTo(200);
    assertThat(reload(placed)).isEqualTo(done);
    scheduler.runUntil(
        () -> dialer.campaigns().get(TENANT, campaign).counters().get(Counter.LEADS_DONE) == 1);
    var counters = dialer.campaigns().get(TENANT, campaign).counters();
    assertThat(counters.get(Counter.CALLS_ANSWERED)).isEqualTo(1);
    assertThat(counters.get(Counter.LEADS_IN_PROGRESS)).isZero();
  }

  @Test
  void anUnansweredCallEndsWithItsDisposition() {
    Call placed = placeOneCall();
    assertThat(
            post(fx.callbackUrlsSent().get(0), SansPbxPayloads.webhook("CHANUNAVAIL", "1.2", null)))
        .isEqualTo(200);
    Call done = reload(placed);
    assertThat(done.status()).isEqualTo(CallStatus.FAILED);
    assertThat(done.failureReason()).isEqualTo(FailureReason.UNREACHABLE);
    assertThat(done.duration()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aCallWhoseWebhookNeverComesIsEndedByTheWatchdog() {
    Call placed = placeOneCall();
    // ring timeout + max duration + the watchdog's grace (2 min by default), and a round
    scheduler.advance(Duration.ofSeconds(30).plusMinutes(10).plusMinutes(2).plusSeconds(10));
    scheduler.runUntil(() -> reload(placed).status().isTerminal());
    Call ended = reload(placed);
    assertThat(ended.status()).isEqualTo(CallStatus.FAILED);
    assertThat(ended.failureReason()).isEqualTo(FailureReason.NO_STATUS_CALLBACK);
    // the late webhook is recorded and changes nothing
    assertThat(post(fx.callbackUrlsSent().get(0), SansPbxPayloads.webhook("ANSWER", "1.2", null)))
        .isEqualTo(200);
    assertThat(reload(placed).status()).isEqualTo(CallStatus.FAILED);
  }
}
