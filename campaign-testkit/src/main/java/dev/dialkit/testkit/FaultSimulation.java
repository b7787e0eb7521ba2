package dev.dialkit.testkit;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.internal.sim.ComplianceChecks;
import dev.dialkit.testkit.internal.sim.SimCampaign;
import dev.dialkit.testkit.internal.sim.SimInvariants;
import dev.dialkit.testkit.internal.sim.SimOperator;
import dev.dialkit.testkit.internal.sim.SimSuppressor;
import dev.dialkit.testkit.internal.sim.SimWorld;
import dev.dialkit.testkit.internal.sim.SimWorlds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The deterministic fault simulator: one seed drives several dialer instances sharing one store,
 * the simulated provider, the virtual clock and a {@link FaultPlan} — instances frozen longer than
 * their lease (between tasks and inside store operations), killed and restarted with their memory
 * lost, store operations failing before or after they commit, store outages, webhooks lost,
 * duplicated, reordered and delayed past the watchdog, create requests refused or timing out after
 * they were acted on, clock skew between instances, and an operator pausing, resuming, canceling
 * and adding leads at random moments. One seed in four has a provider that answers its API requests
 * synchronously (a stage already complete when {@code place} returns, as on a blocking client), so
 * an instance may die between a send and the recording of its answer. When the fault window closes
 * the world settles (everything thaws and restarts, nothing fails any more) and the guarantees are
 * checked from the provider's own record and the store (see {@link SimulationReport#violations()}).
 *
 * <pre>{@code
 * SimulationReport report =
 *     FaultSimulation.builder().seed(42).store(CampaignStore::inMemory).build().run();
 * assertThat(report.violations()).as(report.rerun()).isEmpty();
 * }</pre>
 *
 * <p>Everything runs on the calling thread; the same seed, plan and store kind replay the same run.
 */
public final class FaultSimulation {
  /** The instant every simulation starts at. */
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** With compliance on: numbers every campaign dials (both tenants). */
  static final int SHARED_NUMBERS = 4;

  /** With compliance on and no fault window: suppressions happen within this first stretch. */
  static final Duration QUIET_WINDOW = Duration.ofMinutes(3);

  /** How long the world may take to settle after the fault window before that is a violation. */
  public static final Duration SETTLE_WITHIN = Duration.ofHours(3);

  private final long seed;
  private final FaultPlan plan;
  private final Supplier<CampaignStore> stores;
  private final Consumer<CampaignStore> close;
  private final String rerun;
  private final Consumer<SimWorld> directions;
  private final int global;
  private final int perTenant;
  private final AttemptCaps caps;
  private final int suppressions;

  private FaultSimulation(Builder b) {
    this.caps = b.caps;
    this.suppressions = b.suppressions;
    this.seed = b.seed;
    this.plan = b.plan;
    this.stores = b.stores;
    this.close = b.close;
    this.rerun = b.rerun.replace("{seed}", Long.toString(b.seed));
    this.directions = b.directions;
    this.global = b.global;
    this.perTenant = b.perTenant;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the simulation and checks the guarantees; never throws for a violation. */
  public SimulationReport run() {
    VirtualClock clock = VirtualClock.at(START);
    SimWorld world = new SimWorld(seed, plan, clock);
    CampaignStore store = stores.get();
    try {
      return run(world, store);
    } finally {
      close.accept(store);
    }
  }

  private SimulationReport run(SimWorld world, CampaignStore store) {
    var random = world.random();
    world.store(store);
    int drawnGlobal = 2 + random.nextInt(4);
    int drawnTenant = 1 + random.nextInt(Math.min(3, drawnGlobal));
    int global = this.global > 0 ? this.global : drawnGlobal;
    int perTenant = this.perTenant > 0 ? this.perTenant : drawnTenant;
    SimulatedCallProvider provider = SimWorlds.provider(world, seed, plan.providerFaults());
    for (int i = 0; i < plan.instances(); i++) {
      long skewMs = plan.maxSkew().toMillis();
      Duration skew =
          skewMs == 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(-skewMs, skewMs + 1));
      world.addInstance(
          skew,
          (who, view) ->
              SimWorlds.dialer(
                  who,
                  view,
                  provider,
                  world,
                  global,
                  perTenant,
                  caps == null ? AttemptCaps.NONE : caps),
          store);
    }
    world.connect(provider);
    world.instances().get(0).start("i0");

    List<SimCampaign> campaigns = new ArrayList<>();
    TenantId[] tenants = {TenantId.of("sim-a"), TenantId.of("sim-b")};
    SimOperator operator = null;
    int number = 0;
    CampaignDialer first = world.instances().get(0).dialer();
    List<List<PhoneNumber>> initial = new ArrayList<>();
    // with compliance on, every campaign also dials a small pool of shared numbers: the caps count
    // across campaigns, and a suppression must hold in all of them
    List<PhoneNumber> shared = new ArrayList<>();
    if (caps != null) {
      for (int n = 0; n < SHARED_NUMBERS; n++) {
        shared.add(PhoneNumber.of(String.format("+1212%07d", 2_000_000 + number++)));
      }
    }
    for (int k = 0; k < 3; k++) {
      TenantId tenant = tenants[k == 2 ? 1 : 0];
      int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : Integer.MAX_VALUE;
      CampaignId id = CampaignId.of("sim-c" + k);
      store.createCampaign(Campaign.draft(id, tenant, spec(k, limit), world.clock().instant()));
      campaigns.add(new SimCampaign(tenant, id, limit));
      List<NewLead> leads = new ArrayList<>();
      List<PhoneNumber> numbers = new ArrayList<>();
      for (PhoneNumber phone : shared) {
        numbers.add(phone);
        leads.add(NewLead.of(phone.e164()));
      }
      int count = caps != null ? 2 + random.nextInt(5) : 8 + random.nextInt(13);
      for (int n = 0; n < count; n++) {
        PhoneNumber phone = PhoneNumber.of(String.format("+1212%07d", 2_000_000 + number++));
        numbers.add(phone);
        leads.add(NewLead.of(phone.e164()));
      }
      first.leads().add(tenant, id, leads);
      initial.add(numbers);
    }
    operator = new SimOperator(world, campaigns, number);
    world.operator(operator);
    for (int k = 0; k < campaigns.size(); k++) {
      operator.accepted(campaigns.get(k).id(), initial.get(k));
      first.campaigns().start(campaigns.get(k).tenant(), campaigns.get(k).id());
    }
    for (int i = 1; i < plan.instances(); i++) {
      world.instances().get(i).start("i" + i);
    }
    SimWorlds.planFaults(world);
    operator.plan(plan.operatorActions(), plan.faultWindow());
    SimSuppressor suppressor = new SimSuppressor(world, List.of(tenants), shared);
    world.suppressor(suppressor);
    if (caps != null && suppressions > 0) {
      suppressor.plan(
          suppressions, plan.faultWindow().isZero() ? QUIET_WINDOW : plan.faultWindow());
    }
    directions.accept(world);

    Instant windowEnd = START.plus(plan.faultWindow());
    world.faults(!plan.faultWindow().isZero());
    world.runUntil(windowEnd, () -> false);
    SimWorlds.calm(world);
    boolean settled =
        world.runUntil(
            windowEnd.plus(SETTLE_WITHIN),
            SimWorlds.settled(world, store, campaigns, caps != null));
    List<String> violations = new ArrayList<>(world.violations());
    if (!settled) {
      violations.add("the world did not settle within " + SETTLE_WITHIN + " after the faults");
    }
    ComplianceChecks compliance =
        caps == null
            ? null
            : new ComplianceChecks(store, List.of(tenants), caps, SimWorlds.PERMIT_TIMEOUT);
    Instant now = world.clock().instant();
    SimInvariants invariants =
        new SimInvariants(provider, store, campaigns, operator, global, perTenant, compliance, now);
    violations.addAll(invariants.check());
    if (compliance != null) {
      violations.addAll(compliance.check(provider.calls(), suppressor.suppressed(), now));
    }
    return new SimulationReport(
        seed,
        violations,
        world.stats().toString()
            + "; "
            + provider.requests().size()
            + " requests, "
            + provider.calls().size()
            + " calls; limits "
            + global
            + "/"
            + perTenant
            + (caps == null
                ? ""
                : "; "
                    + suppressor.suppressed().size()
                    + " opt-outs, "
                    + invariants.capHeld()
                    + " leads held by caps at the end"),
        rerun);
  }

  private static CampaignSpec spec(int k, int limit) {
    CampaignSpec.Builder spec =
        CampaignSpec.builder()
            .name("simulated " + k)
            .agent(Agent.answerUrl("https://agent.example/answer"))
            .callerIds("+14155550199")
            .ringTimeout(Duration.ofSeconds(20))
            .maxCallDuration(Duration.ofMinutes(2))
            .retry(RetryPolicy.noAnswerAndBusy(2, Duration.ofSeconds(20)));
    if (limit != Integer.MAX_VALUE) {
      spec.maxConcurrentCalls(limit);
    }
    return spec.build();
  }

  /** Builds a {@link FaultSimulation}. */
  public static final class Builder {
    private long seed;
    private FaultPlan plan = FaultPlan.standard();
    private Supplier<CampaignStore> stores = CampaignStore::inMemory;
    private Consumer<CampaignStore> close = s -> {};
    private String rerun = "seed {seed}";
    private Consumer<SimWorld> directions = w -> {};
    private int global;
    private int perTenant;
    private AttemptCaps caps;
    private int suppressions;

    private Builder() {}

    /**
     * Turns the compliance adversary on: every campaign (of both tenants) also dials {@value
     * #SHARED_NUMBERS} shared numbers, every instance dials under {@code caps}, and {@code
     * suppressions} times during the fault window (the first three minutes if there is none) a
     * shared number is put on a tenant's do-not-call list through a random instance. Checked in
     * addition: no number called more often than the caps allow, none called after its suppression
     * returned (plus the permit timeout), every lead a cap holds back held for a reason.
     */
    public Builder compliance(AttemptCaps caps, int suppressions) {
      this.caps = Objects.requireNonNull(caps, "caps");
      if (suppressions < 0) {
        throw new IllegalArgumentException("suppressions must be >= 0, was " + suppressions);
      }
      this.suppressions = suppressions;
      return this;
    }

    /**
     * The concurrency limits; by default the seed draws them (global 2 to 5, per tenant 1 to 3).
     */
    public Builder limits(int global, int perTenant) {
      if (global < 1 || perTenant < 1) {
        throw new IllegalArgumentException(
            "limits must be >= 1, were " + global + ", " + perTenant);
      }
      this.global = global;
      this.perTenant = perTenant;
      return this;
    }

    /** The seed: everything random in the run comes from it. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** What goes wrong; default {@link FaultPlan#standard()}. */
    public Builder plan(FaultPlan plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }

    /**
     * A fresh, empty store for one run, shared by every instance; default in-memory. {@code close}
     * releases it after the run.
     */
    public Builder store(Supplier<CampaignStore> stores, Consumer<CampaignStore> close) {
      this.stores = Objects.requireNonNull(stores, "stores");
      this.close = Objects.requireNonNull(close, "close");
      return this;
    }

    public Builder store(Supplier<CampaignStore> stores) {
      return store(stores, s -> {});
    }

    /**
     * The command that reruns this simulation, printed with every failure; {@code {seed}} is
     * replaced by the seed.
     */
    public Builder rerun(String command) {
      this.rerun = Objects.requireNonNull(command, "command");
      return this;
    }

    /**
     * Directions for a directed scenario, given the world before it runs (hooks around store
     * operations, scheduled events). For the testkit's own scenarios; no compatibility promise.
     */
    public Builder directions(Consumer<SimWorld> directions) {
      this.directions = Objects.requireNonNull(directions, "directions");
      return this;
    }

    public FaultSimulation build() {
      return new FaultSimulation(this);
    }
  }
}
