package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Campaign schedules through the dialer, in virtual time: it waits {@code SCHEDULED}, starts by
 * itself, stops claiming at the end, lets calls in progress finish and completes with the rest
 * expired; with two dialers on one store, once.
 */
class ScheduleTest {
  private static final ConcurrencyPolicy FIVE =
      ConcurrencyPolicy.builder().global(5).perTenant(5).build();
  private static final Instant START = DialerRig.START.plus(Duration.ofHours(1));
  private static final Instant END = START.plus(Duration.ofMinutes(20));

  @Test
  void aScheduledCampaignStartsByItselfAndExpiresWhatIsLeftAtTheEnd() {
    // about 6 calls a minute at concurrency 5: 20 minutes cannot reach 300 leads
    try (DialerRig rig = new DialerRig(FIVE, p -> p)) {
      CampaignId id =
          rig.startCampaign(
              "scheduled", 300, s -> s.schedule(CampaignSchedule.between(START, END)));
      rig.scheduler.runDue();
      assertThat(rig.status(id)).isEqualTo(CampaignStatus.SCHEDULED);
      rig.scheduler.advance(Duration.ofMinutes(59));
      assertThat(rig.provider.calls()).isEmpty();

      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(rig.provider.calls())
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.placedAt()).isBetween(START, END.minusMillis(1)))
          .allSatisfy(c -> assertThat(c.endedAt()).isNotNull());
      CampaignProgress progress = rig.dialer.campaigns().progress(DialerRig.TENANT, id);
      long expired =
          rig.allLeads(id).stream()
              .filter(l -> l.state() == LeadState.SKIPPED && l.hold() == LeadHold.EXPIRED)
              .count();
      long told =
          rig.events.stream()
              .filter(e -> e instanceof DialkitEvent.LeadsExpired)
              .mapToLong(e -> ((DialkitEvent.LeadsExpired) e).count())
              .sum();
      System.out.printf(
          "schedule %s to %s: %d calls placed, %d leads expired, completed at %s%n",
          START, END, rig.provider.calls().size(), expired, rig.clock.instant());
      assertThat(expired).isPositive().isEqualTo(progress.expired()).isEqualTo(told);
      assertThat(progress.queued()).isZero();
      assertThat(progress.inProgress()).isZero();
      assertThat(progress.finished()).isEqualTo(300);
    }
  }

  @Test
  void twoDialersOnOneStoreStartItOnceAndNeitherDialsAfterTheEnd() {
    VirtualClock clock = VirtualClock.at(DialerRig.START);
    ManualScheduler providerScheduler = new ManualScheduler(clock);
    SimulatedCallProvider provider =
        SimulatedCallProvider.builder().clock(clock).scheduler(providerScheduler).seed(7).build();
    CampaignStore store = CampaignStore.inMemory();
    List<DialkitEvent> events = new CopyOnWriteArrayList<>();
    List<ManualScheduler> schedulers = new ArrayList<>(List.of(providerScheduler));
    List<CampaignDialer> dialers = new ArrayList<>();
    for (String instance : List.of("d1", "d2")) {
      ManualScheduler scheduler = new ManualScheduler(clock);
      schedulers.add(scheduler);
      dialers.add(
          CampaignDialer.builder()
              .store(store)
              .provider(provider)
              .concurrency(FIVE)
              .clock(clock)
              .scheduler(scheduler)
              .listenerExecutor(scheduler)
              .listener(events::add)
              .instanceId(instance)
              .build());
    }
    // webhooks reach either instance, as behind a load balancer
    AtomicInteger turn = new AtomicInteger();
    provider.connect(request -> dialers.get(turn.getAndIncrement() % 2).webhooks().handle(request));
    CampaignDialer first = dialers.get(0);
    CampaignId id =
        first
            .campaigns()
            .create(
                DialerRig.TENANT,
                CampaignSpec.builder()
                    .name("two dialers")
                    .agent(Agent.answerUrl("https://agent.example/answer"))
                    .callerIds("+14155550199")
                    .schedule(CampaignSchedule.between(START, END))
                    .build());
    first.leads().add(DialerRig.TENANT, id, DialerRig.leads(300));
    dialers.forEach(CampaignDialer::start);
    first.campaigns().start(DialerRig.TENANT, id);

    SchedulerGroup.runUntil(
        clock,
        schedulers,
        () -> first.campaigns().get(DialerRig.TENANT, id).status() == CampaignStatus.COMPLETED);
    dialers.forEach(CampaignDialer::close);

    assertThat(provider.calls())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.placedAt()).isBetween(START, END.minusMillis(1)));
    assertThat(events.stream().filter(e -> e instanceof DialkitEvent.CampaignResumed).count())
        .as("one instance moved it from SCHEDULED to RUNNING")
        .isEqualTo(1);
    CampaignProgress progress = first.campaigns().progress(DialerRig.TENANT, id);
    long told =
        events.stream()
            .filter(e -> e instanceof DialkitEvent.LeadsExpired)
            .mapToLong(e -> ((DialkitEvent.LeadsExpired) e).count())
            .sum();
    System.out.printf(
        "two dialers: %d calls placed, %d leads expired%n", provider.calls().size(), told);
    assertThat(progress.expired()).isPositive().isEqualTo(told);
    assertThat(progress.finished()).isEqualTo(300);
  }
}
