package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.claimRequest;
import static dev.dialkit.testkit.StoreFixtures.draft;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Races: every guarantee that "exactly one wins" or "never more than the limit", checked with
 * threads that start together. The timeouts only guard against a hang; nothing waits on time.
 */
interface ConcurrencyContract extends StoreContractSupport {
  int THREADS = 8;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  default void concurrentClaimersDialEveryLeadOnceAndNeverExceedALimit() throws Exception {
    List<Campaign> campaigns =
        List.of(
            runningWithLeads(TENANT_A, "a1", 0, 1200),
            runningWithLeads(TENANT_A, "a2", 0, 800),
            runningWithLeads(TENANT_B, "b1", 0, 1000));
    // each limit binds: tenant A could hold 4 (2 campaigns x 2), the store 5 (4 + 2 of B)
    SlotLimits limits = new SlotLimits(4, 3, 2);
    HeldSlots held = new HeldSlots();
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    ExecutorService sampler = Executors.newSingleThreadExecutor();
    Future<Integer> samples =
        sampler.submit(() -> sampleSlots(campaigns, limits, done, violations));
    List<List<LeadId>> claimed;
    try {
      claimed = race(THREADS, i -> claimAndEndUntilEmpty(campaigns, limits, held, i));
    } finally {
      done.set(true);
      sampler.shutdown();
    }

    assertThat(samples.get()).isPositive();
    assertThat(violations).isEmpty();
    List<LeadId> all = claimed.stream().flatMap(List::stream).toList();
    assertThat(all).hasSize(3000).doesNotHaveDuplicates();
    Set<LeadId> expected = new HashSet<>();
    for (Campaign campaign : campaigns) {
      allLeadsOf(campaign).forEach(l -> expected.add(l.id()));
    }
    assertThat(new HashSet<>(all)).isEqualTo(expected);
    assertThat(held.maxGlobal()).isLessThanOrEqualTo(limits.global());
    assertThat(held.maxTenant()).isLessThanOrEqualTo(limits.tenant());
    assertThat(held.maxCampaign()).isLessThanOrEqualTo(limits.campaign());
    for (Campaign campaign : campaigns) {
      long leads = counter(campaign, Counter.LEADS_TOTAL);
      assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(leads);
      assertThat(counter(campaign, Counter.LEADS_DONE)).isEqualTo(leads);
      assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
      assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isZero();
      assertThat(store().findActiveCalls(campaign.tenant(), campaign.id())).isEmpty();
      assertThat(store().slotUsage(campaign.tenant(), campaign.id()))
          .isEqualTo(new SlotUsage(0, 0, 0));
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  default void concurrentClaimsOfOneLeadHaveOneWinner() throws Exception {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);

    List<ClaimResult> results = race(THREADS, i -> claim(campaign, T0, NO_LIMITS));

    assertThat(results).filteredOn(r -> r instanceof ClaimResult.Claimed).hasSize(1);
    assertThat(results)
        .filteredOn(r -> r instanceof ClaimResult.Denied)
        .allSatisfy(r -> assertThat(denial(r)).isEqualTo(Reason.NO_DUE_LEAD));
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(1);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  default void concurrentStartsOfACampaignHaveOneWinner() throws Exception {
    Campaign campaign = draft(TENANT_A, "c1");
    store().createCampaign(campaign);

    List<Optional<Campaign>> results =
        race(
            THREADS,
            i ->
                store()
                    .transitionCampaign(
                        TENANT_A,
                        campaign.id(),
                        Set.of(CampaignStatus.DRAFT),
                        CampaignStatus.RUNNING,
                        seconds(i + 1)));

    List<Campaign> winners = results.stream().flatMap(Optional::stream).toList();
    assertThat(winners).hasSize(1);
    Campaign winner = winners.get(0);
    assertThat(reload(campaign)).isEqualTo(winner);
    assertThat(winner.startedAt()).isEqualTo(winner.updatedAt()).isBetween(seconds(1), seconds(8));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  default void concurrentClaimantsOfAFreeLeaseHaveOneWinner() throws Exception {
    Campaign campaign = draft(TENANT_A, "c1");
    store().createCampaign(campaign);
    store()
        .transitionCampaign(
            TENANT_A, campaign.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0);
    insert(campaign, StoreFixtures.leads(campaign, 0, THREADS));

    List<Boolean> won = race(THREADS, i -> lease(campaign.id(), owner(i), T0, LEASE_TTL));

    assertThat(won).containsOnlyOnce(true);
    String winner = owner(won.indexOf(true));
    for (int i = 0; i < THREADS; i++) {
      ClaimResult result = store().claimNext(claimRequest(campaign, owner(i), T0, NO_LIMITS));
      if (owner(i).equals(winner)) {
        claimed(result);
      } else {
        assertThat(denial(result)).isEqualTo(Reason.NOT_LEASE_OWNER);
      }
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  default void concurrentTransitionsFromOneVersionHaveOneWinner() throws Exception {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call call = claimed(campaign, T0).call();

    List<TransitionResult> results =
        race(
            THREADS,
            i ->
                store()
                    .applyTransition(
                        end(
                            call,
                            CallStatus.COMPLETED,
                            LeadOutcome.finalState(LeadState.DONE),
                            "end-" + i,
                            seconds(i + 1))));

    assertThat(results).extracting(TransitionResult::outcome).containsOnlyOnce(Outcome.APPLIED);
    Call winner =
        results.stream()
            .filter(r -> r.outcome() == Outcome.APPLIED)
            .findFirst()
            .orElseThrow()
            .call();
    // every loser is told of the winner's call, so that it can retry from there without a read
    assertThat(results)
        .filteredOn(r -> r.outcome() != Outcome.APPLIED)
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.CONFLICT);
              assertThat(r.call()).isEqualTo(winner);
            });
    assertThat(reloadCall(call)).isEqualTo(winner);
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(0, 0, 0));
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isZero();
    assertThat(counter(campaign, Counter.LEADS_DONE)).isEqualTo(1);
    assertThat(counter(campaign, Counter.CALLS_COMPLETED)).isEqualTo(1);
    assertThat(callLog(call)).hasSize(1);
  }

  /** A burst of deliveries of one webhook: applied once, every other delivery told why. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  default void oneWebhookDeliveredManyTimesAtOnceIsAppliedOnce() throws Exception {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    Call call = claimed(campaign, T0).call();
    CallTransition ended =
        end(call, CallStatus.COMPLETED, LeadOutcome.finalState(LeadState.DONE), "end", seconds(9));

    List<TransitionResult> results = race(THREADS, i -> store().applyTransition(ended));

    assertThat(results).extracting(TransitionResult::outcome).containsOnlyOnce(Outcome.APPLIED);
    assertThat(results)
        .filteredOn(r -> r.outcome() != Outcome.APPLIED)
        .allSatisfy(
            r -> {
              // the key recorded, or the version moved on by the delivery that won
              assertThat(r.outcome()).isIn(Outcome.DUPLICATE, Outcome.CONFLICT);
              assertThat(r.call()).isEqualTo(ended.call());
            });
    assertThat(reloadCall(call)).isEqualTo(ended.call());
    assertThat(store().slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(0, 0, 0));
    assertThat(counter(campaign, Counter.LEADS_DONE)).isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isZero();
    assertThat(callLog(call)).hasSize(1);
  }

  /**
   * Claims round-robin over {@code campaigns} from a thread-specific start, ending each call at
   * once, until every campaign says no lead is due. Returns the leads claimed.
   */
  private List<LeadId> claimAndEndUntilEmpty(
      List<Campaign> campaigns, SlotLimits limits, HeldSlots held, int thread) {
    List<LeadId> claimed = new ArrayList<>();
    Set<CampaignId> exhausted = new HashSet<>();
    for (int turn = thread; exhausted.size() < campaigns.size(); turn++) {
      Campaign campaign = campaigns.get(turn % campaigns.size());
      if (exhausted.contains(campaign.id())) {
        continue;
      }
      ClaimResult result = claim(campaign, T0, limits);
      if (result instanceof ClaimResult.Claimed c) {
        held.acquired(c.call());
        claimed.add(c.lead().id());
        held.released(c.call());
        TransitionResult ended =
            store()
                .applyTransition(
                    end(
                        c.call(),
                        CallStatus.COMPLETED,
                        LeadOutcome.finalState(LeadState.DONE),
                        "end",
                        T0));
        assertThat(ended.outcome()).isEqualTo(Outcome.APPLIED);
      } else if (denial(result) == Reason.NO_DUE_LEAD) {
        // leads never return to the queue here, so an empty campaign stays empty
        exhausted.add(campaign.id());
      } else {
        assertThat(denial(result))
            .isIn(Reason.GLOBAL_LIMIT, Reason.TENANT_LIMIT, Reason.CAMPAIGN_LIMIT);
      }
    }
    return claimed;
  }

  /** Reads the slot usage until {@code done}, noting any limit exceeded; returns the reads. */
  private int sampleSlots(
      List<Campaign> campaigns,
      SlotLimits limits,
      AtomicBoolean done,
      ConcurrentLinkedQueue<String> violations) {
    int samples = 0;
    do {
      for (Campaign campaign : campaigns) {
        SlotUsage usage = store().slotUsage(campaign.tenant(), campaign.id());
        samples++;
        if (usage.global() > limits.global()
            || usage.tenant() > limits.tenant()
            || usage.campaign() > limits.campaign()) {
          violations.add(campaign.id() + ": " + usage);
        }
      }
    } while (!done.get());
    return samples;
  }

  private List<Lead> allLeadsOf(Campaign campaign) {
    List<Lead> leads = new ArrayList<>();
    long cursor = 0;
    while (true) {
      var page =
          store().listLeads(campaign.tenant(), campaign.id(), PageRequest.after(cursor, 1000));
      if (page.items().isEmpty()) {
        return leads;
      }
      leads.addAll(page.items());
      cursor = page.nextCursor();
    }
  }

  private static String owner(int index) {
    return "dialer-" + index;
  }
}
