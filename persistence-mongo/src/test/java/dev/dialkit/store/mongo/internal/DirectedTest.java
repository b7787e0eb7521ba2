package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoDatabase;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import dev.dialkit.store.mongo.InProcessMongo;
import dev.dialkit.store.mongo.MongoCampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Directed tests of one interleaving each, run between two writes through {@link Seams}: a fresh
 * store per test on an in-process server, and every seam and switch reset afterwards. {@link
 * #failsWithout} runs a test with its safeguard switched off and demands that it fail: the proof
 * that the test reproduces the bug the safeguard prevents.
 */
abstract class DirectedTest {
  private static InProcessMongo mongo;
  MongoDatabase database;
  MongoCampaignStore store;

  @BeforeAll
  static void startServer() {
    mongo = new InProcessMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @BeforeEach
  void newStore() {
    database = mongo.freshDatabase("directed");
    store = MongoCampaignStore.create(database);
  }

  @AfterEach
  void resetSeamsAndSwitches() {
    Seams.clear();
    Switches.reset();
  }

  /** Runs {@code test} with a safeguard off ({@code switchOff}); it must fail. */
  static AssertionError failsWithout(Runnable switchOff, Runnable test) {
    switchOff.run();
    AssertionError failure = catchThrowableOfType(test::run, AssertionError.class);
    assertThat(failure).as("with its safeguard off, the directed test must fail").isNotNull();
    System.out.println("safeguard off, the test fails as it must: " + failure.getMessage());
    return failure;
  }

  /** A new running campaign of {@code TENANT_A} leased to {@code OWNER}, with queued leads. */
  Campaign running(String id, int leads) {
    Campaign draft = StoreFixtures.draft(TENANT_A, id);
    store.createCampaign(draft);
    Campaign campaign =
        store
            .transitionCampaign(
                TENANT_A, draft.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0)
            .orElseThrow();
    store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL).orElseThrow();
    store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, leads));
    return campaign;
  }

  ClaimResult claim(Campaign campaign, SlotLimits limits) {
    return store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, limits));
  }

  Call claimed(Campaign campaign) {
    ClaimResult result = claim(campaign, NO_LIMITS);
    assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
    return ((ClaimResult.Claimed) result).call();
  }

  /** Ends {@code call} COMPLETED, its lead DONE, as the dialer would. */
  void finish(Call call, Instant at) {
    assertThat(
            store
                .applyTransition(
                    StoreFixtures.end(
                        call,
                        CallStatus.COMPLETED,
                        LeadOutcome.finalState(LeadState.DONE),
                        "end-" + call.id(),
                        at))
                .outcome())
        .isEqualTo(Outcome.APPLIED);
  }

  Campaign reload(Campaign campaign) {
    return store.findCampaign(campaign.tenant(), campaign.id()).orElseThrow();
  }

  long counter(Campaign campaign, Counter counter) {
    return reload(campaign).counters().get(counter);
  }
}
