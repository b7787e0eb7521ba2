package dev.dialkit.micrometer;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.SimulatedCallProviderBuilder;
import dev.dialkit.testkit.VirtualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A real dialer on the in-memory store and the simulated provider, in virtual time, with {@link
 * DialkitMetrics} bound to a {@link SimpleMeterRegistry} as both listener and observer.
 */
final class MeteredDialer implements AutoCloseable {
  static final TenantId TENANT = TenantId.of("acme");

  final VirtualClock clock = VirtualClock.at(Instant.parse("2026-03-02T09:00:00Z"));
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final CampaignStore store = CampaignStore.inMemory();
  final SimulatedCallProvider simulator;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final DialkitMetrics metrics = DialkitMetrics.defaults();
  final CampaignDialer dialer;

  /**
   * @param simulatorConfig the simulated network's faults and odds
   * @param providers the providers the dialer dials through, made from the simulated network
   */
  MeteredDialer(
      UnaryOperator<SimulatedCallProviderBuilder> simulatorConfig,
      Function<SimulatedCallProvider, List<CallProvider>> providers) {
    simulator =
        simulatorConfig
            .apply(SimulatedCallProvider.builder().clock(clock).scheduler(scheduler).seed(7))
            .build();
    metrics.bindTo(registry);
    var builder =
        CampaignDialer.builder()
            .store(store)
            .concurrency(ConcurrencyPolicy.builder().global(4).perTenant(4).build())
            .clock(clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .listener(metrics)
            .observer(metrics)
            .instanceId("metered");
    providers.apply(simulator).forEach(builder::provider);
    dialer = builder.build();
    simulator.connect(dialer.webhooks());
  }

  MeteredDialer(UnaryOperator<SimulatedCallProviderBuilder> simulatorConfig) {
    this(simulatorConfig, List::of);
  }

  /** Creates a campaign of {@code leads} leads and starts it (and the dialer). */
  CampaignId start(String name, int leads, UnaryOperator<CampaignSpec.Builder> config) {
    CampaignId id =
        dialer
            .campaigns()
            .create(
                TENANT,
                config
                    .apply(
                        CampaignSpec.builder()
                            .name(name)
                            .agent(Agent.answerUrl("https://agent.example/answer"))
                            .callerIds("+14155550199"))
                    .build());
    List<NewLead> batch = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      batch.add(NewLead.of(String.format("+1212%07d", 2_000_000 + i), "Lead " + i));
    }
    dialer.leads().add(TENANT, id, batch);
    dialer.start();
    dialer.campaigns().start(TENANT, id);
    return id;
  }

  void runUntilStatus(CampaignId id, CampaignStatus status) {
    scheduler.runUntil(() -> dialer.campaigns().get(TENANT, id).status() == status);
    // deliver the events still queued for the listeners
    scheduler.runDue();
  }

  CampaignProgress progress(CampaignId id) {
    return dialer.campaigns().progress(TENANT, id);
  }

  @Override
  public void close() {
    dialer.close();
  }
}
