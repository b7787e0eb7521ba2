package dev.dialkit.store.jdbc;

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
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SchedulerGroup;
import dev.dialkit.testkit.SimulatedCall;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.StoreFixtures;
import dev.dialkit.testkit.VirtualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Issue 5 item 7: four dialers, each with its own connection pool and store, share one database;
 * every lead is dialed exactly once, no sample of the slots in use is above a limit, and when one
 * dialer dies mid-run (its scheduler stops: no heartbeat, no cleanup) the others take its campaigns
 * over within three heartbeats (plus one poll). Virtual time, driven from one thread as in the
 * testkit's two-dialer test. The lead count is {@value #DEFAULT_LEADS} unless the system property
 * {@code dialkit.multiInstance.leads} says otherwise (the 10,000 takes minutes on a 2-core
 * machine, see the README).
 */
abstract class MultiInstanceTest {
  static final int DEFAULT_LEADS = 1_000;
  static final int DIALERS = 4;
  static final int GLOBAL = 20;
  static final int PER_TENANT = 5;
  static final Duration HEARTBEAT = Duration.ofSeconds(1);
  static final Duration LEASE = HEARTBEAT.multipliedBy(3);
  static final Duration POLL = Duration.ofMillis(250);

  /** Runs the scenario; {@code pools} makes one new pool per dialer on the same, empty schema. */
  static void run(Supplier<DataSource> pools, String prefix) {
    int leadCount = Integer.getInteger("dialkit.multiInstance.leads", DEFAULT_LEADS);
    VirtualClock clock = VirtualClock.at(StoreFixtures.T0);
    ManualScheduler providerScheduler = new ManualScheduler(clock);
    AtomicInteger maxGlobal = new AtomicInteger();
    Map<TenantId, AtomicInteger> maxTenant = new HashMap<>();
    List<String> leaseTakes = new CopyOnWriteArrayList<>();
    SimulatedCallProvider provider =
        SimulatedCallProvider.builder()
            .clock(clock)
            .scheduler(providerScheduler)
            .seed(5)
            .talkTime(Duration.ofSeconds(30), 0.5)
            .build();
    List<CampaignDialer> dialers = new ArrayList<>();
    List<ManualScheduler> schedulers = new ArrayList<>();
    for (int i = 0; i < DIALERS; i++) {
      CampaignStore store =
          watched(
              JdbcCampaignStore.builder(pools.get()).tablePrefix(prefix).build(),
              "d" + i,
              maxGlobal,
              maxTenant,
              leaseTakes);
      ManualScheduler scheduler = new ManualScheduler(clock);
      schedulers.add(scheduler);
      dialers.add(dialer("d" + i, store, provider, clock, scheduler));
    }
    List<CampaignDialer> alive = new CopyOnWriteArrayList<>(dialers);
    AtomicInteger turn = new AtomicInteger();
    provider.connect(
        request ->
            alive
                .get(Math.floorMod(turn.getAndIncrement(), alive.size()))
                .webhooks()
                .handle(request));

    CampaignDialer first = dialers.get(0);
    Map<CampaignId, TenantId> campaigns = new HashMap<>();
    int perCampaign = leadCount / 8;
    int n = 0;
    for (int t = 0; t < 4; t++) {
      TenantId tenant = TenantId.of("multi-" + t);
      for (int c = 0; c < 2; c++) {
        CampaignId id = first.campaigns().create(tenant, spec("m" + t + c));
        List<NewLead> batch = new ArrayList<>();
        for (int i = 0; i < perCampaign; i++) {
          batch.add(NewLead.of(String.format("+1212%07d", 3_000_000 + n++)));
        }
        first.leads().add(tenant, id, batch);
        first.campaigns().start(tenant, id);
        campaigns.put(id, tenant);
      }
    }
    dialers.forEach(CampaignDialer::start);
    CampaignDialer survivor = dialers.get(1);
    List<ManualScheduler> running = new ArrayList<>(schedulers);
    running.add(providerScheduler);
    int total = n;
    SchedulerGroup.runUntil(clock, running, () -> finished(survivor, campaigns) >= total / 2);

    // d0 dies: its scheduler stops, webhooks no longer reach it, nothing is released
    Instant death = clock.instant();
    alive.remove(dialers.get(0));
    running.remove(schedulers.get(0));
    SchedulerGroup.runUntil(
        clock,
        running,
        () ->
            campaigns.entrySet().stream()
                .allMatch(
                    e ->
                        survivor.campaigns().get(e.getValue(), e.getKey()).status()
                            == CampaignStatus.COMPLETED));

    Map<PhoneNumber, Long> perNumber =
        provider.calls().stream()
            .collect(Collectors.groupingBy(SimulatedCall::to, Collectors.counting()));
    assertThat(perNumber).hasSize(total);
    assertThat(perNumber.values()).containsOnly(1L);
    assertThat(maxGlobal.get()).isLessThanOrEqualTo(GLOBAL);
    assertThat(maxTenant.values())
        .allSatisfy(m -> assertThat(m.get()).isLessThanOrEqualTo(PER_TENANT));
    assertThat(provider.maxActiveCalls()).isLessThanOrEqualTo(GLOBAL);

    Map<String, String> holderAtDeath = new HashMap<>();
    Map<String, Instant> takenOver = new HashMap<>();
    for (String take : leaseTakes) {
      String[] f = take.split(" ");
      Instant at = Instant.parse(f[2]);
      if (!at.isAfter(death)) {
        holderAtDeath.put(f[1], f[0]);
      } else if (!f[0].equals("d0")) {
        takenOver.putIfAbsent(f[1], at);
      }
    }
    List<String> heldByDead =
        holderAtDeath.entrySet().stream()
            .filter(e -> e.getValue().equals("d0"))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(heldByDead).isNotEmpty();
    for (String campaign : heldByDead) {
      assertThat(takenOver).containsKey(campaign);
      assertThat(Duration.between(death, takenOver.get(campaign)))
          .isLessThanOrEqualTo(LEASE.plus(POLL));
    }
    for (int i = 1; i < DIALERS; i++) {
      dialers.get(i).close();
    }
  }

  private static long finished(CampaignDialer dialer, Map<CampaignId, TenantId> campaigns) {
    return campaigns.entrySet().stream()
        .mapToLong(e -> dialer.campaigns().progress(e.getValue(), e.getKey()).finished())
        .sum();
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

  /** The store, sampling slots after every successful claim and noting lease takes. */
  private static CampaignStore watched(
      CampaignStore inner,
      String owner,
      AtomicInteger maxGlobal,
      Map<TenantId, AtomicInteger> maxTenant,
      List<String> leaseTakes) {
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
