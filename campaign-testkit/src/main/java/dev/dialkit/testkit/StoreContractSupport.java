package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.Lease;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.SlotUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** The store under test and the steps the contract tests share. */
interface StoreContractSupport {
  /** The fresh store of the running test. */
  CampaignStore store();

  /** Creates a campaign, starts it at {@link StoreFixtures#T0} and leases it to {@code OWNER}. */
  default Campaign running(TenantId tenant, String id) {
    Campaign draft = StoreFixtures.draft(tenant, id);
    store().createCampaign(draft);
    Campaign running =
        store()
            .transitionCampaign(
                tenant, draft.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0)
            .orElseThrow();
    assertThat(lease(running.id(), OWNER, T0, LEASE_TTL)).isTrue();
    return running;
  }

  /** Acquires the lease as {@code owner} (held epoch 0) and says whether it is now held. */
  default boolean lease(CampaignId id, String owner, Instant now, Duration ttl) {
    return store().tryLease(id, owner, 0, now, ttl).map(l -> l.isHeldBy(owner, now)).orElse(false);
  }

  /**
   * {@code OWNER} takes the campaign's lease again at {@code now} (a new epoch, as a restarted
   * instance would) and returns that epoch; fails if another instance holds it.
   */
  default long ownerEpoch(Campaign campaign, Instant now) {
    Lease lease = store().tryLease(campaign.id(), OWNER, 0, now, LEASE_TTL).orElseThrow();
    assertThat(lease.isHeldBy(OWNER, now)).as("OWNER holds the lease").isTrue();
    return lease.epoch();
  }

  /** Takes the lease as {@code owner} again at {@code now} and gives it up. */
  default void dropLease(CampaignId id, String owner, Instant now) {
    Lease lease = store().tryLease(id, owner, 0, now, LEASE_TTL).orElseThrow();
    store().releaseLease(id, owner, lease.epoch());
  }

  /** Asks a permit for {@code call} as {@code OWNER} with {@code epoch} at {@code now}. */
  default DialPermit permit(Call call, long epoch, Instant now) {
    return permit(call, OWNER, epoch, now, null);
  }

  default DialPermit permit(
      Call call, String owner, long epoch, Instant now, Instant previousSentAt) {
    return store()
        .requestDialPermit(
            new PermitRequest(
                call.tenant(),
                call.id(),
                owner,
                epoch,
                now,
                previousSentAt,
                List.of(StoreFixtures.logOf(call, now))));
  }

  default Call granted(DialPermit permit) {
    assertThat(permit).isInstanceOf(DialPermit.Granted.class);
    return ((DialPermit.Granted) permit).call();
  }

  default DialPermit.Reason refusal(DialPermit permit) {
    assertThat(permit).isInstanceOf(DialPermit.Denied.class);
    return ((DialPermit.Denied) permit).reason();
  }

  /** A running campaign with {@code count} leads due at {@code T0}, numbered from {@code first}. */
  default Campaign runningWithLeads(TenantId tenant, String id, int first, int count) {
    Campaign campaign = running(tenant, id);
    insert(campaign, StoreFixtures.leads(campaign, first, count));
    return campaign;
  }

  default List<Lead> insert(Campaign campaign, List<Lead> leads) {
    return store().insertLeads(campaign.tenant(), campaign.id(), leads).inserted();
  }

  default ClaimResult claim(Campaign campaign, Instant now, SlotLimits limits) {
    return store().claimNext(StoreFixtures.claimRequest(campaign, OWNER, now, limits));
  }

  /** Claims as {@code OWNER} without limits, asserting that a lead was claimed. */
  default ClaimResult.Claimed claimed(Campaign campaign, Instant now) {
    return claimed(claim(campaign, now, NO_LIMITS));
  }

  default ClaimResult.Claimed claimed(ClaimResult result) {
    assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
    return (ClaimResult.Claimed) result;
  }

  default ClaimResult.Reason denial(ClaimResult result) {
    assertThat(result).isInstanceOf(ClaimResult.Denied.class);
    return ((ClaimResult.Denied) result).reason();
  }

  default Campaign reload(Campaign campaign) {
    return store().findCampaign(campaign.tenant(), campaign.id()).orElseThrow();
  }

  default long counter(Campaign campaign, Counter counter) {
    return reload(campaign).counters().get(counter);
  }

  default Lead reloadLead(Lead lead) {
    return allLeads(store().findCampaign(lead.tenant(), lead.campaignId()).orElseThrow()).stream()
        .filter(l -> l.id().equals(lead.id()))
        .findFirst()
        .orElseThrow();
  }

  default List<Lead> allLeads(Campaign campaign) {
    return store()
        .listLeads(campaign.tenant(), campaign.id(), new PageRequest(0, PageRequest.MAX_LIMIT, 0))
        .items();
  }

  default Call reloadCall(Call call) {
    return store().findCall(call.tenant(), call.id()).orElseThrow();
  }

  default List<CallLogEntry> campaignLog(Campaign campaign) {
    return store()
        .campaignLog(campaign.tenant(), campaign.id(), new PageRequest(0, PageRequest.MAX_LIMIT, 0))
        .items();
  }

  default List<CallLogEntry> callLog(Call call) {
    return store()
        .callLog(call.tenant(), call.id(), new PageRequest(0, PageRequest.MAX_LIMIT, 0))
        .items();
  }

  /** Everything a write to {@code campaign} or {@code call} could change, to prove it did not. */
  record Snapshot(
      Campaign campaign,
      List<Lead> leads,
      Optional<Call> call,
      List<Call> active,
      SlotUsage slots,
      Page<CallLogEntry> log) {}

  default Snapshot snapshot(Campaign campaign, CallId call) {
    return new Snapshot(
        reload(campaign),
        allLeads(campaign),
        store().findCall(campaign.tenant(), call),
        store().findActiveCalls(campaign.tenant(), campaign.id()),
        store().slotUsage(campaign.tenant(), campaign.id()),
        store()
            .campaignLog(
                campaign.tenant(), campaign.id(), new PageRequest(0, PageRequest.MAX_LIMIT, 0)));
  }

  /** Runs {@code task(0..threads-1)} on as many threads, started together; their results. */
  default <T> List<T> race(int threads, IntFunction<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.apply(index);
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Moves the campaign from {@code from} to {@code to} at {@code at}, asserting it moved. */
  default Campaign move(Campaign campaign, CampaignStatus from, CampaignStatus to, Instant at) {
    return store()
        .transitionCampaign(campaign.tenant(), campaign.id(), Set.of(from), to, at)
        .orElseThrow(() -> new AssertionError(campaign.id() + " is not " + from));
  }
}
