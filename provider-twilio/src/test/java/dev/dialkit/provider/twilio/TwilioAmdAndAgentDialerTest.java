package dev.dialkit.provider.twilio;

import static dev.dialkit.provider.twilio.TwilioPayloads.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real dialer with TwilioProvider's request building and webhook parsing, deterministic: the
 * create request is built by the provider but answered in line (no HTTP, no waiting), so the
 * injected clock and scheduler drive everything.
 */
class TwilioAmdAndAgentDialerTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final String SID = "CA0123456789abcdef0123456789abcdef";

  private final TwilioWireMockFixture fx = new TwilioWireMockFixture();
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2025-03-03T18:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  @AfterEach
  void stop() {
    fx.close();
  }

  /** TwilioProvider, whose accepted creates are answered in line with call {@link #SID}. */
  static final class InlineTwilio implements CallProvider {
    final TwilioProvider twilio;
    final List<DialRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> forms = new CopyOnWriteArrayList<>();

    InlineTwilio(TwilioProvider twilio) {
      this.twilio = twilio;
    }

    @Override
    public String name() {
      return twilio.name();
    }

    @Override
    public ProviderCapabilities capabilities() {
      return twilio.capabilities();
    }

    @Override
    public CompletionStage<PlacedCall> place(DialRequest request) {
      requests.add(request);
      if (request.agent().kind() != Agent.Kind.ANSWER_URL) {
        return twilio.place(request); // refused before anything is sent
      }
      forms.add(twilio.createForm(request));
      return CompletableFuture.completedFuture(new PlacedCall(SID, null, "queued"));
    }

    @Override
    public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
      return twilio.parseWebhook(request);
    }

    @Override
    public CompletionStage<Void> hangUp(Call call) {
      return twilio.hangUp(call);
    }

    @Override
    public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
      return twilio.queryStatus(call);
    }

    URI callback(String field) {
      return URI.create(WebhookRequest.decodeForm(forms.get(0)).get(field).get(0));
    }
  }

  private CampaignDialer dialer(CallProvider provider) {
    return CampaignDialer.builder()
        .store(CampaignStore.inMemory())
        .provider(provider)
        .clock(clock)
        .scheduler(scheduler)
        .instanceId("it")
        .build();
  }

  private CampaignId startCampaign(CampaignDialer dialer, Agent agent, boolean amd) {
    dialer.start();
    CampaignId campaign =
        dialer
            .campaigns()
            .create(
                TENANT,
                CampaignSpec.builder()
                    .name("twilio")
                    .agent(agent)
                    .callerIds("+14155550100")
                    .callingWindow(CallingWindow.always())
                    .machineDetection(amd)
                    .build());
    dialer.leads().add(TENANT, campaign, List.of(NewLead.of("+14155550123")));
    dialer.campaigns().start(TENANT, campaign);
    return campaign;
  }

  private void advanceUntil(java.util.function.BooleanSupplier done) {
    for (int i = 0; i < 120 && !done.getAsBoolean(); i++) {
      scheduler.advance(Duration.ofSeconds(1));
    }
    assertThat(done.getAsBoolean()).as("reached within 2 virtual minutes").isTrue();
  }

  private static int post(CampaignDialer dialer, URI url, Map<String, String> fields) {
    return dialer.webhooks().handle(TwilioWireMockFixture.signed(url, fields, AUTH_TOKEN)).status();
  }

  private static Map<String, String> status(String callStatus, long seq, String at) {
    Map<String, String> f = TwilioPayloads.callbackFields(SID, callStatus, seq);
    f.put("Timestamp", at);
    return f;
  }

  @Test
  void anAsyncAmdMachineVerdictMakesTheCompletedCallVoicemailAndCallDurationIsTheBilledFigure() {
    InlineTwilio twilio =
        new InlineTwilio(
            fx.builder().machineDetection(TwilioMachineDetection.DETECT_MESSAGE_END).build());
    try (CampaignDialer dialer = dialer(twilio)) {
      startCampaign(dialer, Agent.answerUrl("https://agent.example.com/answer"), true);
      advanceUntil(() -> !twilio.forms.isEmpty());
      Map<String, List<String>> form = WebhookRequest.decodeForm(twilio.forms.get(0));
      assertThat(form.get("MachineDetection")).containsExactly("DetectMessageEnd");
      URI statusUrl = twilio.callback("StatusCallback");
      URI amdUrl = twilio.callback("AsyncAmdStatusCallback");
      var callId = twilio.requests.get(0).callId();

      assertThat(post(dialer, statusUrl, status("initiated", 0, "Mon, 03 Mar 2025 18:00:01 +0000")))
          .isEqualTo(200);
      assertThat(post(dialer, statusUrl, status("ringing", 1, "Mon, 03 Mar 2025 18:00:03 +0000")))
          .isEqualTo(200);
      assertThat(
              post(dialer, statusUrl, status("in-progress", 2, "Mon, 03 Mar 2025 18:00:10 +0000")))
          .isEqualTo(200);

      // Twilio's async AMD callback: AccountSid, AnsweredBy, CallSid, MachineDetectionDuration
      Map<String, String> amd = new java.util.LinkedHashMap<>();
      amd.put("AccountSid", TwilioPayloads.ACCOUNT_SID);
      amd.put("AnsweredBy", "machine_end_beep");
      amd.put("CallSid", SID);
      amd.put("MachineDetectionDuration", "4210");
      assertThat(post(dialer, amdUrl, amd)).isEqualTo(200);
      Call afterAmd = dialer.calls().get(TENANT, callId).orElseThrow();
      assertThat(afterAmd.status()).isEqualTo(CallStatus.ANSWERED); // the call goes on
      assertThat(afterAmd.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
      // delivered again: the same verdict, nothing changes
      assertThat(post(dialer, amdUrl, amd)).isEqualTo(200);
      assertThat(dialer.calls().get(TENANT, callId).orElseThrow().status())
          .isEqualTo(CallStatus.ANSWERED);

      // the timestamps say 50 s, Twilio bills 49 s
      Map<String, String> done = status("completed", 3, "Mon, 03 Mar 2025 18:01:00 +0000");
      done.put("CallDuration", "49");
      assertThat(post(dialer, statusUrl, done)).isEqualTo(200);

      Call call = dialer.calls().get(TENANT, callId).orElseThrow();
      assertThat(call.status()).isEqualTo(CallStatus.VOICEMAIL);
      assertThat(call.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
      assertThat(call.answeredAt()).isEqualTo(Instant.parse("2025-03-03T18:00:10Z"));
      assertThat(call.endedAt()).isEqualTo(Instant.parse("2025-03-03T18:01:00Z"));
      assertThat(call.billedDuration()).isEqualTo(Duration.ofSeconds(49));
      assertThat(fx.createRequestsReceived()).isZero(); // answered in line, never over HTTP
    }
  }

  @Test
  void anApplicationAgentIsRefusedWhenTheCampaignIsCreated() {
    try (CampaignDialer dialer = dialer(fx.provider())) {
      assertThatThrownBy(
              () ->
                  startCampaign(
                      dialer, Agent.application("AP0123456789abcdef0123456789abcdef"), false))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("agent.kind");
      assertThat(fx.createRequestsReceived()).isZero();
    }
  }

  /**
   * A provider wrapper that does not pass {@code checkAgent} on (as InlineTwilio here) lets such a
   * campaign be created: then its first call fails permanently before anything is sent.
   */
  @Test
  void anApplicationAgentFailsItsFirstCallPermanentlyWithoutARequestOrARetry() {
    InlineTwilio twilio = new InlineTwilio((TwilioProvider) fx.provider());
    try (CampaignDialer dialer = dialer(twilio)) {
      CampaignId campaign =
          startCampaign(dialer, Agent.application("AP0123456789abcdef0123456789abcdef"), false);
      advanceUntil(() -> !twilio.requests.isEmpty());
      var callId = twilio.requests.get(0).callId();
      advanceUntil(
          () -> dialer.calls().get(TENANT, callId).map(c -> c.status().isTerminal()).orElse(false));

      Call call = dialer.calls().get(TENANT, callId).orElseThrow();
      assertThat(call.status()).isEqualTo(CallStatus.FAILED);
      assertThat(call.failureReason()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);

      // an hour later: the lead was not dialed again, and nothing ever reached Twilio
      scheduler.advance(Duration.ofHours(1));
      assertThat(twilio.requests).hasSize(1);
      Lead lead = dialer.leads().list(TENANT, campaign, PageRequest.of(0, 10)).items().get(0);
      assertThat(lead.attempts()).isEqualTo(1);
      assertThat(lead.lastOutcome()).isEqualTo(CallStatus.FAILED);
      assertThat(fx.createRequestsReceived()).isZero();
    }
  }
}
