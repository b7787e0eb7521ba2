package dev.dialkit.provider.bolna;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.VirtualClock;
import dev.dialkit.testkit.internal.fuzz.BlockingProvider;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A real dialer (in-memory store, virtual clock, manual scheduler, a callback secret as Bolna
 * needs) placing calls through BolnaProvider against WireMock, in one or more tenants, one at a
 * time so that each gets its own execution id. It records, for each call, the callback parameters
 * Dialkit gave the provider: Bolna cannot use them (its webhook URL is the agent's), but today's
 * webhook pipeline accepts a token only for a call named in the URL, so that is the URL the tests
 * post to.
 */
final class BolnaWorld implements AutoCloseable {
  static final String SECRET = "a-callback-secret-of-32-or-more-characters";
  static final URI WEBHOOK_BASE = URI.create("https://calls.example.com/webhooks/bolna");
  static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

  final VirtualClock clock = VirtualClock.at(START);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final CampaignDialer dialer;
  final List<Call> calls = new ArrayList<>();
  private final Map<String, Map<String, String>> parameters = new LinkedHashMap<>();

  BolnaWorld(BolnaProvider provider) {
    dialer =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(new BlockingProvider(new Recording(provider)))
            .concurrency(ConcurrencyPolicy.builder().global(10).perTenant(5).build())
            .clock(clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .instanceId("bolna-test")
            .callbackSecret(SECRET)
            .build();
    dialer.start();
  }

  /** Places one call in a new campaign of {@code tenant}; {@code beforeCall} stubs the create. */
  Call place(TenantId tenant, Runnable beforeCall) {
    CampaignId campaign = dialer.campaigns().create(tenant, spec());
    dialer.campaigns().start(tenant, campaign);
    beforeCall.run();
    dialer
        .leads()
        .add(
            tenant,
            campaign,
            List.of(NewLead.of(String.format("+1212%07d", 2_000_000 + calls.size()))));
    scheduler.runUntil(() -> placed(tenant, campaign).isPresent());
    Call call = placed(tenant, campaign).orElseThrow();
    calls.add(call);
    return call;
  }

  private Optional<Call> placed(TenantId tenant, CampaignId campaign) {
    return dialer.calls().active(tenant, campaign).stream()
        .filter(c -> c.providerCallId() != null)
        .findFirst();
  }

  /** The URL with the callback parameters Dialkit made for {@code call}, token included. */
  URI perCallUrl(Call call) {
    return CallbackUrls.withParameters(WEBHOOK_BASE, parameters.get(call.id().value()));
  }

  /** The URL a host configures at Bolna: provider, tenant, and no call (nor a token for one). */
  static URI agentUrl(TenantId tenant) {
    return URI.create(WEBHOOK_BASE + "?dialkit_provider=bolna&dialkit_tenant=" + tenant.value());
  }

  Call now(Call call) {
    return dialer.calls().get(call.tenant(), call.id()).orElseThrow();
  }

  static CampaignSpec spec() {
    return CampaignSpec.builder()
        .name("bolna")
        .agent(Agent.hosted(BolnaPayloads.AGENT_ID))
        .callerIds("+14155550100")
        .callingWindow(CallingWindow.always())
        .dispositions(
            dev.dialkit.campaign.DispositionSet.of(
                dev.dialkit.campaign.DispositionCode.success("interested"),
                dev.dialkit.campaign.DispositionCode.doNotCall("do_not_call")))
        .build();
  }

  @Override
  public void close() {
    dialer.close();
  }

  /** Passes everything through, noting each dial request's callback parameters. */
  private final class Recording implements CallProvider {
    private final CallProvider inner;

    Recording(CallProvider inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public ProviderCapabilities capabilities() {
      return inner.capabilities();
    }

    @Override
    public double callsPerSecond() {
      return inner.callsPerSecond();
    }

    @Override
    public CompletionStage<PlacedCall> place(DialRequest request) {
      parameters.put(request.callId().value(), request.callbackParameters());
      return inner.place(request);
    }

    @Override
    public Optional<dev.dialkit.campaign.Conversation> conversation(CallStatusUpdate update) {
      return inner.conversation(update);
    }

    @Override
    public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
      return inner.parseWebhook(request);
    }

    @Override
    public CompletionStage<Void> hangUp(Call call) {
      return inner.hangUp(call);
    }

    @Override
    public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
      return inner.queryStatus(call);
    }
  }
}
