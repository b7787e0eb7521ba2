package dev.dialkit.examples.dashboard.demo;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A telephony provider for the demo that behaves like a real one over the network: {@link #place}
 * accepts the call and schedules its status callbacks, which it POSTs with {@code java.net.http} to
 * the callback URL the dialer gave it, on a time scale {@code speed} times faster than real calls.
 * It signs nothing, so Dialkit signs the callback URLs itself ({@code dialkit_token}) and checks
 * that token on the way back, exactly as for SansPBX.
 *
 * <p>Timestamps in the callbacks are real; the talk time it reports ({@code CallDuration}) is in
 * simulated seconds, so the dashboard shows calls of realistic length.
 */
public final class DemoCallProvider implements CallProvider, AutoCloseable {
  /** The provider's name, in callback URLs and stored calls. */
  public static final String NAME = "demo";

  /** Hang-up, status query, machine detection, progress events; signs nothing. */
  private static final ProviderCapabilities CAPABILITIES =
      new ProviderCapabilities(true, true, true, false, true, false, true);

  private static final Duration API_LATENCY = Duration.ofMillis(20);

  private final double speed;
  private final double callsPerSecond;
  private final Supplier<URI> webhookUrl;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final DemoCallbacks callbacks;
  private final Map<String, DemoCall> calls = new ConcurrentHashMap<>();
  private final AtomicLong sids = new AtomicLong();

  /** Makes this run's call ids unique across restarts on the same store. */
  private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

  /**
   * @param speed how many times faster than real calls, 1 to 10,000
   * @param callsPerSecond the account's rate limit Dialkit keeps to
   * @param webhookUrl this provider's webhook URL at the app ({@code .../dialkit/webhooks/demo}),
   *     or {@code null} while the web server is not up
   */
  public DemoCallProvider(double speed, double callsPerSecond, Supplier<URI> webhookUrl) {
    if (!(speed >= 1 && speed <= 10_000)) {
      throw new IllegalArgumentException("speed must be between 1 and 10000, was " + speed);
    }
    if (!(callsPerSecond > 0)) {
      throw new IllegalArgumentException("callsPerSecond must be > 0, was " + callsPerSecond);
    }
    this.speed = speed;
    this.callsPerSecond = callsPerSecond;
    this.webhookUrl = webhookUrl;
    this.clock = Clock.systemUTC();
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "demo-provider");
              t.setDaemon(true);
              return t;
            });
    // close() drops the callbacks not sent yet, without interrupting a running task: the dialer's
    // own continuation of a placed call runs on it, and H2 closes a file written by an
    // interrupted thread
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.timer = timer;
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.callbacks = new DemoCallbacks(http, timer);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public double callsPerSecond() {
    return callsPerSecond;
  }

  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    URI base = webhookUrl.get();
    if (base == null) {
      // nothing was placed: Dialkit backs off and sends it again
      return CompletableFuture.failedFuture(
          new ProviderException(
              NAME,
              "not ready: the web server is not up",
              503,
              null,
              FailureReason.PROVIDER_ERROR,
              true,
              false,
              null));
    }
    String sid = "DEMO-" + run + "-" + sids.incrementAndGet();
    DemoCall call =
        new DemoCall(
            sid, request.callId(), CallbackUrls.withParameters(base, request.callbackParameters()));
    calls.put(sid, call);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<DemoEvent> script =
        DemoScript.plan(DemoOutcome.draw(random), request.ringTimeout(), random);
    CompletableFuture<PlacedCall> placed = new CompletableFuture<>();
    try {
      for (DemoEvent event : script) {
        long delay = API_LATENCY.toNanos() / 2 + scaled(event.after());
        call.scheduled(timer.schedule(() -> send(call, event), delay, TimeUnit.NANOSECONDS));
      }
      timer.schedule(
          () -> placed.complete(new PlacedCall(sid, null, "queued")),
          API_LATENCY.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException shutDown) {
      calls.remove(sid);
      return CompletableFuture.failedFuture(
          new ProviderException(
              NAME, "shutting down", 503, null, FailureReason.PROVIDER_ERROR, true, false, null));
    }
    return placed;
  }

  private long scaled(Duration simulated) {
    return (long) (simulated.toNanos() / speed);
  }

  private void send(DemoCall call, DemoEvent event) {
    String body = call.next(event, clock.instant());
    if (body != null) {
      callbacks.post(call, body, event.terminal() ? () -> calls.remove(call.sid()) : () -> {});
    }
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    return List.of(DemoWebhookForm.parse(request));
  }

  /** Ends the call now: canceled if not answered, completed with its talk time so far if it was. */
  @Override
  public CompletionStage<Void> hangUp(Call call) {
    DemoCall demo = find(call);
    if (demo != null) {
      Instant answeredAt = demo.stopScript();
      Instant now = clock.instant();
      DemoEvent end =
          answeredAt == null
              ? new DemoEvent(Duration.ZERO, "canceled", null, null, "487")
              : new DemoEvent(
                  Duration.ZERO,
                  "completed",
                  "human",
                  (long) (Duration.between(answeredAt, now).toSeconds() * speed),
                  null);
      send(demo, end);
    }
    return CompletableFuture.completedFuture(null); // also when it had ended already
  }

  /**
   * The last status it sent for the call, {@code queued} before the first. A call it does not know
   * was placed by an earlier run of the app: the simulated provider lost it when that run stopped,
   * where a real one would have finished it, so it answers {@code failed}. Recovery then ends the
   * call at once instead of leaving it to the watchdog (ring timeout plus max call duration).
   */
  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    DemoCall demo = find(call);
    if (demo == null) {
      return CompletableFuture.completedFuture(Optional.of(lostInEarlierRun(call)));
    }
    String body = demo.lastBody();
    if (body == null) {
      body =
          DemoWebhookForm.encode(
              demo.sid(),
              0,
              new DemoEvent(Duration.ZERO, "queued", null, null, null),
              clock.instant());
    }
    return CompletableFuture.completedFuture(
        Optional.of(DemoWebhookForm.toUpdate(WebhookRequest.decodeForm(body), body)));
  }

  private CallStatusUpdate lostInEarlierRun(Call call) {
    Instant now = clock.instant();
    return CallStatusUpdate.builder(CallStatus.FAILED, "failed")
        .callId(call.id())
        .providerCallId(call.providerCallId())
        .occurredAt(now)
        .endedAt(now)
        .failureReason(FailureReason.PROVIDER_ERROR)
        .hangupCause("the demo provider restarted")
        .build();
  }

  private DemoCall find(Call call) {
    if (call.providerCallId() != null) {
      return calls.get(call.providerCallId());
    }
    return calls.values().stream()
        .filter(c -> c.callId().equals(call.id()))
        .findFirst()
        .orElse(null);
  }

  /** Stops calling back: the calls in progress are never finished. Idempotent. */
  @Override
  public void close() {
    timer.shutdown();
  }
}
