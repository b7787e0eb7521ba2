package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where Dialkit keeps campaigns, leads, calls, concurrency slots, leases and the call log. Several
 * dialer instances, in one JVM or many, may share one store: every guarantee below holds across all
 * of them.
 *
 * <p>General rules for implementations:
 *
 * <ul>
 *   <li>Thread-safe. Every method is atomic: it happens entirely or not at all, and a reader never
 *       sees half of it.
 *   <li>Returned values are new immutable records; a store never hands out objects it will mutate.
 *   <li>Reads scoped by a {@link TenantId} return nothing that belongs to another tenant.
 *   <li>Failures of the underlying database are thrown as {@link StoreException}, marked transient
 *       when retrying may help. A duplicate-key race that means "already done" is not a failure.
 *   <li>Time never comes from the store's own clock: every instant is passed in.
 * </ul>
 *
 * <p>The abstract {@code CampaignStoreContract} suite in {@code campaign-testkit} checks all of
 * this; an implementation runs it through a small subclass.
 */
public interface CampaignStore {

  // ---------------------------------------------------------------- campaigns

  /**
   * Stores a new campaign.
   *
   * @throws StoreException if a campaign with this id already exists
   */
  void createCampaign(Campaign campaign);

  /** The campaign, if it exists and belongs to {@code tenant}. */
  Optional<Campaign> findCampaign(TenantId tenant, CampaignId id);

  /** The tenant's campaigns, oldest first. */
  List<Campaign> listCampaigns(TenantId tenant);

  /** Campaigns of every tenant whose status is in {@code statuses}, oldest first. */
  List<Campaign> findCampaignsByStatus(Set<CampaignStatus> statuses);

  /**
   * Compare-and-set of a campaign's status: moves it to {@code next} at {@code at} only if its
   * current status is in {@code expected}, stamping {@code startedAt} and {@code endedAt} as {@link
   * Campaign#withStatus} does. Two concurrent callers expecting the same status: exactly one wins.
   *
   * @return the campaign as updated, or empty if it does not exist for the tenant or its status was
   *     not in {@code expected}
   */
  Optional<Campaign> transitionCampaign(
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      Instant at);

  // ---------------------------------------------------------------- leads

  /**
   * Adds leads to a campaign. A lead whose phone number the campaign already has (or that an
   * earlier lead of {@code leads} has) is skipped and reported as a duplicate; all others are
   * stored, each with a {@code sequence} greater than that of every lead stored before it in the
   * campaign. {@code LEADS_TOTAL} and {@code LEADS_QUEUED} grow by the number stored, atomically
   * with the insert.
   *
   * @param leads queued leads of this tenant and campaign (their sequence is ignored)
   * @throws StoreException if the campaign does not exist for the tenant
   */
  LeadInsertResult insertLeads(TenantId tenant, CampaignId campaignId, List<Lead> leads);

  /** A page of the campaign's leads ordered by sequence; {@code afterSequence} is a cursor. */
  Page<Lead> listLeads(TenantId tenant, CampaignId campaignId, PageRequest page);

  // ---------------------------------------------------------------- claims and slots

  /**
   * Claims the campaign's next due lead together with a concurrency slot, in one atomic step:
   *
   * <ol>
   *   <li>the campaign must be {@code RUNNING} and {@code request.owner()} must hold its lease at
   *       {@code request.now()};
   *   <li>a slot must be free under all three limits of {@code request.limits()} at once, counted
   *       over every instance sharing the store;
   *   <li>the lead is the {@code QUEUED} lead with {@code nextAttemptAt <= now} of highest
   *       priority, lowest sequence among equals;
   *   <li>the lead becomes {@code IN_PROGRESS} with one more attempt; a call {@link Call#initiated}
   *       for that attempt is stored; the slot is held by that call; the counters change by {@code
   *       LEADS_QUEUED -1, LEADS_IN_PROGRESS +1, CALLS_PLACED +1}.
   * </ol>
   *
   * <p>No lead is ever claimed twice at once, whatever the number of threads and instances; no
   * limit is ever exceeded. If any condition fails nothing changes and the result says why (the
   * first failing condition in the order above).
   */
  ClaimResult claimNext(ClaimRequest request);

  /** Slots held now: in the whole store, by the tenant, by the campaign. */
  SlotUsage slotUsage(TenantId tenant, CampaignId campaignId);

  // ---------------------------------------------------------------- calls

  /** The call, if it exists and belongs to {@code tenant}. */
  Optional<Call> findCall(TenantId tenant, CallId id);

  /** The call the provider knows by {@code providerCallId} (or by that request id), if any. */
  Optional<Call> findCallByProviderId(String provider, String providerCallId);

  /** The campaign's calls whose status is not terminal, oldest first. */
  List<Call> findActiveCalls(TenantId tenant, CampaignId campaignId);

  /**
   * Applies a {@link CallTransition} atomically: if its dedupe key was recorded before for this
   * call the result is {@code DUPLICATE}; if the stored call's version is not {@code
   * expectedVersion} the result is {@code CONFLICT}; otherwise the call is replaced, the dedupe key
   * recorded, the slot released if asked (a slot is released at most once, however often asked),
   * the lead updated as {@code leadOutcome} says (its counters moved accordingly is the caller's
   * job, through {@code counters}), the counters changed and the log entries appended, all at once.
   */
  TransitionResult applyTransition(CallTransition transition);

  // ---------------------------------------------------------------- leases

  /**
   * Acquires or renews the lease on dispatching a campaign: succeeds if the lease is free, expired
   * at {@code now}, or already held by {@code owner}; it then runs until {@code now + ttl}. Exactly
   * one of several concurrent claimants wins a free lease.
   *
   * @return whether {@code owner} holds the lease now
   */
  boolean tryLease(CampaignId campaignId, String owner, Instant now, Duration ttl);

  /** Gives the lease up if {@code owner} holds it; otherwise does nothing. */
  void releaseLease(CampaignId campaignId, String owner);

  // ---------------------------------------------------------------- call log

  /**
   * Appends entries to the call log in order, assigning each a sequence greater than every sequence
   * assigned before.
   */
  void appendLog(List<CallLogEntry> entries);

  /** A page of the campaign's log (campaign events and every call's), in sequence order. */
  Page<CallLogEntry> campaignLog(TenantId tenant, CampaignId campaignId, PageRequest page);

  /** A page of one call's log, in sequence order. */
  Page<CallLogEntry> callLog(TenantId tenant, CallId callId, PageRequest page);
}
