package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.DialkitListener;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ListenerBusTest {
  /** Runs queued tasks only when told to, so the test sees what ran on the publisher's thread. */
  private static final class QueueExecutor implements Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  private static DialkitEvent event(int n) {
    Instant at = Instant.EPOCH.plusSeconds(n);
    CampaignProgress p =
        new CampaignProgress(
            CampaignId.of("c"),
            TenantId.of("t"),
            CampaignStatus.RUNNING,
            n,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            null,
            at,
            java.util.Map.of(),
            0);
    return new DialkitEvent.ProgressUpdated(p, at);
  }

  @Test
  void listenersRunOffThePublisherInOrderAndAFailureReachesNoOne() {
    QueueExecutor executor = new QueueExecutor();
    List<Long> seen = new ArrayList<>();
    DialkitListener failing =
        e -> {
          throw new IllegalStateException("boom");
        };
    DialkitListener recording =
        e -> seen.add(((DialkitEvent.ProgressUpdated) e).progress().total());
    ListenerBus bus = new ListenerBus(List.of(failing, recording), executor, 100);

    for (int i = 1; i <= 5; i++) {
      bus.publish(event(i));
    }
    assertThat(seen).as("nothing runs on the publishing thread").isEmpty();

    executor.runAll();
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  /**
   * A webhook handled after the dialer closed its listener executor publishes into a refusing
   * executor: the event is dropped and the publisher (the webhook's answer) is not failed.
   */
  @Test
  void anExecutorThatRefusesDropsTheEventsWithoutFailingThePublisher() {
    Executor closed =
        task -> {
          throw new java.util.concurrent.RejectedExecutionException("shut down");
        };
    List<Long> seen = new ArrayList<>();
    ListenerBus bus =
        new ListenerBus(
            List.of(e -> seen.add(((DialkitEvent.ProgressUpdated) e).progress().total())),
            closed,
            16);
    bus.publish(event(1));
    bus.publish(event(2));
    assertThat(seen).isEmpty();
  }

  @Test
  void aFullQueueDropsTheOldestEvents() {
    QueueExecutor executor = new QueueExecutor();
    List<Long> seen = new ArrayList<>();
    ListenerBus bus =
        new ListenerBus(
            List.of(e -> seen.add(((DialkitEvent.ProgressUpdated) e).progress().total())),
            executor,
            16);
    for (int i = 1; i <= 20; i++) {
      bus.publish(event(i));
    }
    executor.runAll();
    assertThat(seen).hasSize(16).startsWith(5L).endsWith(20L);
  }
}
