package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.testkit.FaultPlan;
import dev.dialkit.testkit.FaultSimulation;
import dev.dialkit.testkit.SimulatedCall;
import dev.dialkit.testkit.SimulationReport;
import dev.dialkit.testkit.internal.sim.SimInstance;
import dev.dialkit.testkit.internal.sim.SimWorld;
import dev.dialkit.testkit.internal.sim.SimWorlds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator has teeth: for each failure found adversarially before the exactly-once work, a
 * directed scenario built from the fault simulator finds it when the safeguard that prevents it is
 * switched off ({@link Switches}, used only here), and finds nothing with it on. A safeguard of the
 * separate dial permit (the path a pre-dial hook takes) is switched off with the permits carried by
 * claims turned off too, so that the scenario reaches it; the safe half then runs on both paths.
 */
class SimulatorTeethTest {
  private static final long SEED = 7;

  @AfterEach
  void safeguardsBackOn() {
    Switches.reset();
  }

  // ---------------------------------------------------------------- fencing

  /**
   * Instance A claims a lead and freezes longer than its lease before sending. B takes the campaign
   * over, releases A's unsent call and dials the lead. A wakes and sends: without fenced permits
   * the person gets two live calls.
   */
  @Test
  void aClaimerFrozenPastItsLeaseNeverSendsAfterATakeover() {
    Consumer<SimWorld> freezeAfterFirstClaim =
        world -> {
          AtomicBoolean done = new AtomicBoolean();
          world.onOp(
              (who, op, after, args, result) -> {
                if (after
                    && op.equals("claimBatch")
                    && result instanceof BatchClaimResult batch
                    && !batch.isEmpty()
                    && done.compareAndSet(false, true)) {
                  world.freezeHere(who, who.incarnation(), Duration.ofSeconds(8));
                }
              });
        };

    Switches.fencedPermits = false;
    Switches.permitsWithClaims = false;
    SimulationReport unfenced = directed(freezeAfterFirstClaim);
    assertThat(unfenced.violations())
        .as("without fencing the frozen claimer dials a lead someone else dialed")
        .anyMatch(v -> v.contains("two live calls") || v.contains("reached the provider"));

    safeOnBothPaths(() -> directed(freezeAfterFirstClaim));
  }

  /**
   * A claim waits (here: its instance stalls for two seconds, less than the lease) while an
   * operator pauses the campaign through another instance. Without the permit's status check the
   * call is sent after the pause returned.
   */
  @Test
  void aCallThatWaitedBeforeSendingIsNotSentAfterAPause() {
    stopWhileAClaimWaits(
        "pause", (via, call) -> via.campaigns().pauseAsync(call.tenant(), call.campaignId()));
  }

  /** As above with a cancel that hangs up: the waiting call must never reach the provider. */
  @Test
  void aCallThatWaitedBeforeSendingIsNotSentAfterACancelWithHangUp() {
    stopWhileAClaimWaits(
        "cancel",
        (via, call) -> via.campaigns().cancelAsync(call.tenant(), call.campaignId(), true));
  }

  private static void stopWhileAClaimWaits(
      String how, BiFunction<CampaignDialer, Call, CompletionStage<?>> stop) {
    Consumer<SimWorld> stopWhileWaiting =
        world -> {
          AtomicBoolean done = new AtomicBoolean();
          world.onOp(
              (who, op, after, args, result) -> {
                if (after
                    && op.equals("claimBatch")
                    && result instanceof BatchClaimResult batch
                    && !batch.isEmpty()
                    && done.compareAndSet(false, true)) {
                  ClaimResult.Claimed claimed = batch.claimed().get(0);
                  SimInstance via = world.instances().get(1 - who.index());
                  world.recordStop(
                      claimed.call().campaignId(),
                      stop.apply(via.dialer(), claimed.call()),
                      how + " via " + via.name());
                  world.freezeHere(who, who.incarnation(), Duration.ofSeconds(2));
                }
              });
        };

    Switches.fencedPermits = false;
    Switches.permitsWithClaims = false;
    SimulationReport unfenced = directed(stopWhileWaiting);
    assertThat(unfenced.violations())
        .as("without fencing the waiting call goes out after the %s returned", how)
        .anyMatch(v -> v.contains("came after the " + how));

    safeOnBothPaths(() -> directed(stopWhileWaiting));
  }

  /**
   * The permit was granted just before the pause; the sender then stalls (less than the permit's
   * timeout) before handing the request over. Without the stop fence, pause returns at once and the
   * request reaches the provider after it returned.
   */
  @Test
  void pauseWaitsForARequestBeingHandedOver() {
    Consumer<SimWorld> pauseWhileASendStalls =
        world -> {
          AtomicBoolean done = new AtomicBoolean();
          world.onOp(
              (who, op, after, args, result) -> {
                Call granted = granted(op, after, result);
                if (granted != null && done.compareAndSet(false, true)) {
                  pauseVia(world, 1 - who.index(), granted.tenant(), granted.campaignId());
                  world.freezeHere(who, who.incarnation(), Duration.ofMillis(600));
                }
              });
        };

    for (boolean withClaims : new boolean[] {true, false}) {
      Switches.fenceStops = false;
      Switches.permitsWithClaims = withClaims;
      SimulationReport unfenced = directed(pauseWhileASendStalls);
      assertThat(unfenced.violations())
          .as("without the fence, pause returns while a request is still being handed over")
          .anyMatch(v -> v.contains("came after the pause"));
    }
    safeOnBothPaths(() -> directed(pauseWhileASendStalls));
  }

  // ---------------------------------------------------------------- add versus complete

  /**
   * A lead is added through another instance between the completion's check and its write. Without
   * an atomic completion the add is accepted and the lead never dialed.
   */
  @Test
  void aLeadAddedWhileTheCampaignCompletesIsDialed() {
    Consumer<SimWorld> addDuringCompletion =
        world -> {
          AtomicBoolean done = new AtomicBoolean();
          world.onOp(
              (who, op, after, args, result) -> {
                if (!after && op.equals("completeIfDone") && done.compareAndSet(false, true)) {
                  SimInstance other = world.instances().get(1 - who.index());
                  other
                      .dialer()
                      .leads()
                      .add(
                          (TenantId) args[0],
                          (CampaignId) args[1],
                          List.of(NewLead.of("+12129999001")));
                }
              });
        };

    Switches.atomicCompletion = false;
    SimulationReport racy = directed(addDuringCompletion);
    assertThat(racy.violations())
        .as("without an atomic completion the added lead is stranded")
        .anyMatch(v -> v.contains("stranded"));

    Switches.reset();
    SimulationReport atomic = directed(addDuringCompletion);
    assertThat(atomic.violations()).as(atomic.describe()).isEmpty();
  }

  // ---------------------------------------------------------------- recovery

  /**
   * A claim commits but its answer is lost, so the claimer never places it. Without the release of
   * abandoned claims the call holds its slot and its lead until the watchdog's deadline, and is
   * then never released (it was never sent): the campaign cannot finish.
   */
  @Test
  void aClaimWhoseAnswerWasLostIsReleasedWithinTwoRounds() {
    Consumer<SimWorld> loseFirstClaimAnswer =
        world -> {
          AtomicBoolean done = new AtomicBoolean();
          world.onOp(
              (who, op, after, args, result) -> {
                if (after
                    && op.equals("claimBatch")
                    && result instanceof BatchClaimResult batch
                    && !batch.isEmpty()
                    && done.compareAndSet(false, true)) {
                  throw new StoreException("directed: the claim's answer was lost", true);
                }
              });
        };

    Switches.releaseAbandonedClaims = false;
    Switches.permitsWithClaims = false;
    SimulationReport kept = directed(loseFirstClaimAnswer);
    assertThat(kept.violations())
        .as("without the release the abandoned claim keeps its lead in progress")
        .anyMatch(v -> v.contains("still in progress") || v.contains("did not settle"));

    safeOnBothPaths(() -> directed(loseFirstClaimAnswer));
  }

  /**
   * Every instance is down for a minute while calls end; their terminal webhooks are lost
   * (providers do not send them again). Without recovery at start-up the calls keep their slots
   * until the watchdog's deadline; with it they are settled by what the provider says right after
   * the restart.
   */
  @Test
  void callsThatEndedWhileEveryInstanceWasDownAreSettledRightAfterTheRestart() {
    Instant crash = FaultSimulation.START.plusSeconds(30);
    Instant restart = crash.plusSeconds(60);
    AtomicReference<SimWorld> seen = new AtomicReference<>();
    Consumer<SimWorld> downForAMinute =
        world -> {
          seen.set(world);
          SimInstance only = world.instances().get(0);
          world
              .timeline()
              .schedule(() -> world.crash(only, Duration.ofSeconds(60)), Duration.ofSeconds(30));
        };

    Switches.recoverSilentCalls = false;
    directed(1, 2, downForAMinute);
    assertThat(settledLate(seen.get(), crash, restart.minusSeconds(10), restart.plusSeconds(10)))
        .as("without recovery, calls that ended while down wait for the watchdog")
        .isNotEmpty();

    Switches.reset();
    SimulationReport report = directed(1, 2, downForAMinute);
    assertThat(report.violations()).as(report.describe()).isEmpty();
    assertThat(endedWithin(seen.get(), crash, restart.minusSeconds(10)))
        .as("the scenario has calls that ended while every instance was down")
        .isNotEmpty();
    assertThat(settledLate(seen.get(), crash, restart.minusSeconds(10), restart.plusSeconds(10)))
        .isEmpty();
  }

  /**
   * The store fails for 20 s while calls end; their webhooks are answered 5xx and lost. Without
   * recovery the calls hold their slots until the watchdog's deadline; with it they are settled
   * right after the store answers again.
   */
  @Test
  void callsThatEndedDuringAStoreOutageAreSettledRightAfterIt() {
    Instant from = FaultSimulation.START.plusSeconds(30);
    Instant until = from.plusSeconds(20);
    AtomicReference<SimWorld> seen = new AtomicReference<>();
    Consumer<SimWorld> outage =
        world -> {
          seen.set(world);
          world.timeline().schedule(() -> world.outage(until), Duration.ofSeconds(30));
        };

    Switches.recoverSilentCalls = false;
    directed(2, 2, outage);
    assertThat(settledLate(seen.get(), from, until.minusSeconds(8), until.plusSeconds(10)))
        .as("without recovery, calls that ended during the outage wait for the watchdog")
        .isNotEmpty();

    Switches.reset();
    SimulationReport report = directed(2, 2, outage);
    assertThat(report.violations()).as(report.describe()).isEmpty();
    assertThat(endedWithin(seen.get(), from, until.minusSeconds(8))).isNotEmpty();
    assertThat(settledLate(seen.get(), from, until.minusSeconds(8), until.plusSeconds(10)))
        .isEmpty();
  }

  /**
   * With a global limit of one, the instance that holds the only slot dies right after claiming.
   * The survivor takes the campaign over when the lease expires and dials within two polls: the
   * dead instance's unsent claim is released at the takeover, not an hour later.
   */
  @Test
  void withOneSlotTheSurvivorDialsWithinTwoPollsOfTheDeadInstancesLeaseExpiring() {
    AtomicReference<Instant> died = new AtomicReference<>();
    AtomicReference<Instant> firstAfter = new AtomicReference<>();
    Consumer<SimWorld> dieAfterFirstClaim =
        world -> {
          world.onOp(
              (who, op, after, args, result) -> {
                if (after
                    && op.equals("claimBatch")
                    && result instanceof BatchClaimResult batch
                    && !batch.isEmpty()) {
                  if (died.get() == null) {
                    died.set(world.clock().instant());
                    world.crash(who, null);
                    who.checkAlive();
                  } else if (firstAfter.get() == null) {
                    firstAfter.set(world.clock().instant());
                  }
                }
              });
        };

    Switches.releaseAbandonedClaims = false;
    Switches.permitsWithClaims = false;
    oneSlot(dieAfterFirstClaim);
    assertThat(firstAfter.get()).as("without the release, the dead claim holds the slot").isNull();

    // separate permits: the dead claim's call is certainly unsent and released at the takeover.
    // Permits with the claim: it may have been sent, so the survivor asks the provider once its
    // sender can no longer send (permit timeout + reconcile delay after first seeing it)
    for (boolean withClaims : new boolean[] {false, true}) {
      Switches.reset();
      Switches.permitsWithClaims = withClaims;
      died.set(null);
      firstAfter.set(null);
      SimulationReport report = oneSlot(dieAfterFirstClaim);
      assertThat(report.violations()).as(report.describe()).isEmpty();
      Instant leaseExpired = died.get().plus(SimWorlds.LEASE);
      Duration unknownOutcome =
          withClaims ? SimWorlds.PERMIT_TIMEOUT.plus(SimWorlds.RECONCILE_DELAY) : Duration.ZERO;
      assertThat(firstAfter.get())
          .as(withClaims ? "permits with claims" : "separate permits")
          .isNotNull()
          .isBeforeOrEqualTo(
              leaseExpired.plus(unknownOutcome).plus(SimWorlds.POLL.multipliedBy(2)));
    }
  }

  /** Two quiet instances sharing one slot, with {@code directions}. */
  private static SimulationReport oneSlot(Consumer<SimWorld> directions) {
    return FaultSimulation.builder()
        .seed(SEED)
        .plan(FaultPlan.quiet(2))
        .limits(1, 1)
        .directions(directions)
        .build()
        .run();
  }

  /** A finished campaign's lease is released, not renewed by every heartbeat for ever. */
  @Test
  void finishedCampaignsAreNotRenewed() {
    AtomicInteger renewalsOfFinished = new AtomicInteger();
    Consumer<SimWorld> countRenewals =
        world ->
            world.onOp(
                (who, op, after, args, result) -> {
                  if (!after && op.equals("tryLease") && (long) args[2] > 0) {
                    CampaignId id = (CampaignId) args[0];
                    boolean finished =
                        world
                            .store()
                            .findCampaignsByStatus(Set.of(CampaignStatus.COMPLETED))
                            .stream()
                            .anyMatch(c -> c.id().equals(id));
                    if (finished) {
                      renewalsOfFinished.incrementAndGet();
                    }
                  }
                });

    Switches.renewOnlyDispatched = false;
    directed(2, 2, countRenewals);
    assertThat(renewalsOfFinished.get()).as("without the fix every heartbeat renews").isPositive();

    Switches.reset();
    renewalsOfFinished.set(0);
    SimulationReport report = directed(2, 2, countRenewals);
    assertThat(report.violations()).as(report.describe()).isEmpty();
    assertThat(renewalsOfFinished.get()).isZero();
  }

  /** Provider calls that ended in [from, until). */
  private static List<SimulatedCall> endedWithin(SimWorld world, Instant from, Instant until) {
    return world.provider().calls().stream()
        .filter(c -> c.endedAt() != null)
        .filter(c -> !c.endedAt().isBefore(from) && c.endedAt().isBefore(until))
        .toList();
  }

  /**
   * Of the calls that ended in [from, until), those the store recorded as ended after {@code by}.
   */
  private static List<String> settledLate(SimWorld world, Instant from, Instant until, Instant by) {
    List<String> late = new ArrayList<>();
    for (SimulatedCall truth : endedWithin(world, from, until)) {
      Call call =
          Stream.of(TenantId.of("sim-a"), TenantId.of("sim-b"))
              .flatMap(t -> world.store().findCall(t, truth.callId()).stream())
              .findFirst()
              .orElseThrow();
      if (!call.status().isTerminal() || call.updatedAt().isAfter(by)) {
        late.add(
            call.id()
                + " ended at the provider at "
                + truth.endedAt()
                + ", recorded "
                + call.updatedAt());
      }
    }
    return late;
  }

  /**
   * The call a store operation just granted its dial permit: a separate permit, or the first call a
   * claim granted with it; {@code null} for anything else.
   */
  private static Call granted(String op, boolean after, Object result) {
    if (!after) {
      return null;
    }
    if (op.equals("requestDialPermit")
        && result instanceof dev.dialkit.campaign.spi.DialPermit.Granted granted) {
      return granted.call();
    }
    if (op.equals("claimBatch") && result instanceof BatchClaimResult batch) {
      return batch.claimed().stream()
          .map(ClaimResult.Claimed::call)
          .filter(c -> c.sentAt() != null)
          .findFirst()
          .orElse(null);
    }
    return null;
  }

  /**
   * The safe half of a scenario on both paths: dial permits with the claims (the default) and
   * separate ones (as with a pre-dial hook); neither may show a violation.
   */
  private static void safeOnBothPaths(Supplier<SimulationReport> run) {
    Switches.reset();
    SimulationReport withClaims = run.get();
    assertThat(withClaims.violations()).as(withClaims.describe()).isEmpty();
    Switches.permitsWithClaims = false;
    SimulationReport separate = run.get();
    assertThat(separate.violations()).as(separate.describe()).isEmpty();
    Switches.reset();
  }

  private static void pauseVia(SimWorld world, int instance, TenantId tenant, CampaignId id) {
    SimInstance via = world.instances().get(instance);
    var stage = via.dialer().campaigns().pauseAsync(tenant, id);
    world.recordStop(id, stage, "pause via " + via.name());
  }

  private static SimulationReport directed(Consumer<SimWorld> directions) {
    return directed(2, 0, directions);
  }

  private static SimulationReport directed(
      int instances, int limit, Consumer<SimWorld> directions) {
    var builder =
        FaultSimulation.builder()
            .seed(SEED)
            .plan(FaultPlan.quiet(instances))
            .store(CampaignStore::inMemory)
            .directions(directions);
    if (limit > 0) {
      builder.limits(limit * 2, limit);
    }
    return builder.build().run();
  }
}
