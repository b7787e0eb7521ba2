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
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.Lease;
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

/**
 * Several dialer instances on one database, in virtual time, driven from one thread: every lead
 * must be dialed exactly once, no limit may ever be exceeded (sampled after every claim), and when
 * the first instance dies half-way (its scheduler stops, its webhooks go elsewhere, nothing is
 * released) the others must take over every campaign it held within three heartbeats plus one poll,
 * and finish them.
 *
 * <p>Used by the store compliance suite (two dialers on the store under test) and by the stores'
 * own multi-instance tests (one connection pool per dialer).
 */
public final class MultiDialerScenario {
  public static final Duration HEARTBEAT = Duration.ofSeconds(1);
  public static final Duration LEASE = HEARTBEAT.multipliedBy(3);
  public static final Duration POLL = Duration.ofMillis(250);

  private MultiDialerScenario() {}

  /**
   * Runs the scenario.
   *
   * @param storePerDialer the store each dialer gets: the same object, or one per dialer on one
   *     database
   * @param dialers instances, >= 2
   * @param tenants tenants, each with two campaigns
   * @param leads leads over all campaigns
   * @param global the global concurrency limit
   * @param perTenant the per-tenant concurrency limit
   */
  public static void run(
      Supplier<CampaignStore> storePerDialer,
      int dialers,
      int tenants,
      int leads,
      int global,
      int perTenant) {
    VirtualClock clock = VirtualClock.at(StoreFixtures.T0);
    ManualScheduler providerScheduler = new ManualScheduler(clock);
    AtomicInteger maxGlobal = new AtomicInteger();
    Map<TenantId, AtomicInteger> maxTenant = new HashMap<>();
    List<LeaseTake> leaseTakes = new CopyOnWriteArrayList<>();
    SimulatedCallProvider provider =
        SimulatedCallProvider.builder()
            .clock(clock)
            .scheduler(providerScheduler)
            .seed(11)
            .talkTime(Duration.ofSeconds(30), 0.5)
            .build();
    List<CampaignDialer> all = new ArrayList<>();
    List<ManualScheduler> schedulers = new ArrayList<>();
    for (int i = 0; i < dialers; i++) {
      String id = "d" + i;
      CampaignStore store = watched(storePerDialer.get(), maxGlobal, maxTenant, leaseTakes, clock);
      ManualScheduler scheduler = new ManualScheduler(clock);
      schedulers.add(scheduler);
      all.add(dialer(id, store, provider, clock, scheduler, global, perTenant));
    }
    // webhooks reach any live instance, as behind a load balancer
    List<CampaignDialer> alive = new CopyOnWriteArrayList<>(all);
    AtomicInteger turn = new AtomicInteger();
    provider.connect(
        request ->
            alive
                .get(Math.floorMod(turn.getAndIncrement(), alive.size()))
                .webhooks()
                .handle(request));

    CampaignDialer first = all.get(0);
    Map<CampaignId, TenantId> campaigns = new HashMap<>();
    int perCampaign = leads / (tenants * 2);
    int n = 0;
    for (int t = 0; t < tenants; t++) {
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
    all.forEach(CampaignDialer::start);
    CampaignDialer survivor = all.get(1);
    List<ManualScheduler> running = new ArrayList<>(schedulers);
    running.add(providerScheduler);
    int total = n;
    SchedulerGroup.runUntil(clock, running, () -> finished(survivor, campaigns) >= total / 2);

    // the first dialer dies: its scheduler stops, webhooks no longer reach it, nothing is released
    Instant death = clock.instant();
    alive.remove(first);
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

    Map<PhoneNumber, Long> callsPerNumber =
        provider.calls().stream()
            .collect(Collectors.groupingBy(SimulatedCall::to, Collectors.counting()));
    assertThat(callsPerNumber).hasSize(total);
    assertThat(callsPerNumber.values()).as("every lead dialed exactly once").containsOnly(1L);
    assertThat(maxGlobal.get()).isLessThanOrEqualTo(global);
    assertThat(maxTenant.values())
        .allSatisfy(m -> assertThat(m.get()).isLessThanOrEqualTo(perTenant));
    assertThat(provider.maxActiveCalls()).isLessThanOrEqualTo(global);

    Map<CampaignId, String> holderAtDeath = new HashMap<>();
    Map<CampaignId, Instant> takenOver = new HashMap<>();
    for (LeaseTake take : leaseTakes) {
      if (!take.at().isAfter(death)) {
        holderAtDeath.put(take.campaign(), take.owner());
      } else if (!take.owner().equals("d0")) {
        takenOver.putIfAbsent(take.campaign(), take.at());
      }
    }
    List<CampaignId> heldByDead =
        holderAtDeath.entrySet().stream()
            .filter(e -> e.getValue().equals("d0"))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(heldByDead).as("the first dialer held campaigns when it died").isNotEmpty();
    for (CampaignId campaign : heldByDead) {
      assertThat(takenOver).containsKey(campaign);
      assertThat(Duration.between(death, takenOver.get(campaign)))
          .as("taken over within three heartbeats and a poll")
          .isLessThanOrEqualTo(LEASE.plus(POLL));
    }
    for (CampaignDialer dialer : all.subList(1, all.size())) {
      dialer.close();
    }
  }

  private record LeaseTake(String owner, CampaignId campaign, Instant at) {}

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
      ManualScheduler scheduler,
      int global,
      int perTenant) {
    return CampaignDialer.builder()
        .store(store)
        .provider(provider)
        .concurrency(ConcurrencyPolicy.builder().global(global).perTenant(perTenant).build())
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
      List<LeaseTake> leaseTakes,
      VirtualClock clock) {
    return WatchedStore.watch(
        inner,
        call -> {
          boolean claimed =
              (call.method().equals("claimNext") && call.result() instanceof ClaimResult.Claimed)
                  || (call.method().equals("claimBatch")
                      && call.result() instanceof BatchClaimResult batch
                      && !batch.isEmpty());
          if (claimed) {
            ClaimRequest request =
                call.arg(0) instanceof BatchClaimRequest batch
                    ? batch.request()
                    : (ClaimRequest) call.arg(0);
            var usage = inner.slotUsage(request.tenant(), request.campaignId());
            maxGlobal.accumulateAndGet(usage.global(), Math::max);
            synchronized (maxTenant) {
              maxTenant
                  .computeIfAbsent(request.tenant(), t -> new AtomicInteger())
                  .accumulateAndGet(usage.tenant(), Math::max);
            }
          }
          if (call.method().equals("tryLease")
              && call.result() instanceof java.util.Optional<?> lease
              && lease.isPresent()
              && ((Lease) lease.get()).isHeldBy((String) call.arg(1), (Instant) call.arg(3))) {
            leaseTakes.add(
                new LeaseTake(
                    (String) call.arg(1), (CampaignId) call.arg(0), (Instant) call.arg(3)));
          }
        });
  }
}
