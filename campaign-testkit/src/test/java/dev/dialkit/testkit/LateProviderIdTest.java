package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A Plivo-like provider: the create request returns only a request id, the call's own id comes with
 * the first callback, and that callback arrives before the create request returns.
 */
class LateProviderIdTest {
  private static final TenantId TENANT = TenantId.of("acme");

  /** Answers after 1 s with a request id; its first webhook (ringing) comes at 0.5 s. */
  private static final class RequestIdProvider implements CallProvider {
    private final ManualScheduler scheduler;
    private Webhooks target;

    RequestIdProvider(ManualScheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public String name() {
      return "plivoish";
    }

    @Override
    public ProviderCapabilities capabilities() {
      return new ProviderCapabilities(false, false, false, false, true, false);
    }

    @Override
    public CompletionStage<PlacedCall> place(DialRequest request) {
      URI url =
          CallbackUrls.withParameters(
              URI.create("https://hooks.example/plivo"), request.callbackParameters());
      Instant t0 = scheduler.clock().instant();
      send(url, "ringing", "CallUUID=uuid-" + request.callId(), Duration.ofMillis(500));
      send(
          url,
          "in-progress",
          "CallUUID=uuid-" + request.callId() + "&AnswerTime=" + t0.plusSeconds(4),
          Duration.ofSeconds(4));
      send(
          url,
          "completed",
          "CallUUID=uuid-"
              + request.callId()
              + "&AnswerTime="
              + t0.plusSeconds(4)
              + "&EndTime="
              + t0.plusSeconds(34)
              + "&BillDuration=60",
          Duration.ofSeconds(34));
      CompletableFuture<PlacedCall> placed = new CompletableFuture<>();
      scheduler.schedule(
          () -> placed.complete(new PlacedCall(null, "req-" + request.callId(), "call queued")),
          Duration.ofSeconds(1));
      return placed;
    }

    private void send(URI url, String status, String fields, Duration after) {
      scheduler.schedule(
          () ->
              target.handle(
                  WebhookRequest.formPost(url, Map.of(), "CallStatus=" + status + "&" + fields)),
          after);
    }

    @Override
    public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
      Map<String, List<String>> form = request.formParameters();
      String raw = form.get("CallStatus").get(0);
      CallStatus status =
          switch (raw) {
            case "ringing" -> CallStatus.RINGING;
            case "in-progress" -> CallStatus.ANSWERED;
            case "completed" -> CallStatus.COMPLETED;
            default ->
                throw new WebhookRejectedException(
                    WebhookRejectedException.Reason.MALFORMED, "status " + raw);
          };
      var update =
          CallStatusUpdate.builder(status, raw).providerCallId(form.get("CallUUID").get(0));
      if (form.containsKey("AnswerTime")) {
        update.answeredAt(Instant.parse(form.get("AnswerTime").get(0)));
      }
      if (form.containsKey("EndTime")) {
        update.endedAt(Instant.parse(form.get("EndTime").get(0)));
        update.billedDuration(Duration.ofSeconds(Long.parseLong(form.get("BillDuration").get(0))));
      }
      return List.of(update.build());
    }

    @Override
    public CompletionStage<Void> hangUp(Call call) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }
  }

  @Test
  void anEarlyWebhookIsAppliedAndTheProvidersIdsAreAttachedOnFirstSight() {
    VirtualClock clock = VirtualClock.at(DialerRig.START);
    ManualScheduler scheduler = new ManualScheduler(clock);
    RequestIdProvider provider = new RequestIdProvider(scheduler);
    CampaignStore store = CampaignStore.inMemory();
    try (CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store)
            .provider(provider)
            .callbackSecret("a-callback-secret-of-32-characters!!")
            .concurrency(ConcurrencyPolicy.builder().global(1).perTenant(1).build())
            .clock(clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .build()) {
      provider.target = dialer.webhooks();
      CampaignId id =
          dialer
              .campaigns()
              .create(
                  TENANT,
                  CampaignSpec.builder()
                      .name("late ids")
                      .agent(Agent.answerUrl("https://agent.example/answer"))
                      .callerIds("+14155550199")
                      .build());
      dialer.leads().add(TENANT, id, List.of(NewLead.of("+12125550101")));
      dialer.start();
      dialer.campaigns().start(TENANT, id);

      scheduler.advance(Duration.ofMillis(700));
      Call early = store.findActiveCalls(TENANT, id).get(0);
      assertThat(early.status())
          .as("ringing arrived before the create returned")
          .isEqualTo(CallStatus.RINGING);
      assertThat(early.providerCallId()).isEqualTo("uuid-" + early.id());
      assertThat(early.providerRequestId()).isNull();

      scheduler.advance(Duration.ofSeconds(1));
      Call placed = dialer.calls().get(TENANT, early.id()).orElseThrow();
      assertThat(placed.providerRequestId()).isEqualTo("req-" + early.id());
      assertThat(placed.providerCallId()).isEqualTo("uuid-" + early.id());
      assertThat(store.findCallByProviderId("plivoish", "req-" + early.id())).contains(placed);
      assertThat(store.findCallByProviderId("plivoish", "uuid-" + early.id())).contains(placed);

      scheduler.runUntil(
          () -> dialer.campaigns().get(TENANT, id).status() == CampaignStatus.COMPLETED);
      Call done = dialer.calls().get(TENANT, early.id()).orElseThrow();
      assertThat(done.duration()).isEqualTo(Duration.ofSeconds(30));
      assertThat(done.billedDuration())
          .as("kept apart from talk time")
          .isEqualTo(Duration.ofSeconds(60));
    }
  }
}
