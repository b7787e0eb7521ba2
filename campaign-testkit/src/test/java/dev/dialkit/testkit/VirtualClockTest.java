package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  @Test
  void startsWhereToldInUtcAndStandsStill() {
    VirtualClock clock = VirtualClock.at(T0);

    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void setMovesForwardOrStays() {
    VirtualClock clock = VirtualClock.at(T0);

    clock.set(T0.plusSeconds(5));
    clock.set(T0.plusSeconds(5));

    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void setNeverGoesBack() {
    VirtualClock clock = VirtualClock.at(T0);

    assertThatThrownBy(() -> clock.set(T0.minusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never goes back");
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void advanceAddsAndRefusesNegative() {
    VirtualClock clock = VirtualClock.at(T0);

    assertThat(clock.advance(Duration.ofMinutes(2))).isEqualTo(T0.plusSeconds(120));
    assertThat(clock.advance(Duration.ZERO)).isEqualTo(T0.plusSeconds(120));
    assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void zoneViewSharesTheTime() {
    VirtualClock utc = VirtualClock.at(T0);
    VirtualClock paris = utc.withZone(ZoneId.of("Europe/Paris"));

    utc.advance(Duration.ofHours(1));
    assertThat(paris.instant()).isEqualTo(T0.plusSeconds(3600));
    paris.advance(Duration.ofHours(1));
    assertThat(utc.instant()).isEqualTo(T0.plusSeconds(7200));

    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris.withZone(ZoneOffset.UTC)).isEqualTo(utc).hasSameHashCodeAs(utc);
    assertThat(paris).isNotEqualTo(utc);
    assertThat(VirtualClock.at(T0)).isNotEqualTo(VirtualClock.at(T0));
  }

  @Test
  void concurrentAdvancesAreAllCounted() throws InterruptedException {
    VirtualClock clock = VirtualClock.at(T0);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                awaitQuietly(go);
                for (int i = 0; i < 1000; i++) {
                  clock.advance(Duration.ofMillis(1));
                }
              });
      thread.start();
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(clock.instant()).isEqualTo(T0.plusMillis(4000));
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
