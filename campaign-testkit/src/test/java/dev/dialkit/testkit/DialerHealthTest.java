package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialerHealth;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CampaignStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code CampaignDialer.health()}: each fact it reports, and the status they lead to. */
class DialerHealthTest {
  private static final ConcurrencyPolicy TWO =
      ConcurrencyPolicy.builder().global(2).perTenant(2).build();

  @Test
  void aDialerIsStoppedBeforeStartUpWhileItRunsAndStoppedAfterClose() {
    try (DialerRig rig = new DialerRig(TWO, p -> p)) {
      DialerHealth before = rig.dialer.health();
      assertThat(before.status()).isEqualTo(DialerHealth.Status.STOPPED);
      assertThat(before.running()).isFalse();
      assertThat(before.storeReachable()).isTrue();
      assertThat(before.lastHeartbeat()).isNull();
      assertThat(before.circuitBreakers()).isEqualTo(Map.of("simulated", "CLOSED"));
      assertThat(before.problems()).containsExactly("the dialer is not started");
      assertThat(before.checkedAt()).isEqualTo(DialerRig.START);

      rig.dialer.start();
      rig.scheduler.advance(Duration.ofSeconds(12));
      DialerHealth up = rig.dialer.health();
      assertThat(up.status()).isEqualTo(DialerHealth.Status.UP);
      assertThat(up.healthy()).isTrue();
      assertThat(up.problems()).isEmpty();
      assertThat(up.heartbeatFresh()).isTrue();
      assertThat(up.lastHeartbeat()).isEqualTo(DialerRig.START.plusSeconds(10));

      rig.dialer.close();
      assertThat(rig.dialer.health().status()).isEqualTo(DialerHealth.Status.STOPPED);
    }
  }

  /** The heartbeat stops (the scheduler's thread is stuck) while time goes on: down. */
  @Test
  void aHeartbeatOlderThanTheLeaseTtlIsDown() {
    try (DialerRig rig = new DialerRig(TWO, p -> p)) {
      rig.dialer.start();
      rig.scheduler.runDue();
      rig.clock.advance(Duration.ofSeconds(16));

      DialerHealth health = rig.dialer.health();
      assertThat(health.heartbeatFresh()).isFalse();
      assertThat(health.status()).isEqualTo(DialerHealth.Status.DOWN);
      assertThat(health.problems())
          .containsExactly("last heartbeat at " + DialerRig.START + " is older than the lease TTL");
    }
  }

  @Test
  void anOpenCircuitBreakerIsDegraded() {
    try (DialerRig rig = new DialerRig(TWO, p -> p)) {
      rig.flaky.mode = FlakyProvider.Mode.DOWN;
      rig.startCampaign("breaker", 40, s -> s);
      rig.scheduler.runUntil(
          () ->
              rig.events.stream()
                  .anyMatch(
                      e ->
                          e instanceof DialkitEvent.ProviderCircuitChanged c
                              && c.to().equals("OPEN")));

      DialerHealth health = rig.dialer.health();
      assertThat(health.circuitBreakers()).containsEntry("simulated", "OPEN");
      assertThat(health.status()).isEqualTo(DialerHealth.Status.DEGRADED);
      assertThat(health.problems()).containsExactly("circuit breaker of simulated is OPEN");
    }
  }

  @Test
  void aSchemaProblemTheStoreReportsIsDown() {
    try (Built built = built(() -> Optional.of("migrations pending: version 2 of 4"))) {
      DialerHealth health = built.dialer.health();
      assertThat(health.schemaProblem()).isEqualTo("migrations pending: version 2 of 4");
      assertThat(health.storeReachable()).isTrue();
      assertThat(health.status()).isEqualTo(DialerHealth.Status.DOWN);
      assertThat(health.problems())
          .contains("the store's schema is not ready: migrations pending: version 2 of 4");
    }
  }

  @Test
  void aStoreThatFailsIsDown() {
    try (Built built =
        built(
            () -> {
              throw new StoreException("connection refused", true);
            })) {
      DialerHealth health = built.dialer.health();
      assertThat(health.storeReachable()).isFalse();
      assertThat(health.storeProblem()).contains("connection refused");
      assertThat(health.status()).isEqualTo(DialerHealth.Status.DOWN);
    }
  }

  /** A store that hangs answers nothing; the check gives up after its timeout, never hangs. */
  @Test
  void aStoreThatHangsIsReportedWithinTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Built built =
        built(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.empty();
            })) {
      long started = System.nanoTime();
      DialerHealth health = built.dialer.health();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(health.storeProblem()).isEqualTo("no answer within 50 ms");
      assertThat(health.status()).isEqualTo(DialerHealth.Status.DOWN);

      release.countDown();
    }
  }

  /** A dialer on a store whose {@code schemaProblem()} is {@code schema}. */
  private static Built built(Supplier<Optional<String>> schema) {
    VirtualClock clock = VirtualClock.at(DialerRig.START);
    ManualScheduler scheduler = new ManualScheduler(clock);
    CampaignStore inner = CampaignStore.inMemory();
    CampaignStore store =
        (CampaignStore)
            Proxy.newProxyInstance(
                CampaignStore.class.getClassLoader(),
                new Class<?>[] {CampaignStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("schemaProblem")) {
                    return schema.get();
                  }
                  try {
                    return method.invoke(inner, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store)
            .provider(SimulatedCallProvider.builder().clock(clock).scheduler(scheduler).build())
            .clock(clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .healthCheckTimeout(Duration.ofMillis(50))
            .build();
    return new Built(dialer);
  }

  private record Built(CampaignDialer dialer) implements AutoCloseable {
    @Override
    public void close() {
      dialer.close();
    }
  }
}
