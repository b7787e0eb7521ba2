package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
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
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Run 2: {@code scale.held} calls in progress at once, with no thread per call. One campaign of as
 * many leads at a limit of as many calls, a provider whose calls are answered and never end; once
 * every call is answered and the store's slot usage says all slots are held, it prints the live
 * threads and the heap after a full GC against the same figures taken before the campaign started
 * (the dialer already running, the leads already stored), and the heap each call in progress adds.
 * Then it ends every call and waits for the campaign to complete.
 */
final class ScaleHeld {
  /** How long filling every slot may take before the run gives up. */
  static final long FILL_TIMEOUT_SECONDS = 30 * 60;

  private final ScaleOptions options;
  private final String testUrl;

  ScaleHeld(ScaleOptions options, String testUrl) {
    this.options = options;
    this.testUrl = testUrl;
  }

  /** Runs on {@code postgresql} (a fresh database) or in {@code memory}. */
  void run(String where) throws Exception {
    int n = options.held();
    System.out.printf(
        Locale.ROOT,
        "%n== held, %s: %,d calls at once (limit %,d, %,d leads), %d webhook threads;"
            + " heap max %,d MiB; load %s%n",
        where,
        n,
        n,
        n,
        options.webhookThreads(),
        Runtime.getRuntime().maxMemory() / ScaleGauges.MIB,
        ScaleGauges.load());
    JdbcConnectionPool pool =
        where.equals("postgresql")
            ? ScaleDatabase.fresh(testUrl, options.webhookThreads() + 8)
            : null;
    CampaignStore store;
    if (pool == null) {
      store = CampaignStore.inMemory();
    } else {
      JdbcCampaignStore jdbc = JdbcCampaignStore.create(pool);
      jdbc.migrate();
      store = jdbc;
    }
    ScaleWebhooks webhooks = new ScaleWebhooks(options.webhookThreads());
    ScaleObserver observer = new ScaleObserver();
    ScaleProvider provider = new ScaleProvider(ScaleProvider.Mode.ANSWER_AND_HOLD, webhooks);
    try (webhooks;
        CampaignDialer dialer =
            CampaignDialer.builder()
                .store(store)
                .provider(provider)
                .observer(observer)
                .concurrency(ConcurrencyPolicy.builder().global(n).perTenant(n).build())
                .instanceId("scale-held")
                .build()) {
      webhooks.connect(dialer.webhooks());
      CampaignId id = dialer.campaigns().create(ScaleRun.TENANT, ScaleRun.spec("held"));
      insert(dialer, id, n);
      dialer.start();
      Thread.sleep(1_000); // let the started dialer's threads and first tasks come up
      ScaleHeldFigures before = ScaleHeldFigures.now();
      ScaleGauges.resetPeakThreads();
      long started = System.nanoTime();
      dialer.campaigns().start(ScaleRun.TENANT, id);
      fill(store, id, webhooks, provider, started);
      double seconds = (System.nanoTime() - started) / 1e9;
      int peakThreads = ScaleGauges.peakThreads();
      ScaleHeldFigures after = ScaleHeldFigures.now();
      System.out.printf(
          Locale.ROOT,
          "%,d calls in progress after %.1f s (%,.0f calls/s to fill); slot usage %s%n",
          n,
          seconds,
          n / seconds,
          store.slotUsage(ScaleRun.TENANT, id));
      System.out.print(before.compare(after, n, peakThreads));
      System.out.println(observer.summary(provider.placed()));
      end(dialer, id, provider, webhooks, n);
      ScaleHeldFigures ended = ScaleHeldFigures.now();
      System.out.printf(
          Locale.ROOT,
          "after every call ended: threads %d, heap after full GC %,.1f MiB; webhooks resent %,d,"
              + " refused %,d; load %s%n",
          ended.threads(),
          ended.heapBytes() / (double) ScaleGauges.MIB,
          webhooks.resent(),
          webhooks.refused(),
          ScaleGauges.load());
    } finally {
      if (pool != null) {
        pool.dispose();
      }
    }
  }

  private void insert(CampaignDialer dialer, CampaignId id, int n) {
    for (int from = 0; from < n; from += options.batch()) {
      int to = Math.min(n, from + options.batch());
      List<NewLead> leads = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        leads.add(NewLead.of(ScaleRun.number(i), "Lead " + i));
      }
      try (ImportReport report = dialer.leads().add(ScaleRun.TENANT, id, leads)) {
        if (report.inserted() != to - from) {
          throw new IllegalStateException("inserted " + report.inserted() + " of " + (to - from));
        }
      }
    }
  }

  /** Waits until every call is answered and every slot held, printing progress every 10 s. */
  private void fill(
      CampaignStore store,
      CampaignId id,
      ScaleWebhooks webhooks,
      ScaleProvider provider,
      long started)
      throws InterruptedException {
    int n = options.held();
    long nextPrint = started + 10_000_000_000L;
    while (webhooks.answered() < n || store.slotUsage(ScaleRun.TENANT, id).global() < n) {
      long now = System.nanoTime();
      if (now - started > FILL_TIMEOUT_SECONDS * 1_000_000_000L) {
        throw new IllegalStateException(
            "only " + webhooks.answered() + " of " + n + " calls answered after the timeout");
      }
      if (now >= nextPrint) {
        System.out.printf(
            Locale.ROOT,
            "  t=%6.1f s  placed %,6d  answered %,6d  slots held %,6d  threads %d  load %s%n",
            (now - started) / 1e9,
            provider.placed(),
            webhooks.answered(),
            store.slotUsage(ScaleRun.TENANT, id).global(),
            ScaleGauges.threads(),
            ScaleGauges.load());
        nextPrint += 10_000_000_000L;
      }
      Thread.sleep(200); // a main program's wait for the dialer's own threads
    }
  }

  /** Ends every call in progress through its webhook and waits for the campaign to complete. */
  private static void end(
      CampaignDialer dialer, CampaignId id, ScaleProvider provider, ScaleWebhooks webhooks, int n)
      throws InterruptedException {
    long started = System.nanoTime();
    List<Call> active = dialer.calls().active(ScaleRun.TENANT, id);
    for (Call call : active) {
      provider.end(call);
    }
    CampaignStatus status = ScaleRun.awaitStatus(dialer, id, CampaignStatus.COMPLETED, 600);
    System.out.printf(
        Locale.ROOT,
        "ended %,d calls (%,d listed active) in %.1f s: campaign %s%n",
        webhooks.ended(),
        active.size(),
        (System.nanoTime() - started) / 1e9,
        status);
    if (status != CampaignStatus.COMPLETED || webhooks.ended() != n) {
      throw new IllegalStateException(
          "campaign " + status + " with " + webhooks.ended() + " ended");
    }
  }
}
