package dev.dialkit.benchmarks;

import com.mongodb.client.MongoDatabase;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One measurement of {@link MongoThroughput}: a fresh database holding one running campaign of
 * {@code leads} due leads, claimed one way, then its calls updated. Every claim and update is
 * checked, so a figure is never the speed of a failure.
 */
final class MongoThroughputRound {
  static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
  private static final TenantId TENANT = TenantId.of("bench");
  private static final PhoneNumber FROM = PhoneNumber.of("+14155550100");
  private static final SlotLimits LIMITS = new SlotLimits(1_000_000, 1_000_000, 1_000_000);

  private final MongoCampaignStore store;
  private final Campaign campaign;
  private final int leads;
  private final List<Call> calls = new ArrayList<>();

  private MongoThroughputRound(MongoCampaignStore store, Campaign campaign, int leads) {
    this.store = store;
    this.campaign = campaign;
    this.leads = leads;
  }

  static MongoThroughputRound of(MongoDatabase db, int leads) {
    MongoCampaignStore store = MongoCampaignStore.create(db);
    Campaign campaign = benchCampaign(store, leads).campaign();
    return new MongoThroughputRound(store, campaign, leads);
  }

  /**
   * The campaign every Mongo measurement uses: {@code bench-1} of tenant {@code bench}, running and
   * leased by {@code bench} at {@link #T0}, with {@code leads} due leads.
   */
  static LeasedCampaign benchCampaign(MongoCampaignStore store, int leads) {
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("bench")
            .agent(Agent.answerUrl("https://agent.example/answer"))
            .callerIds(List.of(FROM))
            .build();
    Campaign campaign = Campaign.draft(CampaignId.of("bench-1"), TENANT, spec, T0);
    store.createCampaign(campaign);
    store.transitionCampaign(
        TENANT, campaign.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0);
    long epoch =
        store.tryLease(campaign.id(), "bench", 0, T0, Duration.ofHours(10)).orElseThrow().epoch();
    List<Lead> queued = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      NewLead lead = NewLead.of(String.format(Locale.ROOT, "+1212%07d", 3_000_000 + i));
      queued.add(Lead.queued(LeadId.of("l-" + i), TENANT, campaign.id(), lead, T0));
    }
    store.insertLeads(TENANT, campaign.id(), queued);
    return new LeasedCampaign(campaign, epoch);
  }

  List<Call> calls() {
    return calls;
  }

  /** Claims every lead by {@code claimNext}; claims per second. */
  double claimSingly() {
    long start = System.nanoTime();
    for (int i = 0; i < leads; i++) {
      ClaimResult result = store.claimNext(request());
      if (!(result instanceof ClaimResult.Claimed claimed)) {
        throw new IllegalStateException("claim " + i + " was denied: " + result);
      }
      calls.add(claimed.call());
    }
    return leads / seconds(start);
  }

  /** Claims every lead by {@code claimBatch} of {@code size}; claims per second. */
  double claimInBatches(int size) {
    long start = System.nanoTime();
    while (calls.size() < leads) {
      BatchClaimResult result =
          store.claimBatch(BatchClaimRequest.of(request(), Math.min(size, leads - calls.size())));
      if (result.isEmpty()) {
        throw new IllegalStateException("a batch claimed nothing: " + result.stoppedBy());
      }
      result.claimed().forEach(c -> calls.add(c.call()));
    }
    return leads / seconds(start);
  }

  /** Applies {@code transition} to call {@code i}, which becomes the call as it moved. */
  void apply(int i, CallTransition transition) {
    TransitionResult result = store.applyTransition(transition);
    if (result.outcome() != TransitionResult.Outcome.APPLIED) {
      throw new IllegalStateException("update of call " + i + ": " + result.outcome());
    }
    calls.set(i, result.call());
  }

  private ClaimRequest request() {
    return new ClaimRequest(TENANT, campaign.id(), "bench", T0, LIMITS, "sim", FROM, null);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
