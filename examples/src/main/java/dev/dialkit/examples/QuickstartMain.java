package dev.dialkit.examples;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;

/**
 * Dialkit in one file: a campaign of 1,000 leads dialed 20 at a time through a simulated provider,
 * on the in-memory store. The dialer runs on a virtual clock that this program moves forward five
 * seconds at a time, so an hour of calls takes a second or two.
 *
 * <p>Run it from the repository root: {@code ./mvnw -q -B -pl examples -am -DskipTests package
 * exec:java}; add {@code -Dexec.args="--leads 5000 --concurrency 50"} to change the size.
 */
public final class QuickstartMain {
  static final TenantId TENANT = TenantId.of("acme");
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final Duration STEP = Duration.ofSeconds(5);
  static final Duration GIVE_UP_AFTER = Duration.ofDays(30);

  /** The virtual clock's time of day, shown on the progress bar. */
  static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private QuickstartMain() {}

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(QuickstartOptions.USAGE);
      return;
    }
    QuickstartOptions options;
    try {
      options = QuickstartOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(QuickstartOptions.USAGE);
      System.exit(2);
      return;
    }

    if (options.twilio()) {
      try (DemoStore store = DemoStore.open(options.store())) {
        TwilioLive.run(store.store());
      } catch (Exception e) {
        System.err.println("error: " + e.getMessage());
        System.exit(1);
      }
      return;
    }
    QuickstartResult result;
    try (ProgressBar bar = ConsoleProgress.bar("Dialing", options.leads(), System.out)) {
      result =
          run(
              options,
              progress -> {
                bar.stepTo(progress.finished());
                bar.setExtraMessage(
                    String.format(
                        "active %d, answered %d, %s",
                        progress.inProgress(),
                        progress.completed() + progress.voicemail(),
                        CLOCK.format(progress.at())));
              });
    }
    System.out.print(QuickstartReport.summary(result));
    System.out.print(QuickstartReport.timelines(result));
  }

  /**
   * Runs a whole campaign in virtual time and returns how it went; {@code onStep} sees the progress
   * after every step of {@link #STEP}.
   */
  static QuickstartResult run(QuickstartOptions options, Consumer<CampaignProgress> onStep) {
    try (DemoStore store = DemoStore.open(options.store())) {
      return run(options, store, onStep);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("could not close the store: " + e.getMessage(), e);
    }
  }

  private static QuickstartResult run(
      QuickstartOptions options, DemoStore store, Consumer<CampaignProgress> onStep) {
    long wallStart = System.nanoTime();
    System.out.println("Store: " + store.description());
    earlierCampaigns(store.store());

    // time stands still until the scheduler moves it: every delay in the dialer and the simulated
    // provider (ringing, talking, webhooks, retry backoff) is a task on this scheduler. A database
    // that outlives the run gets today's time, so that its campaigns keep their order.
    VirtualClock clock =
        VirtualClock.at(store.persistent() ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : START);
    ManualScheduler scheduler = new ManualScheduler(clock);

    SimulatedCallProvider provider =
        SimulatedCallProvider.builder()
            .clock(clock)
            .scheduler(scheduler)
            .seed(42)
            .outcomeOdds(0.10, 0.10, 0.25, 0.02) // voicemail, busy, no answer, failed
            .talkTime(Duration.ofSeconds(45), 0.8)
            .duplicateProbability(0.03) // webhooks sent twice, as real providers do
            .build();

    int limit = options.concurrency();
    try (CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store.store())
            .provider(provider)
            .concurrency(ConcurrencyPolicy.builder().global(limit).perTenant(limit).build())
            .clock(clock)
            .scheduler(scheduler)
            .instanceId("quickstart")
            .build()) {
      provider.connect(dialer.webhooks()); // a real provider posts to your webhook endpoint
      dialer.start();

      CampaignId campaign =
          dialer
              .campaigns()
              .create(
                  TENANT,
                  CampaignSpec.builder()
                      .name("Quickstart")
                      .agent(Agent.answerUrl("https://agent.example.com/answer"))
                      .callerIds("+14155550100", "+14155550101")
                      .machineDetection(true)
                      .retry(RetryPolicy.noAnswerAndBusy(2, Duration.ofMinutes(10)))
                      .build());
      dialer.leads().add(TENANT, campaign, leads(options.leads()));
      dialer.campaigns().start(TENANT, campaign);

      CampaignProgress progress = dialer.campaigns().progress(TENANT, campaign);
      while (progress.status() != CampaignStatus.COMPLETED) {
        if (progress.elapsed().compareTo(GIVE_UP_AFTER) > 0) {
          throw new IllegalStateException("campaign not completed after " + GIVE_UP_AFTER);
        }
        scheduler.advance(STEP);
        progress = dialer.campaigns().progress(TENANT, campaign);
        onStep.accept(progress);
      }

      List<CallTimeline> timelines = CallTimeline.samples(dialer, TENANT, campaign);
      return new QuickstartResult(
          progress, timelines, Duration.ofNanos(System.nanoTime() - wallStart));
    }
  }

  /** Shows what a persistent store kept from earlier runs. */
  private static void earlierCampaigns(CampaignStore store) {
    List<Campaign> earlier = store.listCampaigns(TENANT);
    if (earlier.isEmpty()) {
      return;
    }
    System.out.println("Campaigns kept from earlier runs: " + earlier.size());
    for (Campaign c : earlier.subList(Math.max(0, earlier.size() - 5), earlier.size())) {
      CampaignProgress p = CampaignProgress.of(c, c.updatedAt());
      System.out.printf(
          "  %s  %-10s %,d of %,d leads finished, created %s%n",
          c.id(), c.status(), p.finished(), p.total(), c.createdAt());
    }
  }

  /** {@code n} distinct numbers in a valid New York range. */
  static List<NewLead> leads(int n) {
    List<NewLead> leads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leads.add(NewLead.of(String.format("+1212%07d", 2_000_000 + i), "Lead " + i));
    }
    return leads;
  }
}
