package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCall;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dialkit's executor on one scenario: the in-memory store, a virtual clock, a manual scheduler, and
 * a {@link RefillProbe} between the dialer and the simulated provider.
 */
final class DialkitRun {
  static final String ALGORITHM = "dialkit sliding window";

  private final Scenario scenario;
  private final VirtualClock clock = VirtualClock.at(Scenario.START);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final SimulatedCallProvider provider;
  private final RefillProbe probe;

  DialkitRun(Scenario scenario) {
    this.scenario = scenario;
    this.provider = scenario.provider(clock, scheduler);
    this.probe = new RefillProbe(clock, provider);
  }

  /** The refills this run measured; filled by {@link #run()}. */
  LatencyRecorder refills() {
    return probe.refills();
  }

  RunResult run() {
    long wallStart = System.nanoTime();
    int limit = scenario.limit();
    try (CampaignDialer dialer =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(probe.provider())
            .concurrency(ConcurrencyPolicy.builder().global(limit).perTenant(limit).build())
            .clock(clock)
            .scheduler(scheduler)
            .instanceId("benchmark")
            .build()) {
      provider.connect(probe.webhooks(dialer.webhooks()));
      CampaignId id = dialer.campaigns().create(Scenario.TENANT, scenario.campaignSpec("bench"));
      dialer.leads().add(Scenario.TENANT, id, scenario.newLeads());
      dialer.start();
      dialer.campaigns().start(Scenario.TENANT, id);
      Campaign campaign = dialer.campaigns().get(Scenario.TENANT, id);
      while (campaign.status() != CampaignStatus.COMPLETED) {
        if (Scenario.gaveUp(clock.instant())) {
          throw new IllegalStateException("campaign still " + campaign.status() + " at " + clock);
        }
        scheduler.advance(Scenario.STEP);
        campaign = dialer.campaigns().get(Scenario.TENANT, id);
      }
      return result(dialer, campaign, Duration.ofNanos(System.nanoTime() - wallStart));
    }
  }

  private RunResult result(CampaignDialer dialer, Campaign campaign, Duration wall) {
    List<SimulatedCall> truths = provider.calls();
    if (truths.size() != scenario.leads()) {
      throw new IllegalStateException(
          "expected one call per lead, the provider has " + truths.size());
    }
    List<SlotSpan> held = new ArrayList<>(truths.size());
    List<SlotSpan> placed = new ArrayList<>(truths.size());
    Instant lastClaim = campaign.startedAt();
    for (SimulatedCall truth : truths) {
      Call call = dialer.calls().get(Scenario.TENANT, truth.callId()).orElseThrow();
      Instant handled =
          probe
              .terminalHandledAt(truth.callId())
              .orElseThrow(() -> new IllegalStateException("no terminal webhook: " + call.id()));
      held.add(SlotSpan.of(call.createdAt(), handled));
      placed.add(SlotSpan.of(truth.placedAt(), truth.endedAt()));
      lastClaim = call.createdAt().isAfter(lastClaim) ? call.createdAt() : lastClaim;
    }
    return new RunResult(
        ALGORITHM,
        scenario.leads(),
        scenario.limit(),
        campaign.startedAt(),
        lastClaim,
        campaign.endedAt(),
        held,
        placed,
        wall);
  }
}
