package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.FaultPlan;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.ScheduledTaskFailure;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * The simulated deployment: several dialer instances on one store and one provider, one virtual
 * clock, and a world timeline (faults, operator actions), all driven task by task from one thread.
 * At each instant the next task comes from a scheduler picked by the seed, so instances interleave;
 * inside store operations the world may strike (see {@link FaultyStore}). Everything random comes
 * from the seed, so a run is repeatable.
 */
public final class SimWorld {
  /** Tasks at one instant before the world calls it a livelock. */
  private static final int MAX_TASKS_PER_INSTANT = 200_000;

  /** Something the world does around a store operation, for directed scenarios. */
  @FunctionalInterface
  public interface OpHook {
    /**
     * Called before ({@code result == null && !after}) and after each store operation of a living
     * instance, at nesting depth 0 only.
     */
    void on(SimInstance who, String op, boolean after, Object[] args, Object result);
  }

  private final SplittableRandom random;
  private final FaultPlan plan;
  private final VirtualClock clock;
  private final ManualScheduler timeline;
  private final ManualScheduler providerScheduler;
  private final List<SimInstance> instances = new ArrayList<>();
  private final Deque<ManualScheduler> running = new ArrayDeque<>();
  private final List<String> violations = new ArrayList<>();
  private final List<OpHook> hooks = new ArrayList<>();
  private final SimStats stats = new SimStats();
  private SimulatedCallProvider provider;
  private SimOperator operator;
  private SimSuppressor suppressor;
  private CampaignStore store;
  private boolean faultsOn;
  private Instant outageUntil;
  private int nesting;

  public SimWorld(long seed, FaultPlan plan, VirtualClock clock) {
    this.random = new SplittableRandom(seed);
    this.plan = plan;
    this.clock = clock;
    this.timeline = new ManualScheduler(clock);
    this.providerScheduler = new ManualScheduler(clock);
  }

  public VirtualClock clock() {
    return clock;
  }

  public FaultPlan plan() {
    return plan;
  }

  public SplittableRandom random() {
    return random;
  }

  /** The scheduler of the world's own events (faults, operator actions). */
  public ManualScheduler timeline() {
    return timeline;
  }

  public ManualScheduler providerScheduler() {
    return providerScheduler;
  }

  public SimStats stats() {
    return stats;
  }

  public List<SimInstance> instances() {
    return instances;
  }

  public List<String> violations() {
    return violations;
  }

  public void violation(String what) {
    violations.add(clock.instant() + ": " + what);
  }

  public void operator(SimOperator operator) {
    this.operator = operator;
  }

  /** The compliance officer (directed scenarios suppress numbers through it). */
  public SimSuppressor suppressor() {
    return suppressor;
  }

  public void suppressor(SimSuppressor suppressor) {
    this.suppressor = suppressor;
  }

  /** The shared store itself, unwrapped: for checks, never for an instance's work. */
  public CampaignStore store() {
    return store;
  }

  public void store(CampaignStore store) {
    this.store = store;
  }

  /** Records that a pause or cancel returns when {@code stage} completes (directed scenarios). */
  public void recordStop(
      dev.dialkit.campaign.CampaignId campaign,
      java.util.concurrent.CompletionStage<?> stage,
      String how) {
    operator.recordStop(campaign, stage, how);
  }

  /** Adds a hook run around store operations (directed scenarios). */
  public void onOp(OpHook hook) {
    hooks.add(hook);
  }

  /**
   * Connects the provider; its webhooks go to a random living instance, as a load balancer does.
   */
  public void connect(SimulatedCallProvider provider) {
    this.provider = provider;
    provider.connect(
        request -> {
          List<SimInstance> up = new ArrayList<>();
          for (SimInstance i : instances) {
            if (i.runnable() && !running.contains(i.scheduler())) {
              up.add(i);
            }
          }
          if (up.isEmpty()) {
            stats.webhooksUnanswered++;
            return new WebhookResponse(503, "text/plain", "no instance up");
          }
          SimInstance target = up.get(random.nextInt(up.size()));
          try {
            return target.handle(request);
          } catch (InstanceCrashed e) {
            return new WebhookResponse(503, "text/plain", "instance died");
          }
        });
  }

  public SimulatedCallProvider provider() {
    return provider;
  }

  /** Adds an instance whose lives are built by {@code dialers}; not started. */
  public SimInstance addInstance(
      Duration skew,
      BiFunction<SimInstance, CampaignStore, CampaignDialer> dialers,
      CampaignStore shared) {
    SimInstance[] self = new SimInstance[1];
    self[0] =
        new SimInstance(
            instances.size(), clock, skew, who -> dialers.apply(who, who.storeView(shared, this)));
    instances.add(self[0]);
    return self[0];
  }

  public void faults(boolean on) {
    faultsOn = on;
    if (!on) {
      outageUntil = null;
    }
  }

  /** A store outage from now until {@code until}. */
  public void outage(Instant until) {
    outageUntil = until;
    stats.outages++;
  }

  // ---------------------------------------------------------------- driving

  /**
   * Runs until {@code done} (asked once per instant, after everything due then has run) or until
   * the clock would pass {@code end}.
   *
   * @return whether {@code done} became true
   */
  public boolean runUntil(Instant end, BooleanSupplier done) {
    while (true) {
      int ran = 0;
      while (step()) {
        if (++ran > MAX_TASKS_PER_INSTANT) {
          violation("livelock: more than " + MAX_TASKS_PER_INSTANT + " tasks at one instant");
          return false;
        }
      }
      if (done.getAsBoolean()) {
        return true;
      }
      Instant next = nextInstant();
      if (next == null || next.isAfter(end)) {
        if (end.isAfter(clock.instant())) {
          clock.set(end);
        }
        return done.getAsBoolean();
      }
      clock.set(next);
    }
  }

  /** Runs one due task of a scheduler picked by the seed; false if none is due now. */
  private boolean step() {
    List<ManualScheduler> ready = new ArrayList<>();
    addIfDue(ready, timeline);
    addIfDue(ready, providerScheduler);
    for (SimInstance i : instances) {
      if (i.runnable()) {
        addIfDue(ready, i.scheduler());
      }
    }
    if (ready.isEmpty()) {
      return false;
    }
    run(ready.get(random.nextInt(ready.size())));
    return true;
  }

  private void addIfDue(List<ManualScheduler> ready, ManualScheduler s) {
    if (s != null && s.hasDue() && !running.contains(s)) {
      ready.add(s);
    }
  }

  private void run(ManualScheduler s) {
    running.push(s);
    try {
      s.runOne();
      stats.tasks++;
      if (s == timeline) {
        stats.timelineTasks++;
      } else if (s == providerScheduler) {
        stats.providerTasks++;
      }
    } catch (ScheduledTaskFailure f) {
      Throwable cause = f.getCause();
      if (!(cause instanceof InstanceCrashed)) {
        violation("a task threw " + cause);
        stats.taskFailures.add(cause);
      }
    } finally {
      running.pop();
    }
  }

  private Instant nextInstant() {
    Instant next = earliest(null, nextDue(timeline));
    next = earliest(next, nextDue(providerScheduler));
    for (SimInstance i : instances) {
      if (!running.contains(i.scheduler())) {
        next = earliest(next, i.nextRunnable());
      }
    }
    return next;
  }

  private Instant nextDue(ManualScheduler s) {
    return running.contains(s) ? null : s.nextDue();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  // ---------------------------------------------------------------- faults in store operations

  void beforeOp(SimInstance who, int life, String op, Object[] args) {
    stats.storeOps++;
    if (nesting > 0) {
      outageStrikes(op, false);
      return;
    }
    for (OpHook hook : hooks) {
      hook.on(who, op, false, args, null);
    }
    who.checkAlive(life);
    outageStrikes(op, false);
    if (!faultsOn) {
      return;
    }
    if (random.nextDouble() < plan.storeFailBefore()) {
      stats.failedBefore++;
      throw new StoreException("simulated: " + op + " failed before reaching the store", true);
    }
    if (random.nextDouble() < plan.interleave()) {
      // this thread is slow here: whatever else is due in the next few hundred milliseconds runs
      stats.interleavings++;
      stall(who, life, Duration.ofMillis(1 + random.nextInt(300)));
    }
    strikeInstance(who, life, op);
  }

  void afterOp(SimInstance who, int life, String op, Object[] args, Object result) {
    if (operator != null) {
      operator.committed(op, result);
    }
    if (nesting > 0) {
      outageStrikes(op, true);
      return;
    }
    for (OpHook hook : hooks) {
      hook.on(who, op, true, args, result);
    }
    who.checkAlive(life);
    outageStrikes(op, true);
    if (!faultsOn) {
      return;
    }
    if (random.nextDouble() < plan.storeAckLost()) {
      stats.ackLost++;
      throw new StoreException("simulated: " + op + " committed, but its answer was lost", true);
    }
    strikeInstance(who, life, op);
  }

  /**
   * During an outage every operation fails: almost all before reaching the store, and one in ten of
   * those that reach it after committing (the connection broke while the answer was on its way).
   */
  private void outageStrikes(String op, boolean after) {
    if (outageUntil == null || !clock.instant().isBefore(outageUntil)) {
      return;
    }
    if (!after || random.nextInt(10) == 0) {
      throw new StoreException(
          "simulated outage: " + op + (after ? " committed, answer lost" : " failed"), true);
    }
  }

  private void strikeInstance(SimInstance who, int life, String op) {
    if (random.nextDouble() < plan.freezeInOperation()) {
      freezeHere(who, life, randomFreeze());
    }
    if (random.nextDouble() < plan.crashInOperation()) {
      stats.crashes++;
      crash(who, randomRestartDelay());
      throw new InstanceCrashed(who.name() + " in " + op);
    }
  }

  /** Lets other instances, the provider and the timeline run {@code tasks} tasks, now. */
  public void interleave(int tasks) {
    nesting++;
    try {
      for (int i = 0; i < tasks && step(); i++) {
        // run them one by one, at this instant
      }
    } finally {
      nesting--;
    }
  }

  /**
   * Freezes {@code who} right here, inside whatever it is doing, for {@code freeze}: the rest of
   * the world runs meanwhile, and the clock moves on.
   */
  public void freezeHere(SimInstance who, int life, Duration freeze) {
    stats.freezes++;
    stall(who, life, freeze);
  }

  private void stall(SimInstance who, int life, Duration freeze) {
    Instant until = clock.instant().plus(freeze);
    who.freeze(until);
    nesting++;
    try {
      runUntil(until, () -> false);
    } finally {
      nesting--;
    }
    who.checkAlive(life);
  }

  /** Kills {@code who} now and restarts it after {@code restartAfter} (never, if null). */
  public void crash(SimInstance who, Duration restartAfter) {
    if (who.isDown()) {
      return;
    }
    who.crash();
    if (restartAfter != null) {
      timeline.schedule(() -> restart(who), restartAfter);
    }
  }

  /** Starts a new life of a dead instance, with its old id or a new one (the seed decides). */
  public void restart(SimInstance who) {
    if (!who.isDown()) {
      return;
    }
    String id =
        random.nextBoolean()
            ? "i" + who.index()
            : "i" + who.index() + "-life" + (who.incarnation() + 1);
    who.start(id);
  }

  Duration randomFreeze() {
    long max = Math.max(1, plan.maxFreeze().toMillis());
    return Duration.ofMillis(100 + random.nextLong(max));
  }

  Duration randomRestartDelay() {
    return Duration.ofMillis(500 + random.nextLong(15_000));
  }

  /** Whether a scheduler of {@code who}'s current life is running a task right now. */
  boolean isRunning(SimInstance who) {
    return running.contains(who.scheduler());
  }
}
