package dev.dialkit.testkit;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.internal.fuzz.BlockingProvider;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A real dialer on the in-memory store, a virtual clock and a manual scheduler, with calls placed
 * through a real provider (against a stub of its API) in several tenants: the world a {@link
 * WebhookFuzzer} sends webhooks into. Calls are placed one at a time, so that the test can stub a
 * distinct provider id for each and read the callback URL the provider was given.
 */
public final class FuzzWorld implements AutoCloseable {
  /** The instant the world's clock starts at. */
  public static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

  private final CampaignDialer dialer;
  private final List<Call> calls;
  private final Map<Call, URI> callbackUrls;

  private FuzzWorld(CampaignDialer dialer, List<Call> calls, Map<Call, URI> callbackUrls) {
    this.dialer = dialer;
    this.calls = List.copyOf(calls);
    this.callbackUrls = Map.copyOf(callbackUrls);
  }

  /**
   * Places {@code callsPerTenant} calls in each of {@code tenants} through {@code provider}.
   *
   * @param beforeEachCall stubs the provider's API for call {@code i} (from 0), e.g. a create
   *     response with a provider id of its own
   * @param lastCallbackUrl the callback URL the provider was given for the call just placed
   */
  public static FuzzWorld place(
      CallProvider provider,
      List<TenantId> tenants,
      int callsPerTenant,
      IntConsumer beforeEachCall,
      Supplier<URI> lastCallbackUrl) {
    VirtualClock clock = VirtualClock.at(START);
    ManualScheduler scheduler = new ManualScheduler(clock);
    CampaignDialer dialer =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(new BlockingProvider(provider))
            .concurrency(
                ConcurrencyPolicy.builder()
                    .global(tenants.size() * callsPerTenant)
                    .perTenant(callsPerTenant)
                    .build())
            .clock(clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .instanceId("fuzz")
            .build();
    dialer.start();
    List<Call> calls = new ArrayList<>();
    Map<Call, URI> urls = new LinkedHashMap<>();
    for (TenantId tenant : tenants) {
      CampaignId campaign = dialer.campaigns().create(tenant, spec());
      dialer.campaigns().start(tenant, campaign);
      for (int i = 0; i < callsPerTenant; i++) {
        int index = calls.size();
        beforeEachCall.accept(index);
        // distinct valid New York numbers
        dialer
            .leads()
            .add(
                tenant,
                campaign,
                List.of(NewLead.of(String.format("+1212%07d", 2_000_000 + index))));
        scheduler.runUntil(() -> newlyPlaced(dialer, tenant, campaign, calls).isPresent());
        Call call = newlyPlaced(dialer, tenant, campaign, calls).orElseThrow();
        calls.add(call);
        urls.put(call, lastCallbackUrl.get());
      }
    }
    return new FuzzWorld(dialer, calls, urls);
  }

  /**
   * An active call of the campaign that has a provider id (of the call, or of the request for
   * providers that name the call later) and is not in {@code known}.
   */
  private static Optional<Call> newlyPlaced(
      CampaignDialer dialer, TenantId tenant, CampaignId campaign, List<Call> known) {
    return dialer.calls().active(tenant, campaign).stream()
        .filter(c -> c.providerCallId() != null || c.providerRequestId() != null)
        .filter(c -> known.stream().noneMatch(k -> k.id().equals(c.id())))
        .findFirst();
  }

  private static CampaignSpec spec() {
    return CampaignSpec.builder()
        .name("fuzz")
        .agent(Agent.answerUrl("https://agent.example.com/answer"))
        .callerIds("+14155550100")
        .callingWindow(CallingWindow.always())
        .build();
  }

  public CampaignDialer dialer() {
    return dialer;
  }

  /** The calls placed, each as it was when the provider accepted it. */
  public List<Call> calls() {
    return calls;
  }

  /** The callback URL the provider was given for {@code call}. */
  public URI callbackUrl(Call call) {
    URI url = callbackUrls.get(call);
    if (url == null) {
      throw new IllegalArgumentException("not a call of this world: " + call.id());
    }
    return url;
  }

  @Override
  public void close() {
    dialer.close();
  }
}
