package dev.dialkit.benchmarks;

import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the scale provider's webhooks to the dialer as a host's web server would: on a fixed pool
 * of threads (never one per call), each request through {@link Webhooks#handle}. A 5xx answer (the
 * store failed) is sent again {@value #RETRY_MILLIS} ms later, as providers do; a 4xx is counted
 * and logged, since a benchmark whose webhooks are refused measures nothing.
 */
final class ScaleWebhooks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScaleWebhooks.class);
  static final long RETRY_MILLIS = 100;

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService retries;
  private volatile Webhooks target;
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong ended = new AtomicLong();
  private final AtomicLong resent = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  ScaleWebhooks(int threads) {
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            daemon("scale-webhook"));
    // started now, so that a thread count taken before the calls already includes them
    pool.prestartAllCoreThreads();
    retries = Executors.newSingleThreadScheduledExecutor(daemon("scale-webhook-retry"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Where webhooks go; set once the dialer is built. */
  void connect(Webhooks webhooks) {
    this.target = webhooks;
  }

  /** Queues one webhook; {@code terminal} says whether it ends its call. */
  void send(WebhookRequest request, boolean terminal) {
    if (target == null) {
      throw new IllegalStateException("connect(Webhooks) before sending webhooks");
    }
    pool.execute(() -> deliver(request, terminal));
  }

  private void deliver(WebhookRequest request, boolean terminal) {
    WebhookResponse response = target.handle(request);
    if (response.status() == 200) {
      (terminal ? ended : answered).incrementAndGet();
    } else if (response.status() >= 500) {
      resent.incrementAndGet();
      retries.schedule(
          () -> pool.execute(() -> deliver(request, terminal)),
          RETRY_MILLIS,
          TimeUnit.MILLISECONDS);
    } else {
      refused.incrementAndGet();
      log.warn("webhook refused: {} {}", response.status(), response.body());
    }
  }

  /** Non-terminal webhooks answered 200. */
  long answered() {
    return answered.get();
  }

  /** Terminal webhooks answered 200: calls ended. */
  long ended() {
    return ended.get();
  }

  /** Deliveries answered 5xx and sent again. */
  long resent() {
    return resent.get();
  }

  /** Deliveries answered 4xx: none in a sound run. */
  long refused() {
    return refused.get();
  }

  /** Webhooks waiting for a delivery thread. */
  int queued() {
    return pool.getQueue().size();
  }

  @Override
  public void close() {
    retries.shutdownNow();
    pool.shutdownNow();
  }
}
