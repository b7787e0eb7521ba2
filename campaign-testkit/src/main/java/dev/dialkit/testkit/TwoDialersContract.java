package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two dialers on one store, in virtual time: thousands of leads dialed exactly once with the limits
 * never exceeded, and when one dialer dies (its heartbeats stop, nothing is cleaned up) the other
 * takes its campaigns over within three heartbeats and finishes them.
 */
interface TwoDialersContract extends StoreContractSupport {
  int GLOBAL = 20;
  int PER_TENANT = 10;
  Duration HEARTBEAT = Duration.ofSeconds(1);
  Duration LEASE = HEARTBEAT.multipliedBy(3);
  Duration POLL = Duration.ofMillis(250);

  @Test
  @Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS) // a hang guard only
  default void twoDialersDialEveryLeadOnceWithinTheLimitsAndSurviveTheDeathOfOne() {
    VirtualClock clock = VirtualClock.at(StoreFixtures.T0);
    ManualScheduler schedulerA = new ManualScheduler(clock);
    ManualScheduler schedulerB = new ManualScheduler(clock);
    ManualScheduler providerScheduler = new ManualScheduler(clock);
    AtomicInteger maxGlobal = new AtomicInteger();
    Map<TenantId, AtomicInteger> maxTenant = new HashMap<>();
    List<String> leaseTakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    CampaignStore store = watched(store(), maxGlobal, maxTenant, leaseTakes, clock);

    SimulatedCallProvider provider =
        SimulatedCallProvider.builder()
            .clock(clock)
            .scheduler(providerScheduler)
            .seed(11)
            .talkTime(Duration.ofSeconds(30), 0.5)
            .build();
    CampaignDialer a = dialer("a", store, provider, clock, schedulerA);
    CampaignDialer b = dialer("b", store, provider, clock, schedulerB);
    AtomicBoolean aAlive = new AtomicBoolean(true);
    AtomicInteger turn = new AtomicInteger();
    // webhooks reach either instance, as behind a load balancer; none reaches a dead one
    provider.connect(
        request -> {
          boolean toA = aAlive.get() && turn.getAndIncrement() % 2 == 0;
          WebhookResponse response = (toA ? a : b).webhooks().handle(request);
          return response;
        });

    List<TenantId> tenants = List.of(TenantId.of("two-a"), TenantId.of("two-b"));
    Map<CampaignId, TenantId> campaigns = new HashMap<>();
    int leads = 0;
    for (TenantId tenant : tenants) {
      for (int c = 0; c < 2; c++) {
        CampaignId id = a.campaigns().create(tenant, spec("c" + c));
        List<NewLead> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          batch.add(NewLead.of(String.format("+1212%07d", 3_000_000 + leads++)));
        }
        a.leads().add(tenant, id, batch);
        a.campaigns().start(tenant, id);
        campaigns.put(id, tenant);
      }
    }
    a.start();
    b.start();

    List<ManualScheduler> alive =
        new ArrayList<>(List.of(schedulerA, schedulerB, providerScheduler));
    BooleanSupplier halfDone =
        () ->
            campaigns.entrySet().stream()
                    .mapToLong(e -> b.campaigns().progress(e.getValue(), e.getKey()).finished())
                    .sum()
                >= 1000;
    SchedulerGroup.runUntil(clock, alive, halfDone);

    // a dies: its scheduler stops, nothing is released or deregistered
    Instant death = clock.instant();
    aAlive.set(false);
    alive.remove(schedulerA);
    BooleanSupplier allDone =
        () ->
            campaigns.entrySet().stream()
                .allMatch(
                    e ->
                        b.campaigns().get(e.getValue(), e.getKey()).status()
                            == CampaignStatus.COMPLETED);
    SchedulerGroup.runUntil(clock, alive, allDone);

    Map<PhoneNumber, Long> callsPerNumber =
        provider.calls().stream()
            .collect(Collectors.groupingBy(SimulatedCall::to, Collectors.counting()));
    assertThat(callsPerNumber).hasSize(2000);
    assertThat(callsPerNumber.values()).containsOnly(1L);
    assertThat(maxGlobal.get()).isLessThanOrEqualTo(GLOBAL);
    assertThat(maxTenant.values())
        .allSatisfy(m -> assertThat(m.get()).isLessThanOrEqualTo(PER_TENANT));
    assertThat(provider.maxActiveCalls()).isLessThanOrEqualTo(GLOBAL);

    // b took over every campaign a held at its death within three heartbeats (plus one poll)
    Map<String, String> holderAtDeath = new HashMap<>();
    Map<String, Instant> takenOverAt = new HashMap<>();
    for (String take : leaseTakes) {
      String[] f = take.split(" ");
      Instant at = Instant.parse(f[2]);
      if (!at.isAfter(death)) {
        holderAtDeath.put(f[1], f[0]);
      } else if (f[0].equals("b")) {
        takenOverAt.putIfAbsent(f[1], at);
      }
    }
    List<String> heldByA =
        holderAtDeath.entrySet().stream()
            .filter(e -> e.getValue().equals("a"))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(heldByA).isNotEmpty();
    for (String campaign : heldByA) {
      assertThat(takenOverAt).containsKey(campaign);
      assertThat(Duration.between(death, takenOverAt.get(campaign)))
          .isLessThanOrEqualTo(LEASE.plus(POLL));
    }
    assertThat(store.liveInstances(clock.instant(), LEASE)).containsExactly("b");
    b.close();
  }

  private static CampaignSpec spec(String name) {
    return CampaignSpec.builder()
        .name(name)
        .agent(Agent.answerUrl("https://agent.example/answer"))
        .callerIds("+14155550199")
        .build();
  }

  private static CampaignDialer dialer(
      String id,
      CampaignStore store,
      SimulatedCallProvider provider,
      VirtualClock clock,
      ManualScheduler scheduler) {
    return CampaignDialer.builder()
        .store(store)
        .provider(provider)
        .concurrency(ConcurrencyPolicy.builder().global(GLOBAL).perTenant(PER_TENANT).build())
        .clock(clock)
        .scheduler(scheduler)
        .listenerExecutor(scheduler)
        .instanceId(id)
        .heartbeatInterval(HEARTBEAT)
        .leaseTtl(LEASE)
        .pollInterval(POLL)
        .reconcileDelay(Duration.ofSeconds(5))
        .build();
  }

  /** The store, sampling the slots in use after every successful claim, and noting lease takes. */
  private static CampaignStore watched(
      CampaignStore inner,
      AtomicInteger maxGlobal,
      Map<TenantId, AtomicInteger> maxTenant,
      List<String> leaseTakes,
      VirtualClock clock) {
    return (CampaignStore)
        Proxy.newProxyInstance(
            CampaignStore.class.getClassLoader(),
            new Class<?>[] {CampaignStore.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (method.getName().equals("claimNext") && result instanceof ClaimResult.Claimed) {
                ClaimRequest request = (ClaimRequest) args[0];
                var usage = inner.slotUsage(request.tenant(), request.campaignId());
                maxGlobal.accumulateAndGet(usage.global(), Math::max);
                synchronized (maxTenant) {
                  maxTenant
                      .computeIfAbsent(request.tenant(), t -> new AtomicInteger())
                      .accumulateAndGet(usage.tenant(), Math::max);
                }
              }
              if (method.getName().equals("tryLease") && Boolean.TRUE.equals(result)) {
                leaseTakes.add(args[1] + " " + args[0] + " " + args[2]);
              }
              return result;
            });
  }
}
