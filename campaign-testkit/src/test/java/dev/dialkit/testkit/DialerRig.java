package dev.dialkit.testkit;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.SlotUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A dialer on the in-memory store, a simulated provider, a virtual clock and a manual scheduler.
 * The store is watched: after every claim and every call transition the slots in use are sampled,
 * so a test can assert that a limit was never exceeded at any change, not just at the end.
 */
final class DialerRig implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final TenantId TENANT = TenantId.of("acme");

  final VirtualClock clock = VirtualClock.at(START);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final CampaignStore store;
  final SimulatedCallProvider provider;
  final CampaignDialer dialer;
  final List<DialkitEvent> events = new CopyOnWriteArrayList<>();
  final AtomicInteger maxGlobalSlots = new AtomicInteger();
  final AtomicInteger samples = new AtomicInteger();

  final List<Consumer<CampaignStore>> afterClaim = new CopyOnWriteArrayList<>();

  /** Run after every store operation, with what it was asked and answered. */
  final List<Consumer<WatchedStore.Invocation>> afterEach = new CopyOnWriteArrayList<>();

  /**
   * When set, every lookup and change of a call ({@code findCall...}, {@code applyTransition})
   * fails with it: a store gone down (a webhook whose call the dialer remembers reads nothing).
   */
  volatile RuntimeException lookupFailure;

  final FlakyProvider flaky;

  DialerRig(
      ConcurrencyPolicy concurrency, UnaryOperator<SimulatedCallProviderBuilder> providerConfig) {
    this(concurrency, providerConfig, b -> b);
  }

  DialerRig(
      ConcurrencyPolicy concurrency,
      UnaryOperator<SimulatedCallProviderBuilder> providerConfig,
      UnaryOperator<CampaignDialerBuilder> dialerConfig) {
    this(concurrency, providerConfig, (rig, b) -> dialerConfig.apply(b));
  }

  /** Like the others, but the dialer's configuration sees the rig (its clock and scheduler). */
  DialerRig(
      ConcurrencyPolicy concurrency,
      UnaryOperator<SimulatedCallProviderBuilder> providerConfig,
      BiFunction<DialerRig, CampaignDialerBuilder, CampaignDialerBuilder> dialerConfig) {
    store = watched(CampaignStore.inMemory());
    provider =
        providerConfig
            .apply(SimulatedCallProvider.builder().clock(clock).scheduler(scheduler).seed(42))
            .build();
    flaky = new FlakyProvider(provider, clock);
    dialer =
        dialerConfig
            .apply(
                this,
                CampaignDialer.builder()
                    .store(store)
                    .provider(flaky)
                    .concurrency(concurrency)
                    .clock(clock)
                    .scheduler(scheduler)
                    .listenerExecutor(scheduler)
                    .listener(events::add)
                    .instanceId("rig"))
            .build();
    provider.connect(dialer.webhooks());
  }

  /** Wraps the store so that every change is followed by a sample of the slots in use. */
  private CampaignStore watched(CampaignStore inner) {
    return WatchedStore.watch(
        inner,
        call -> {
          RuntimeException failure = lookupFailure;
          if (failure != null
              && (call.method().startsWith("findCall")
                  || call.method().equals("applyTransition"))) {
            throw failure;
          }
        },
        call -> {
          boolean claimed =
              call.result() instanceof ClaimResult.Claimed
                  || (call.result() instanceof BatchClaimResult batch && !batch.isEmpty());
          if (claimed) {
            afterClaim.forEach(check -> check.accept(inner));
          }
          afterEach.forEach(hook -> hook.accept(call));
          if (call.method().startsWith("claim") || call.method().equals("applyTransition")) {
            SlotUsage usage = inner.slotUsage(TENANT, CampaignId.of("none"));
            maxGlobalSlots.accumulateAndGet(usage.global(), Math::max);
            samples.incrementAndGet();
          }
        });
  }

  CampaignId campaign(String name, UnaryOperator<CampaignSpec.Builder> config) {
    return campaign(TENANT, name, config);
  }

  CampaignId campaign(TenantId tenant, String name, UnaryOperator<CampaignSpec.Builder> config) {
    return dialer
        .campaigns()
        .create(
            tenant,
            config
                .apply(
                    CampaignSpec.builder()
                        .name(name)
                        .agent(Agent.answerUrl("https://agent.example/answer"))
                        .callerIds("+14155550199", "+14155550198"))
                .build());
  }

  /** Creates a campaign with {@code leads} leads, starts the dialer and the campaign. */
  CampaignId startCampaign(String name, int leads, UnaryOperator<CampaignSpec.Builder> config) {
    CampaignId id = campaign(name, config);
    dialer.leads().add(TENANT, id, leads(leads));
    dialer.start();
    dialer.campaigns().start(TENANT, id);
    return id;
  }

  /** {@code n} distinct valid US numbers. */
  static List<NewLead> leads(int n) {
    return leads(0, n);
  }

  /** {@code n} distinct valid US numbers, starting at index {@code first}. */
  static List<NewLead> leads(int first, int n) {
    List<NewLead> leads = new ArrayList<>(n);
    for (int i = first; i < first + n; i++) {
      // 212-2xx-xxxx is a valid New York range; the index makes each number unique
      leads.add(NewLead.of(String.format("+1212%07d", 2_000_000 + i), "Lead " + i));
    }
    return leads;
  }

  /** The calls made to the lead, as the provider saw them, in order. */
  List<SimulatedCall> providerCallsTo(dev.dialkit.campaign.PhoneNumber number) {
    return provider.calls().stream().filter(c -> c.to().equals(number)).toList();
  }

  CampaignStatus status(CampaignId id) {
    return dialer.campaigns().get(TENANT, id).status();
  }

  void runUntilStatus(CampaignId id, CampaignStatus status) {
    scheduler.runUntil(() -> status(id) == status);
  }

  List<Lead> allLeads(CampaignId id) {
    List<Lead> all = new ArrayList<>();
    long cursor = 0;
    while (true) {
      var page = dialer.leads().list(TENANT, id, PageRequest.after(cursor, PageRequest.MAX_LIMIT));
      if (page.items().isEmpty()) {
        return all;
      }
      all.addAll(page.items());
      cursor = page.nextCursor();
    }
  }

  /** The campaign's whole call log, as the store holds it. */
  List<CallLogEntry> fullLog(CampaignId id) {
    List<CallLogEntry> all = new ArrayList<>();
    long cursor = 0;
    while (true) {
      var page = store.campaignLog(TENANT, id, PageRequest.after(cursor, PageRequest.MAX_LIMIT));
      if (page.items().isEmpty()) {
        return all;
      }
      all.addAll(page.items());
      cursor = page.nextCursor();
    }
  }

  @Override
  public void close() {
    dialer.close();
  }
}
