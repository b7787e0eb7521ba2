package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.testkit.SimulatedCallProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The whole dialer on a {@link JdbcCampaignStore}: real clock, real threads, the dialer's default
 * scheduler, one campaign of {@code leads} leads at concurrency {@code concurrency}, and a
 * simulated provider whose calls end at once (no API latency, no ring, 1 ms of talk, webhooks
 * delivered at once and signed, through {@code dialer.webhooks()} on {@value #PROVIDER_THREADS}
 * threads). Leads per second are leads ÷ wall time from the campaign's start to its {@code
 * COMPLETED} event; the note gives the most calls ever in progress at the provider.
 */
final class EndToEndRun {
  static final int PROVIDER_THREADS = 8;

  /**
   * The simulated account's calls-per-second limit, which the dialer's rate limiter keeps to: the
   * simulator's highest. Without it the simulator reports its default of 1,000, and that limit, not
   * the dialer, was what bounded the in-memory run (1,087 to 1,297 leads/s before this was set).
   */
  static final double ACCOUNT_CALLS_PER_SECOND = 10_000;

  /** Guards against a dialer that never completes; far above any expected run. */
  static final Duration GIVE_UP = Duration.ofMinutes(10);

  private EndToEndRun() {}

  static Measurement run(DataSource ds, String prefix, int concurrency, int leads) {
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(prefix).build();
    store.migrate();
    return run(store, prefix, concurrency, leads);
  }

  /** The same on any store (the in-memory one gives the dialer's own ceiling). */
  static Measurement run(CampaignStore store, String prefix, int concurrency, int leads) {
    Scenario scenario = new Scenario(leads, concurrency, 42);
    CountDownLatch completed = new CountDownLatch(1);
    try (PoolScheduler providerThreads = new PoolScheduler(prefix + "provider", PROVIDER_THREADS)) {
      SimulatedCallProvider provider =
          SimulatedCallProvider.builder()
              .clock(Clock.systemUTC())
              .scheduler(providerThreads)
              .apiLatency(Duration.ZERO)
              .callSetup(Duration.ZERO)
              .ringTime(Duration.ZERO, Duration.ZERO)
              .talkTime(Duration.ofMillis(1), 0)
              .webhookDelay(Duration.ZERO, Duration.ZERO)
              .outcomeOdds(0, 0, 0, 0)
              .callsPerSecondLimit(ACCOUNT_CALLS_PER_SECOND)
              .build();
      try (CampaignDialer dialer =
          CampaignDialer.builder()
              .store(store)
              .provider(provider)
              .concurrency(
                  ConcurrencyPolicy.builder().global(concurrency).perTenant(concurrency).build())
              .instanceId(prefix + "dialer")
              .listener(
                  event -> {
                    if (event instanceof DialkitEvent.CampaignCompleted) {
                      completed.countDown();
                    }
                  })
              .build()) {
        provider.connect(dialer.webhooks());
        CampaignId id = dialer.campaigns().create(Scenario.TENANT, scenario.campaignSpec(prefix));
        dialer.leads().add(Scenario.TENANT, id, scenario.newLeads());
        dialer.start();
        String loadStart = LoadAverage.now();
        long start = System.nanoTime();
        dialer.campaigns().start(Scenario.TENANT, id);
        if (!completed.await(GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              prefix
                  + ": campaign not completed after "
                  + GIVE_UP
                  + " at concurrency "
                  + concurrency);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String loadEnd = LoadAverage.now();
        Campaign campaign = dialer.campaigns().get(Scenario.TENANT, id);
        check(campaign, provider, leads);
        return new Measurement(
            "end to end, concurrency " + concurrency,
            concurrency,
            leads,
            seconds,
            loadStart,
            loadEnd,
            "most calls in progress at once: " + provider.maxActiveCalls());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("end-to-end run interrupted", e);
    }
  }

  // the figure counts only if every lead was dialed exactly once and the campaign really ended
  private static void check(Campaign campaign, SimulatedCallProvider provider, int leads) {
    if (campaign.status() != CampaignStatus.COMPLETED) {
      throw new IllegalStateException("campaign is " + campaign.status() + ", not COMPLETED");
    }
    if (provider.calls().size() != leads) {
      throw new IllegalStateException(
          "expected " + leads + " calls, the provider placed " + provider.calls().size());
    }
  }
}
