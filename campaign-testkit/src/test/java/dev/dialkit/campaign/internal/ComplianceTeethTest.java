package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.testkit.FaultPlan;
import dev.dialkit.testkit.FaultSimulation;
import dev.dialkit.testkit.SimulationReport;
import dev.dialkit.testkit.internal.sim.SimInstance;
import dev.dialkit.testkit.internal.sim.SimWorld;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance adversaries have teeth: each safeguard of the do-not-call list and the attempt
 * caps, switched off ({@link Switches}), lets the fault simulator find the unwanted call it
 * prevents; switched on, the same run finds nothing.
 */
class ComplianceTeethTest {
  private static final long SEED = 11;

  @AfterEach
  void safeguardsBackOn() {
    Switches.reset();
  }

  /**
   * Instance A claims a lead of a shared number, then stalls for two seconds (less than its lease)
   * before asking for the permit. Meanwhile the person opts out through instance B. Checked only at
   * the claim, the call goes out after the opt-out returned.
   */
  @Test
  void aNumberSuppressedWhileItsClaimWaitsIsNotDialed() {
    Consumer<SimWorld> optOutWhileWaiting =
        world -> {
          AtomicBoolean done = new AtomicBoolean();
          world.onOp(
              (who, op, after, args, result) -> {
                if (after
                    && op.equals("claimBatch")
                    && result instanceof BatchClaimResult batch
                    && batch.claimed().stream().anyMatch(x -> shared(x.call().to()))
                    && done.compareAndSet(false, true)) {
                  ClaimResult.Claimed claimed =
                      batch.claimed().stream().filter(x -> shared(x.call().to())).findFirst().get();
                  SimInstance via = world.instances().get(1 - who.index());
                  world.suppressor().suppress(via, claimed.call().tenant(), claimed.call().to());
                  world.freezeHere(who, who.incarnation(), Duration.ofSeconds(2));
                }
              });
        };

    // the separate permit (the path a pre-dial hook takes) is where the check matters: a permit
    // that rides in the claim checks the list in the claim's own step, and its send cannot wait
    Switches.suppressionAtPermit = false;
    Switches.permitsWithClaims = false;
    SimulationReport unchecked = directed(AttemptCaps.NONE, optOutWhileWaiting);
    assertThat(unchecked.violations())
        .as("checked only at the claim, the waiting call is sent after the opt-out")
        .anyMatch(v -> v.contains("after the number's suppression returned"));

    for (boolean withClaims : new boolean[] {true, false}) {
      Switches.reset();
      Switches.permitsWithClaims = withClaims;
      SimulationReport checked = directed(AttemptCaps.NONE, optOutWhileWaiting);
      assertThat(checked.violations()).as(checked.describe()).isEmpty();
    }
  }

  /**
   * Three campaigns of two tenants dial four shared numbers, with retries, under a cap of two calls
   * per number per 24 hours. Without the cap check in the claim, numbers are called three and more
   * times; with it, never more than twice per tenant, and the held leads wait, queued, for the day
   * to pass.
   */
  @Test
  void theCapHoldsAcrossCampaignsAndALeadItHoldsWaitsForIt() {
    AttemptCaps caps = AttemptCaps.perRolling24Hours(2);

    Switches.capsAtClaim = false;
    SimulationReport uncapped = directed(caps, w -> {});
    assertThat(uncapped.violations())
        .as("without the check in the claim the shared numbers are over-called")
        .anyMatch(v -> v.contains("times within 24 hours (cap 2)"));

    Switches.reset();
    SimulationReport capped = directed(caps, w -> {});
    assertThat(capped.violations()).as(capped.describe()).isEmpty();
  }

  private static boolean shared(PhoneNumber phone) {
    // FaultSimulation numbers the shared pool first: +12122000000 to +12122000003
    return phone.e164().compareTo("+12122000004") < 0;
  }

  private static SimulationReport directed(AttemptCaps caps, Consumer<SimWorld> directions) {
    return FaultSimulation.builder()
        .seed(SEED)
        .plan(FaultPlan.quiet(2))
        .store(CampaignStore::inMemory)
        .compliance(caps, 0)
        .directions(directions)
        .build()
        .run();
  }
}
