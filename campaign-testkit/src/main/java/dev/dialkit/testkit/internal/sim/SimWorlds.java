package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.SimulatedCallProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** How a simulated world is made: the provider, each instance's dialer, the fault timeline. */
public final class SimWorlds {
  /** Dialer timings of the simulation: short, so a run covers many leases and rounds. */
  public static final Duration POLL = Duration.ofSeconds(1);

  public static final Duration HEARTBEAT = Duration.ofSeconds(1);
  public static final Duration LEASE = Duration.ofSeconds(3);
  public static final Duration WATCHDOG = Duration.ofSeconds(2);
  public static final Duration PERMIT_TIMEOUT = Duration.ofSeconds(1);

  /** How long recovery waits after a call's sender could last have sent it, to ask the provider. */
  public static final Duration RECONCILE_DELAY = Duration.ofSeconds(3);

  private SimWorlds() {}

  public static SimulatedCallProvider provider(SimWorld world, long seed, boolean faults) {
    var b =
        SimulatedCallProvider.builder()
            .clock(world.clock())
            .scheduler(world.providerScheduler())
            .seed(seed)
            .ringTime(Duration.ofSeconds(1), Duration.ofSeconds(8))
            .talkTime(Duration.ofSeconds(8), 0.6)
            .apiLatency(Duration.ofMillis(100))
            .webhookDelay(Duration.ofMillis(20), Duration.ofMillis(400))
            // a provider on a blocking client: its answers are recorded from the dialer's
            // scheduler, after the send, where a crash or a freeze can fall in between
            .synchronousAnswers(synchronousAnswers(seed));
    if (faults) {
      b.duplicateProbability(0.1)
          .reorderProbability(0.1)
          .lossProbability(0.05)
          .lateWebhooks(0.03, Duration.ofMinutes(3))
          .placeFailures(0.04, 0.03)
          // each instance keeps to this rate on its own, so together they overrun it: 429s
          .callsPerSecondLimit(2);
    }
    return b.build();
  }

  /** Whether the provider of run {@code seed} answers synchronously: one seed in four. */
  private static boolean synchronousAnswers(long seed) {
    return Math.floorMod(seed, 4) == 3;
  }

  /** A dialer for one life of {@code who}, on its view of the store and of the provider. */
  public static CampaignDialer dialer(
      SimInstance who,
      CampaignStore view,
      SimulatedCallProvider provider,
      SimWorld world,
      int global,
      int perTenant) {
    return dialer(who, view, provider, world, global, perTenant, AttemptCaps.NONE);
  }

  /** As above, under attempt caps {@code caps} for every tenant. */
  public static CampaignDialer dialer(
      SimInstance who,
      CampaignStore view,
      SimulatedCallProvider provider,
      SimWorld world,
      int global,
      int perTenant,
      AttemptCaps caps) {
    return CampaignDialer.builder()
        .attemptCaps(caps)
        .store(view)
        .provider(new InstanceProvider(provider, who))
        .concurrency(ConcurrencyPolicy.builder().global(global).perTenant(perTenant).build())
        .clock(new SkewedClock(world.clock(), who.skew()))
        .scheduler(who.scheduler())
        .listenerExecutor(who.scheduler())
        .instanceId(who.dialerId())
        .pollInterval(POLL)
        .heartbeatInterval(HEARTBEAT)
        .leaseTtl(LEASE)
        .watchdogInterval(WATCHDOG)
        .watchdogGrace(Duration.ofSeconds(20))
        .reconcileDelay(RECONCILE_DELAY)
        .permitTimeout(PERMIT_TIMEOUT)
        .recoveryGrace(Duration.ofSeconds(2))
        .statusQueriesPerSecond(20)
        .placeRetryDelay(Duration.ofSeconds(5))
        .hookRetryDelay(Duration.ofSeconds(5))
        .build();
  }

  /** Puts the plan's timeline faults on the world's timeline, at moments the seed picks. */
  public static void planFaults(SimWorld world) {
    var plan = world.plan();
    var random = world.random();
    long window = Math.max(1, plan.faultWindow().toMillis());
    List<SimInstance> instances = world.instances();
    for (int i = 0; i < plan.freezes(); i++) {
      SimInstance who = instances.get(random.nextInt(instances.size()));
      Duration freeze = world.randomFreeze();
      world
          .timeline()
          .schedule(
              () -> {
                world.stats().freezes++;
                who.freeze(world.clock().instant().plus(freeze));
              },
              Duration.ofMillis(random.nextLong(window)));
    }
    for (int i = 0; i < plan.crashes(); i++) {
      SimInstance who = instances.get(random.nextInt(instances.size()));
      Duration restart = world.randomRestartDelay();
      world
          .timeline()
          .schedule(
              () -> {
                world.stats().crashes++;
                world.crash(who, restart);
              },
              Duration.ofMillis(random.nextLong(window)));
    }
    for (int i = 0; i < plan.outages(); i++) {
      long max = Math.max(1, plan.maxOutage().toMillis());
      Duration length = Duration.ofMillis(1 + random.nextLong(max));
      world
          .timeline()
          .schedule(
              () -> world.outage(world.clock().instant().plus(length)),
              Duration.ofMillis(random.nextLong(window)));
    }
  }

  /** The fault window closed: nothing fails any more, every instance thaws or restarts. */
  public static void calm(SimWorld world) {
    world.faults(false);
    Instant now = world.clock().instant();
    for (SimInstance who : world.instances()) {
      if (who.isDown()) {
        world.restart(who);
      } else {
        who.freeze(now);
      }
    }
  }

  /**
   * Whether the world has settled: every campaign finished or paused, no call in progress in the
   * store or at the provider. Asked at most every 5 s of virtual time, to spare a real database.
   */
  public static BooleanSupplier settled(
      SimWorld world, CampaignStore store, List<SimCampaign> campaigns) {
    return settled(world, store, campaigns, false);
  }

  /**
   * As {@link #settled(SimWorld, CampaignStore, List)}; with {@code capsOn}, a running campaign
   * whose only queued leads are held back by an attempt cap counts as settled: they are due hours
   * later, by design.
   */
  public static BooleanSupplier settled(
      SimWorld world, CampaignStore store, List<SimCampaign> campaigns, boolean capsOn) {
    Instant[] next = {Instant.MIN};
    return () -> {
      Instant now = world.clock().instant();
      if (now.isBefore(next[0])) {
        return false;
      }
      next[0] = now.plusSeconds(5);
      if (world.provider().activeCalls() > 0) {
        return false;
      }
      for (SimCampaign c : campaigns) {
        var campaign = store.findCampaign(c.tenant(), c.id()).orElseThrow();
        CampaignStatus s = campaign.status();
        if (s == CampaignStatus.SCHEDULED
            || (s == CampaignStatus.RUNNING && !(capsOn && onlyCapHeld(store, c)))) {
          return false;
        }
        if (!store.findActiveCalls(c.tenant(), c.id()).isEmpty()) {
          return false;
        }
      }
      return true;
    };
  }

  /** Whether the lead is queued with an attempt-cap hold. */
  public static boolean capHold(Lead lead) {
    return lead.state() == LeadState.QUEUED
        && (lead.hold() == LeadHold.ROLLING_24_HOUR_CAP
            || lead.hold() == LeadHold.CALENDAR_DAY_CAP);
  }

  private static boolean onlyCapHeld(CampaignStore store, SimCampaign c) {
    for (Lead lead : leads(store, c.tenant(), c.id())) {
      if (lead.state() == LeadState.IN_PROGRESS
          || (lead.state() == LeadState.QUEUED && !capHold(lead))) {
        return false;
      }
    }
    return true;
  }

  /** Every lead of the campaign as the store holds it, read page by page. */
  static List<Lead> leads(
      CampaignStore store,
      dev.dialkit.campaign.TenantId tenant,
      dev.dialkit.campaign.CampaignId id) {
    List<Lead> all = new java.util.ArrayList<>();
    long cursor = 0;
    while (true) {
      var page = store.listLeads(tenant, id, PageRequest.after(cursor, PageRequest.MAX_LIMIT));
      if (page.items().isEmpty()) {
        return all;
      }
      all.addAll(page.items());
      cursor = page.nextCursor();
    }
  }
}
