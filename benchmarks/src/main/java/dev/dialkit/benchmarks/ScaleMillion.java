package dev.dialkit.benchmarks;

import static dev.dialkit.benchmarks.ScaleGauges.MIB;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Run 1: one campaign of {@code scale.leads} leads on PostgreSQL, inserted through {@code
 * leads().add} in batches, then dialed by the whole dialer (real clock, its own threads) at {@code
 * scale.concurrency} with calls that end at once. Prints leads inserted per second, leads dialed
 * per second every 10 s, the peak heap of each phase and whether the campaign completed; with
 * {@code scale.dialLimit} or {@code scale.dialSeconds} it pauses the campaign there and says how
 * much was dialed.
 */
final class ScaleMillion {
  static final long REPORT_SECONDS = 10;

  private final ScaleOptions options;
  private final String testUrl;

  ScaleMillion(ScaleOptions options, String testUrl) {
    this.options = options;
    this.testUrl = testUrl;
  }

  void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%n== million: %,d leads, concurrency %d, batches of %,d, dial limit %,d, time box %s,"
            + " %d webhook threads; heap max %,d MiB; load %s%n",
        options.leads(),
        options.concurrency(),
        options.batch(),
        options.dialLimit(),
        options.dialSeconds() == 0 ? "none" : options.dialSeconds() + " s",
        options.webhookThreads(),
        Runtime.getRuntime().maxMemory() / MIB,
        ScaleGauges.load());
    JdbcConnectionPool pool = ScaleDatabase.fresh(testUrl, options.webhookThreads() + 8);
    ScaleWebhooks webhooks = new ScaleWebhooks(options.webhookThreads());
    ScaleObserver observer = new ScaleObserver();
    ScaleProvider provider = new ScaleProvider(ScaleProvider.Mode.END_AT_ONCE, webhooks);
    JdbcCampaignStore store = JdbcCampaignStore.create(pool);
    store.migrate();
    int limit = options.concurrency();
    try (webhooks;
        CampaignDialer dialer =
            CampaignDialer.builder()
                .store(store)
                .provider(provider)
                .observer(observer)
                .concurrency(ConcurrencyPolicy.builder().global(limit).perTenant(limit).build())
                .instanceId("scale-million")
                .build()) {
      webhooks.connect(dialer.webhooks());
      CampaignId id = dialer.campaigns().create(ScaleRun.TENANT, ScaleRun.spec("million"));
      insert(dialer, id);
      dial(dialer, id, store, provider, webhooks, observer);
    } finally {
      pool.dispose();
    }
  }

  private void insert(CampaignDialer dialer, CampaignId id) throws Exception {
    long inserted = 0;
    long started = System.nanoTime();
    long peak;
    try (HeapWatch heap = new HeapWatch()) {
      for (int from = 0; from < options.leads(); from += options.batch()) {
        int to = Math.min(options.leads(), from + options.batch());
        List<NewLead> leads = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          leads.add(NewLead.of(ScaleRun.number(i), "Lead " + i));
        }
        try (ImportReport report = dialer.leads().add(ScaleRun.TENANT, id, leads)) {
          inserted += report.inserted();
        }
      }
      peak = heap.peakMib();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (inserted != options.leads()) {
      throw new IllegalStateException("inserted " + inserted + " of " + options.leads());
    }
    System.out.printf(
        Locale.ROOT,
        "inserted %,d leads in %.1f s: %,.0f leads/s; peak heap %d MiB; load %s%n",
        inserted,
        seconds,
        inserted / seconds,
        peak,
        ScaleGauges.load());
  }

  private void dial(
      CampaignDialer dialer,
      CampaignId id,
      CampaignStore store,
      ScaleProvider provider,
      ScaleWebhooks webhooks,
      ScaleObserver observer)
      throws Exception {
    long target = Math.min(options.dialLimit(), options.leads());
    long boxNanos =
        options.dialSeconds() == 0 ? Long.MAX_VALUE : options.dialSeconds() * 1_000_000_000L;
    ScaleTicker ticker =
        new ScaleTicker(webhooks, provider, () -> store.slotUsage(ScaleRun.TENANT, id).global());
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    try (HeapWatch heap = new HeapWatch()) {
      long started = System.nanoTime();
      dialer.start();
      dialer.campaigns().start(ScaleRun.TENANT, id);
      clock.scheduleAtFixedRate(
          () -> ticker.print(started, heap.peakMib()),
          REPORT_SECONDS,
          REPORT_SECONDS,
          TimeUnit.SECONDS);
      // a main program's wait, not a test's: it checks twice a second until the goal or the box
      while (webhooks.ended() < target && System.nanoTime() - started < boxNanos) {
        Thread.sleep(500);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long ended = webhooks.ended();
      boolean all = ended >= options.leads();
      CampaignStatus status;
      if (all) {
        status = ScaleRun.awaitStatus(dialer, id, CampaignStatus.COMPLETED, 60);
      } else {
        dialer.campaigns().pause(ScaleRun.TENANT, id);
        status = dialer.campaigns().get(ScaleRun.TENANT, id).status();
        drain(provider, webhooks);
      }
      clock.shutdownNow();
      ticker.print(started, heap.peakMib());
      long peak = heap.peakMib();
      long live = ScaleGauges.heapAfterGc() / MIB;
      System.out.printf(
          Locale.ROOT,
          "dialed %,d of %,d leads in %.1f s: %,.1f leads/s; campaign %s (%s; %,d ended in all);"
              + " peak heap %d MiB; live heap after GC %d MiB; webhooks resent %,d, refused %,d;"
              + " load %s%n",
          ended,
          options.leads(),
          seconds,
          ended / seconds,
          status,
          all ? "completed" : "stopped by the limit or the time box, then paused",
          webhooks.ended(),
          peak,
          live,
          webhooks.resent(),
          webhooks.refused(),
          ScaleGauges.load());
      System.out.println(observer.summary(provider.placed()));
      if (!all && ended > 0) {
        System.out.printf(
            Locale.ROOT,
            "at that rate all %,d leads would take %.1f min%n",
            options.leads(),
            options.leads() / (ended / seconds) / 60);
      }
    } finally {
      clock.shutdownNow();
    }
  }

  /** Waits up to a minute for the calls placed before the pause to end. */
  private static void drain(ScaleProvider provider, ScaleWebhooks webhooks)
      throws InterruptedException {
    long until = System.nanoTime() + 60_000_000_000L;
    while (webhooks.ended() < provider.placed() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
  }
}
