package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.DialerHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers {@code CampaignDialer.health()}. The store is probed live with {@code schemaProblem()} on
 * a thread of its own and waited for at most {@code healthCheckTimeout}: a store that hangs (a
 * connection pool exhausted, a network partition) makes the check report a timeout instead of
 * hanging the host's health endpoint. At most one probe is in flight: a check made while an earlier
 * probe still hangs waits for that one rather than piling up threads.
 */
final class HealthCheck implements AutoCloseable {
  /** The longest text kept of a store failure: a health endpoint is no place for a stack. */
  private static final int MAX_PROBLEM = 300;

  private final DialerSettings settings;
  private final BooleanSupplier running;
  private final Supplier<Instant> lastHeartbeat;
  private final ProviderGuards guards;
  private ExecutorService prober;
  private Future<Optional<String>> inFlight;

  HealthCheck(
      DialerSettings settings,
      BooleanSupplier running,
      Supplier<Instant> lastHeartbeat,
      ProviderGuards guards) {
    this.settings = settings;
    this.running = running;
    this.lastHeartbeat = lastHeartbeat;
    this.guards = guards;
  }

  DialerHealth check() {
    String storeProblem = null;
    String schemaProblem = null;
    try {
      schemaProblem = probe().orElse(null);
    } catch (TimeoutException e) {
      storeProblem = "no answer within " + settings.healthCheckTimeout().toMillis() + " ms";
    } catch (ExecutionException e) {
      storeProblem = describe(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      storeProblem = "the check was interrupted";
    }
    Instant now = settings.clock().instant();
    Instant beat = lastHeartbeat.get();
    boolean fresh = beat != null && Duration.between(beat, now).compareTo(settings.leaseTtl()) <= 0;
    Map<String, String> breakers = new TreeMap<>();
    settings
        .providers()
        .keySet()
        .forEach(name -> breakers.put(name, guards.breaker(name).getState().name()));
    return new DialerHealth(
        running.getAsBoolean(), storeProblem, schemaProblem, beat, fresh, breakers, now);
  }

  private Optional<String> probe()
      throws InterruptedException, ExecutionException, TimeoutException {
    Future<Optional<String>> probe;
    synchronized (this) {
      if (prober == null) {
        // one thread at most, gone when idle: a dialer whose health is never asked keeps none
        prober =
            new ThreadPoolExecutor(
                0,
                1,
                10,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                SystemTaskScheduler.daemonThreads("dialkit-health"));
      }
      if (inFlight == null || inFlight.isDone()) {
        inFlight = prober.submit(() -> settings.store().schemaProblem());
      }
      probe = inFlight;
    }
    Optional<String> problem =
        probe.get(settings.healthCheckTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return problem == null ? Optional.empty() : problem;
  }

  private static String describe(Throwable failure) {
    String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return text.length() > MAX_PROBLEM ? text.substring(0, MAX_PROBLEM) + "..." : text;
  }

  @Override
  public synchronized void close() {
    if (prober != null) {
      prober.shutdownNow();
      prober = null;
      inFlight = null;
    }
  }
}
