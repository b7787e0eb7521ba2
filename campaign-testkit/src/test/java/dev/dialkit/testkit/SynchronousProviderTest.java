package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A provider implemented synchronously: {@code place} returns a stage that is already complete. Its
 * answer must not be recorded on the thread that sends the claimed batch, or every call of the
 * batch after the first waits for the store writes of the answers before it (and, on a slow store,
 * for its permit to grow old).
 */
class SynchronousProviderTest {
  private static final TenantId TENANT = TenantId.of("acme");

  /** Accepts every call at once, in the calling thread; says what happened, in order. */
  private static final class SynchronousProvider implements CallProvider {
    final List<String> happened;

    SynchronousProvider(List<String> happened) {
      this.happened = happened;
    }

    @Override
    public String name() {
      return "sync";
    }

    @Override
    public double callsPerSecond() {
      return 100; // the whole batch in one pass
    }

    @Override
    public ProviderCapabilities capabilities() {
      return new ProviderCapabilities(false, false, false, false, true, false);
    }

    @Override
    public CompletionStage<PlacedCall> place(DialRequest request) {
      happened.add("send " + request.callId());
      return CompletableFuture.completedFuture(
          new PlacedCall("sid-" + request.callId(), null, "queued"));
    }

    @Override
    public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
      return List.of();
    }

    @Override
    public CompletionStage<Void> hangUp(Call call) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
  }

  @Test
  void theWholeClaimedBatchIsSentBeforeAnyAnswerIsWritten() {
    List<String> happened = new CopyOnWriteArrayList<>();
    VirtualClock clock = VirtualClock.at(DialerRig.START);
    ManualScheduler scheduler = new ManualScheduler(clock);
    CampaignStore store =
        WatchedStore.watch(
            CampaignStore.inMemory(),
            // as each write begins
            invocation -> {
              if (invocation.method().equals("applyTransition")) {
                CallTransition t = (CallTransition) invocation.arg(0);
                happened.add("write " + t.call().id());
              }
            },
            invocation -> {});
    SynchronousProvider provider = new SynchronousProvider(happened);
    try (CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store)
            .provider(provider)
            .callbackSecret("a-callback-secret-of-32-characters!!")
            .concurrency(ConcurrencyPolicy.builder().global(3).perTenant(3).build())
            .clock(clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .build()) {
      CampaignId id =
          dialer
              .campaigns()
              .create(
                  TENANT,
                  CampaignSpec.builder()
                      .name("synchronous provider")
                      .agent(Agent.answerUrl("https://agent.example/answer"))
                      .callerIds("+14155550199")
                      .build());
      dialer
          .leads()
          .add(
              TENANT,
              id,
              List.of(
                  NewLead.of("+12125550101"),
                  NewLead.of("+12125550102"),
                  NewLead.of("+12125550103")));
      dialer.start();
      dialer.campaigns().start(TENANT, id);
      scheduler.runUntil(() -> happened.stream().filter(h -> h.startsWith("write")).count() == 3);

      List<String> sends = happened.stream().filter(h -> h.startsWith("send")).toList();
      assertThat(sends).as("one claimed batch of three").hasSize(3);
      int lastSend = happened.indexOf(sends.get(2));
      int firstWrite =
          happened.indexOf(happened.stream().filter(h -> h.startsWith("write")).findFirst().get());
      assertThat(lastSend)
          .as("every send of the batch before the first answer's write: %s", happened)
          .isLessThan(firstWrite);
      for (Call call : store.findActiveCalls(TENANT, id)) {
        assertThat(call.providerCallId()).as("every answer written").isEqualTo("sid-" + call.id());
      }
    }
  }
}
