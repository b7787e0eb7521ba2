package dev.dialkit.testkit;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Claimers of {@link ClaimBatchConcurrencyContract}: each thread claims batches or single leads of
 * campaigns that two dialer instances hold, and ends what it claimed. A broken rule is noted in
 * {@link #violations()} rather than thrown, so that no thread leaves the others waiting.
 */
final class BatchRace {
  /** A guard: a round claims at least one lead while leads are left, so this is never reached. */
  private static final int MAX_ROUNDS = 2_000;

  private final CampaignStore store;
  private final List<Campaign> campaigns;
  private final List<String> owners;
  private final SlotLimits limits;
  private final HeldSlots held = new HeldSlots();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Call> holding = new ConcurrentLinkedQueue<>();
  private final AtomicInteger claimedTotal = new AtomicInteger();
  private final AtomicInteger rounds = new AtomicInteger();

  BatchRace(CampaignStore store, List<Campaign> campaigns, List<String> owners, SlotLimits limits) {
    this.store = store;
    this.campaigns = List.copyOf(campaigns);
    this.owners = List.copyOf(owners);
    this.limits = limits;
  }

  List<Campaign> campaigns() {
    return campaigns;
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  HeldSlots held() {
    return held;
  }

  int roundsRun() {
    return rounds.get();
  }

  /**
   * Claimers in lock-step rounds, until {@code total} leads are claimed: all claim at once (thread
   * {@code i < campaigns} by batches of 3, the others one lead), then one checks that the claims
   * held together respect every limit and are exactly the store's slot usage, then all end their
   * calls. Thread {@code i} claims campaign {@code (i + round) mod campaigns}.
   */
  IntFunction<List<LeadId>> rounds(int threads, int total) {
    CyclicBarrier step = new CyclicBarrier(threads);
    return thread -> {
      List<LeadId> mine = new ArrayList<>();
      // every thread reads the same total and violations after the last step of a round, so all
      // leave together; a failure is noted, never thrown, so nobody is left waiting at a step
      for (int round = 0;
          round < MAX_ROUNDS && claimedTotal.get() < total && violations.isEmpty();
          round++) {
        await(step);
        List<Call> got = List.of();
        try {
          got = claim((thread + round) % campaigns.size(), thread < campaigns.size() ? 3 : 1);
        } catch (RuntimeException e) {
          violations.add("a claim failed: " + e);
        }
        holding.addAll(got);
        got.forEach(c -> mine.add(c.leadId()));
        claimedTotal.addAndGet(got.size());
        await(step);
        if (thread == 0) {
          checkHolding();
          rounds.incrementAndGet();
        }
        await(step);
        try {
          got.forEach(this::end);
        } catch (RuntimeException e) {
          violations.add("an end failed: " + e);
        }
        if (thread == 0) {
          holding.clear(); // nobody adds before the next step
        }
        await(step);
      }
      return mine;
    };
  }

  /**
   * Claims round-robin from a thread-specific campaign, even threads by batches of 2 or 4, odd ones
   * single leads, ending each call at once, until every campaign says no lead is due.
   */
  List<LeadId> untilEmpty(int thread) {
    List<LeadId> mine = new ArrayList<>();
    Set<Integer> exhausted = new HashSet<>();
    int size = thread % 2 == 0 ? 2 + (thread % 4) : 1;
    for (int turn = thread; exhausted.size() < campaigns.size(); turn++) {
      int index = turn % campaigns.size();
      if (exhausted.contains(index)) {
        continue;
      }
      Reason[] stopped = new Reason[1];
      List<Call> got = claim(index, size, stopped);
      got.forEach(held::acquired);
      got.forEach(c -> mine.add(c.leadId()));
      got.forEach(held::released);
      got.forEach(this::end);
      if (stopped[0] == Reason.NO_DUE_LEAD) {
        // leads never return to the queue here, so an empty campaign stays empty
        exhausted.add(index);
      }
    }
    return mine;
  }

  private List<Call> claim(int index, int size) {
    return claim(index, size, new Reason[1]);
  }

  /** Claims {@code size} leads (one: {@code claimNext}) of campaign {@code index}; its calls. */
  private List<Call> claim(int index, int size, Reason[] stopped) {
    Campaign campaign = campaigns.get(index);
    String owner = owners.get(index);
    if (size == 1) {
      ClaimResult result =
          store.claimNext(StoreFixtures.claimRequest(campaign, owner, StoreFixtures.T0, limits));
      if (result instanceof ClaimResult.Claimed c) {
        return List.of(c.call());
      }
      stopped[0] = ((ClaimResult.Denied) result).reason();
      expectAllowed(stopped[0]);
      return List.of();
    }
    BatchClaimResult result =
        store.claimBatch(
            BatchClaims.batchRequest(
                campaign, owner, StoreFixtures.T0, limits, null, AttemptCaps.NONE, size));
    stopped[0] = result.stoppedBy();
    if ((result.stoppedBy() == null) != (result.claimed().size() == size)) {
      violations.add(
          "a batch of "
              + size
              + " claimed "
              + result.claimed().size()
              + ", stopped by "
              + result.stoppedBy());
    }
    if (result.stoppedBy() != null) {
      expectAllowed(result.stoppedBy());
    }
    return result.claimed().stream().map(ClaimResult.Claimed::call).toList();
  }

  private void expectAllowed(Reason reason) {
    if (reason == Reason.NOT_RUNNING || reason == Reason.NOT_LEASE_OWNER) {
      violations.add("a claim of a running campaign by its lease holder said " + reason);
    }
  }

  private void end(Call call) {
    Outcome outcome =
        store
            .applyTransition(
                StoreFixtures.end(
                    call,
                    CallStatus.COMPLETED,
                    LeadOutcome.finalState(LeadState.DONE),
                    "end",
                    StoreFixtures.T0))
            .outcome();
    if (outcome != Outcome.APPLIED) {
      violations.add("the end of " + call.id() + " was " + outcome);
    }
  }

  /** The calls of this round, held together: within every limit, and the store's usage exactly. */
  private void checkHolding() {
    Map<TenantId, Integer> tenants = new HashMap<>();
    Map<CampaignId, Integer> perCampaign = new HashMap<>();
    for (Call call : holding) {
      tenants.merge(call.tenant(), 1, Integer::sum);
      perCampaign.merge(call.campaignId(), 1, Integer::sum);
    }
    for (Campaign campaign : campaigns) {
      SlotUsage claimed =
          new SlotUsage(
              holding.size(),
              tenants.getOrDefault(campaign.tenant(), 0),
              perCampaign.getOrDefault(campaign.id(), 0));
      check("claimed", claimed);
      SlotUsage stored = store.slotUsage(campaign.tenant(), campaign.id());
      if (!stored.equals(claimed)) {
        violations.add(campaign.id() + ": the store holds " + stored + ", claimers " + claimed);
      }
    }
  }

  /** Notes a violation if {@code usage} exceeds a limit. */
  void check(String what, SlotUsage usage) {
    if (usage.global() > limits.global()
        || usage.tenant() > limits.tenant()
        || usage.campaign() > limits.campaign()) {
      violations.add(what + " " + usage + " exceeds " + limits);
    }
  }

  private static void await(CyclicBarrier step) {
    try {
      step.await();
    } catch (Exception e) {
      throw new IllegalStateException("a claimer of the round failed", e);
    }
  }
}
