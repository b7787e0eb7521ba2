package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.internal.InMemoryCampaignStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 *   <li>Lists come back oldest first: by {@code createdAt}, then in the order the store received
 *       them.
 *   <li>Paged reads ({@link #listLeads}, {@link #campaignLog}, {@link #callLog}) keep the items
 *       whose sequence is greater than {@link PageRequest#afterSequence()}, skip {@link
 *       PageRequest#offset()} of those and return up to {@link PageRequest#limit()}. {@link
 *       Page#total()} counts the whole list, ignoring cursor and offset; {@link Page#nextCursor()}
 *       is the last returned item's sequence, or the request's cursor when the page is empty. A
 *       campaign or call the tenant does not own reads as an empty list.
 *   <li>Sequences (of leads within a campaign, of log entries within the store) are positive and
 *       may skip numbers, so that the cursor 0 means "from the start".
 *   <li>Arguments are never {@code null} unless a parameter says so; a {@code null} or invalid
 *       argument is an {@link IllegalArgumentException} or {@link NullPointerException}, never a
 *       {@link StoreException}.
 * </ul>
 *
 * <p>The abstract {@code CampaignStoreContract} suite in {@code campaign-testkit} checks all of
 * this; an implementation runs it through a small subclass.
 */
public interface CampaignStore {

  /**
   * A store that keeps everything in this JVM's memory, for tests, demos and single-JVM use;
   * nothing survives a restart. It honours the whole contract, for any number of threads.
   */
  static CampaignStore inMemory() {
    return new InMemoryCampaignStore();
  }

  // ---------------------------------------------------------------- campaigns

  /**
   * Stores a new campaign, as given (status, counters and times included).
   *
   * @throws StoreException (not transient) if a campaign with this id already exists, whatever its
   *     tenant; nothing is changed
   */
  void createCampaign(Campaign campaign);

  /** The campaign, if it exists and belongs to {@code tenant}. */
  Optional<Campaign> findCampaign(TenantId tenant, CampaignId id);

  /** The tenant's campaigns, oldest first ({@code createdAt}, then creation order). */
  List<Campaign> listCampaigns(TenantId tenant);

  /** Campaigns of every tenant whose status is in {@code statuses}, oldest first. */
  List<Campaign> findCampaignsByStatus(Set<CampaignStatus> statuses);

  /**
   * Compare-and-set of a campaign's status: moves it to {@code next} at {@code at} only if its
   * current status is in {@code expected}, stamping {@code startedAt} and {@code endedAt} as {@link
   * Campaign#withStatus} does. Two concurrent callers expecting the same status: exactly one wins.
   * The store checks only {@code expected}; whether the move is allowed ({@link
   * CampaignStatus#canMoveTo}) is the caller's decision. Counters are kept.
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

  /**
   * Completes the campaign if it is done, in one atomic step: moves it from {@code RUNNING} or
   * {@code SCHEDULED} to {@code COMPLETED} at {@code at} only if it has leads ({@code LEADS_TOTAL >
   * 0}) and none is queued or in progress ({@code LEADS_QUEUED == 0}, {@code LEADS_IN_PROGRESS ==
   * 0}). Atomic with respect to {@link #insertLeads} and {@link #claimNext}: a lead stored
   * concurrently either keeps the campaign running or is refused.
   *
   * @return the completed campaign, or empty if it does not exist for the tenant, is in another
   *     status, or is not done
   */
  Optional<Campaign> completeIfDone(TenantId tenant, CampaignId id, Instant at);

  /**
   * Sets aside the leads of a campaign whose schedule has ended, in one atomic step: if the
   * campaign exists for {@code tenant}, its stored {@link dev.dialkit.campaign.CampaignSchedule}
   * has an end and {@code now >= end}, every lead of it that is {@code QUEUED} (due or not) becomes
   * {@code SKIPPED} with hold {@link dev.dialkit.campaign.LeadHold#EXPIRED}, and the counters move
   * by {@code LEADS_QUEUED -n}, {@code LEADS_SKIPPED +n}, {@code LEADS_EXPIRED +n}. Leads in
   * progress are left alone (their calls finish; a lead that one of them queues again is expired by
   * a later call). Atomic with respect to {@link #claimNext} and {@link #insertLeads}: no lead is
   * both claimed and expired, and no lead is counted twice however many instances call it at once.
   *
   * @return the number of leads expired by this call ({@code 0} if the campaign does not exist for
   *     the tenant, has no end or its end is after {@code now}, or has no queued lead)
   */
  long expireLeads(TenantId tenant, CampaignId id, Instant now);

  // ---------------------------------------------------------------- leads

  /**
   * Adds leads to a campaign. A lead whose phone number the campaign already has (or that an
   * earlier lead of {@code leads} has) is skipped and reported as a duplicate; all others are
   * stored, each with a {@code sequence} greater than that of every lead stored before it in the
   * campaign. {@code LEADS_TOTAL} and {@code LEADS_QUEUED} grow by the number stored, atomically
   * with the insert.
   *
   * <p>The numbers are compared as E.164 strings. Of several leads with one number, the first in
   * {@code leads} is stored and each later one is reported, in input order, in {@link
   * LeadInsertResult#duplicates()}. The returned leads are the stored ones: the input with its
   * sequence assigned. Either the whole call succeeds or nothing is stored.
   *
   * <p>Atomic with respect to {@link #completeIfDone}: a campaign that has finished ({@code
   * COMPLETED}, {@code CANCELED} or {@code FAILED}) refuses leads, and a lead that is stored keeps
   * its campaign from completing until it is dialed. No lead is ever accepted and then forgotten.
   *
   * @param leads queued leads of this tenant and campaign (their sequence is ignored)
   * @throws StoreException (not transient) if the campaign does not exist for the tenant, or a lead
   *     id is already stored (in any campaign) or repeated in {@code leads}; nothing is stored
   * @throws IllegalCampaignStateException if the campaign is {@code COMPLETED}, {@code CANCELED} or
   *     {@code FAILED}; nothing is stored
   * @throws IllegalArgumentException if a lead belongs to another tenant or campaign or is not
   *     {@code QUEUED}; nothing is stored
   */
  LeadInsertResult insertLeads(TenantId tenant, CampaignId campaignId, List<Lead> leads);

  /** The lead, if it exists and belongs to {@code tenant}. */
  Optional<Lead> findLead(TenantId tenant, LeadId id);

  /**
   * The distinct time zones of the campaign's {@code QUEUED} leads (due or not): the zones whose
   * calling windows the executor checks. Empty if the campaign does not exist for the tenant.
   */
  Set<ZoneId> queuedLeadZones(TenantId tenant, CampaignId campaignId);

  /**
   * How many leads of {@code lead}'s campaign a claim would take before {@code lead} if it were due
   * at {@code dueBy}: the leads other than {@code lead} that are {@code QUEUED}, have {@code
   * nextAttemptAt <= dueBy}, a time zone in {@code zones} (any zone if {@code zones} is null), and
   * come first in the claim's order ({@link #claimNext}): a higher priority, or the same priority
   * and a lower sequence. {@link LeadsAhead#isAhead} is this rule for one lead.
   *
   * <p>{@code lead} is the lead as the caller read it: its tenant, campaign, priority and sequence
   * are used as given (the stored lead is not read again, and may have moved on since). The count
   * is 0 if the campaign does not exist for {@code lead.tenant()}. Leads whose numbers are on the
   * do-not-call list but still queued are counted: the store finds them out only when a claim
   * reaches them.
   *
   * <p>It is read-only and need not be atomic with concurrent claims (a queue position is an
   * estimate). It runs for each position a host asks for, on campaigns of a hundred thousand leads
   * and more: a store answers from an index range over (campaign, state, priority, sequence), at a
   * cost that grows with the count and never with the campaign's other leads. The default pages
   * through {@link #listLeads}, reading the whole campaign: correct, for a store that has no better
   * way, but every real store overrides it.
   *
   * @param dueBy the instant the lead would be claimed at; leads due later are not counted
   * @param zones the time zones whose calling windows are open then, or null for every zone; not
   *     empty
   * @return how many leads come first, >= 0
   */
  default long countLeadsAhead(Lead lead, Instant dueBy, Set<ZoneId> zones) {
    return LeadsAhead.byPaging(this, lead, dueBy, zones);
  }

  /**
   * A page of the campaign's leads ordered by sequence; {@code afterSequence} is a cursor on the
   * lead sequence. Empty if the campaign does not exist for the tenant.
   */
  Page<Lead> listLeads(TenantId tenant, CampaignId campaignId, PageRequest page);

  // ---------------------------------------------------------------- do-not-call list

  /**
   * Adds numbers to their tenants' suppression lists, atomically: all or none. A number already on
   * its tenant's list has its entry replaced (the latest source, reason and time win); a number
   * repeated in {@code entries} keeps its last entry. From the moment this returns no claim of the
   * tenant dials these numbers ({@link #claimNext}). Leads already queued stay queued until a claim
   * reaches them.
   */
  void addSuppressions(List<Suppression> entries);

  /** Takes a number off the tenant's list; whether it was on it. */
  boolean removeSuppression(TenantId tenant, PhoneNumber phone);

  /** The tenant's entry for the number, if it is on the list. */
  Optional<Suppression> findSuppression(TenantId tenant, PhoneNumber phone);

  /**
   * Which of {@code phones} are on the tenant's list, with their entries: one round trip for an
   * import batch (at most {@value #MAX_SUPPRESSION_LOOKUP} numbers). A list may hold millions of
   * numbers (a national registry): look each number up by the key, with a plan that does not depend
   * on the database's statistics, never by scanning the tenant's list.
   */
  Map<PhoneNumber, Suppression> findSuppressions(TenantId tenant, Collection<PhoneNumber> phones);

  /** The most numbers {@link #findSuppressions} takes at once. */
  int MAX_SUPPRESSION_LOOKUP = 10_000;

  /**
   * A page of the tenant's list, ordered by number (E.164 text); {@link PageRequest#after} cursors
   * are not supported for this list: use offset pages ({@link PageRequest#of}).
   */
  Page<Suppression> listSuppressions(TenantId tenant, PageRequest page);

  // ---------------------------------------------------------------- claims and slots

  /**
   * Claims the campaign's next due lead together with a concurrency slot, in one atomic step:
   *
   * <ol>
   *   <li>the campaign must exist for {@code request.tenant()} and be {@code RUNNING} (a missing
   *       campaign, one of another tenant, or one {@code SCHEDULED} is {@code NOT_RUNNING}), and
   *       {@code request.owner()} must hold its lease at {@code request.now()}, that is {@code now
   *       < expiry} (see {@link #tryLease});
   *   <li>{@code request.now()} must lie within the campaign's stored {@link
   *       dev.dialkit.campaign.CampaignSchedule} ({@code start <= now < end}, either bound absent
   *       meaning none), else {@code OUTSIDE_SCHEDULE}: checked in the same atomic step as the
   *       status, so a claimer that stalled past the end claims nothing (the end is fenced like a
   *       pause);
   *   <li>a slot must be free under all three limits of {@code request.limits()} at once, checked
   *       in the order global, tenant, campaign: the slots held by every call of every campaign in
   *       the store (of the tenant, of the campaign) must be fewer than the limit, counted over
   *       every instance sharing the store;
   *   <li>the lead is the {@code QUEUED} lead with {@code nextAttemptAt <= now} and, unless {@code
   *       request.zones()} is null, a time zone in that set, of highest priority, lowest sequence
   *       among equals;
   *   <li>the lead's number must not be on the tenant's suppression list ({@link
   *       #addSuppressions}): a suppressed lead becomes {@code SKIPPED} with hold {@link
   *       dev.dialkit.campaign.LeadHold#SUPPRESSED}, the counters change by {@code LEADS_QUEUED -1,
   *       LEADS_SKIPPED +1}, and the claim goes on with the next due lead;
   *   <li>the number must be under {@code request.caps()}: the creation times of the tenant's calls
   *       to it (any campaign) after {@link AttemptCapRules#countedSince}, except calls released
   *       unsent ({@code CANCELED} with {@code NOT_DIALED}), checked with {@link
   *       AttemptCapRules#check}; a lead held back stays {@code QUEUED} with {@code nextAttemptAt}
   *       set to {@link AttemptCapRules.Held#allowedAt()} and the hold recorded, and the claim goes
   *       on with the next due lead. Claims of the same tenant's number serialize (on every
   *       instance, whatever the campaign), so that no cap is ever exceeded. Every claim of a
   *       tenant must carry the same caps (every dialer instance configured alike): a store may
   *       skip the serialization for a claim without caps;
   *   <li>the lead becomes {@code IN_PROGRESS} with one more attempt and no hold; a call {@link
   *       Call#initiated} at {@code now} for that attempt is stored; the slot is held by that call;
   *       the counters change by {@code LEADS_QUEUED -1, LEADS_IN_PROGRESS +1, CALLS_PLACED +1}.
   * </ol>
   *
   * <p>The call's attempt number (and so its id, {@link dev.dialkit.campaign.CallId#forAttempt}) is
   * the lead's new attempt count, except after a refunded attempt ({@link
   * LeadOutcome#refundAttempt()}): a call id is never reused, so the attempt number is always one
   * more than that of the lead's previous call. Thus {@link Call#attempt()} counts calls stored for
   * the lead, {@link Lead#attempts()} the ones that count against its budget.
   *
   * <p>No lead is ever claimed twice at once, whatever the number of threads and instances; no
   * limit is ever exceeded. If any condition fails nothing changes, except the leads passed over
   * (which the result lists in {@link ClaimResult#passedOver()}), and the result says why (the
   * first failing condition in the order above).
   *
   * <p>A claim passes over at most {@link #MAX_PASSED_OVER} leads; having passed over that many it
   * may stop and answer {@code NO_DUE_LEAD} with them, although more leads may be due: a caller
   * that gets {@code NO_DUE_LEAD} with leads passed over asks again.
   */
  ClaimResult claimNext(ClaimRequest request);

  /** The most leads one {@link #claimNext} passes over (suppressed or capped) before it stops. */
  int MAX_PASSED_OVER = 100;

  /**
   * Claims up to {@link BatchClaimRequest#max()} due leads of one campaign, each with a slot and a
   * new call, exactly as that many {@link #claimNext} calls in a row at the same {@code now} would,
   * the i-th with caller id {@code request.from().get(i)}: every rule of a single claim holds for
   * each lead (status, lease, the three limits counting the slots the batch itself took, due time
   * and zones, order by priority then sequence, suppression, attempt caps), and the batch stops at
   * the first claim that would be denied, saying why in {@link BatchClaimResult#stoppedBy()}.
   *
   * <p>The leads passed over on the way are listed once, in {@link BatchClaimResult#passedOver()};
   * as for a single claim, a batch that claims nothing because a limit binds, the campaign is not
   * running or the lease is not held passes no lead over. A batch may stop with {@code NO_DUE_LEAD}
   * once one of its steps has passed over {@link #MAX_PASSED_OVER} leads, although more are due: a
   * caller that gets {@code NO_DUE_LEAD} with leads passed over asks again.
   *
   * <p>A store should claim a batch in one atomic step and one round of commits (the JDBC store
   * does it in one transaction); the default runs {@link #claimNext} for each lead, which keeps
   * every guarantee but not the speed. Either way no limit is exceeded and no lead is claimed
   * twice, whatever the threads and instances.
   *
   * <p><b>Permits with the claim.</b> A request that {@link BatchClaimRequest#grantsPermits()} asks
   * for each claimed call's dial permit too: a call is returned granted ({@code sentAt} = the
   * request's {@code now} to the millisecond, its {@code CALL_INITIATED} entry ({@link
   * DialPermits#sentEntry}) in the log) exactly when {@link #requestDialPermit} with the request's
   * owner, {@link BatchClaimRequest#permitEpoch()} and {@code now} would grant it right after the
   * claim; otherwise it is returned unsent, as claimed. The claim's own checks (running, lease held
   * at {@code now}, not suppressed) are the permit's but one: the lease's epoch, which a store
   * granting in the claim's atomic step checks as well. A store that cannot do it in that step asks
   * {@link #requestDialPermit} for each call after the claim ({@link ClaimPermits}, as the default
   * does); the dialer treats both the same.
   */
  default BatchClaimResult claimBatch(BatchClaimRequest request) {
    List<ClaimResult.Claimed> claimed = new ArrayList<>();
    List<Lead> passedOver = new ArrayList<>();
    int i = 0;
    while (i < request.max()) {
      ClaimResult result = claimNext(request.claim(i));
      passedOver.addAll(result.passedOver());
      if (result instanceof ClaimResult.Claimed c) {
        claimed.add(new ClaimResult.Claimed(c.lead(), c.call()));
        i++;
        continue;
      }
      return ClaimPermits.grantEach(
          this,
          request,
          new BatchClaimResult(claimed, passedOver, ((ClaimResult.Denied) result).reason()));
    }
    return ClaimPermits.grantEach(this, request, new BatchClaimResult(claimed, passedOver, null));
  }

  /** The most leads one {@link #claimBatch} claims. */
  int MAX_CLAIM_BATCH = 100;

  /**
   * Slots held now: in the whole store, by the tenant, by the campaign (0 if the campaign does not
   * exist for the tenant).
   */
  SlotUsage slotUsage(TenantId tenant, CampaignId campaignId);

  /**
   * Grants or refuses the permit to send a call's create request, in one atomic step, right before
   * the send. The permit is granted only if, at once:
   *
   * <ol>
   *   <li>the call exists for {@code request.tenant()} (else {@code CALL_NOT_FOUND});
   *   <li>its campaign is {@code RUNNING} and its schedule, if it has one, has not ended at {@code
   *       request.now()} (else {@code NOT_DIALING}): a pause or cancel that committed before, or
   *       the schedule's end, refuses every later permit;
   *   <li>{@code request.owner()} holds the campaign's lease with {@code request.epoch()} at {@code
   *       request.now()} (else {@code LEASE_LOST}): after a takeover the former owner's epoch is
   *       worthless, however its clock runs;
   *   <li>the call is not terminal, and its lead is {@code IN_PROGRESS} with this call as its last
   *       one (else {@code CALL_NOT_CURRENT});
   *   <li>the call is {@code INITIATED} without provider ids, and its {@code sentAt} is {@code
   *       request.previousSentAt()} (else {@code ALREADY_SENT});
   *   <li>the call's number ({@link Call#to()}) is not on the tenant's do-not-call list (else
   *       {@code SUPPRESSED}): a number suppressed between the claim and the send is not dialed.
   * </ol>
   *
   * <p>{@link DialPermits#refusal} decides these for a store. On a grant the call gets {@code
   * sentAt = request.now()} and one more version ({@link DialPermits#granted}), and {@code
   * request.log()} is appended, all at once; from then on the call's outcome is unknown until the
   * provider answers. On a refusal nothing changes. Two concurrent requests for one call: at most
   * one is granted.
   *
   * <p>A batched claim may carry the permits of the calls it claims ({@link
   * BatchClaimRequest#grantsPermits()}); the conditions stay the same.
   */
  DialPermit requestDialPermit(PermitRequest request);

  // ---------------------------------------------------------------- calls

  /** The call, if it exists and belongs to {@code tenant}. */
  Optional<Call> findCall(TenantId tenant, CallId id);

  /**
   * The call of {@code provider} whose {@code providerCallId}, or failing that whose {@code
   * providerRequestId}, is {@code providerCallId}, if any. Not scoped by tenant (a webhook does not
   * say whose call it is): the caller checks the tenant of what it finds.
   */
  Optional<Call> findCallByProviderId(String provider, String providerCallId);

  /**
   * The campaign's calls whose status is not terminal, oldest first ({@code createdAt}, then claim
   * order). Empty if the campaign does not exist for the tenant.
   */
  List<Call> findActiveCalls(TenantId tenant, CampaignId campaignId);

  /**
   * Applies a {@link CallTransition} atomically: if its dedupe key was recorded before for this
   * call the result is {@code DUPLICATE}; if the stored call's version is not {@code
   * expectedVersion} the result is {@code CONFLICT}; otherwise the call is replaced, the dedupe key
   * recorded, the slot released if asked (a slot is released at most once, however often asked),
   * the lead updated as {@code leadOutcome} says (its counters moved accordingly is the caller's
   * job, through {@code counters}), the counters changed and the log entries appended, all at once.
   *
   * <p>Precisely, the checks run in this order and the first that fails decides:
   *
   * <ol>
   *   <li>{@code NOT_FOUND} if no call has the id, or it belongs to another tenant than {@code
   *       call.tenant()};
   *   <li>{@code DUPLICATE} if {@code dedupeKey} is not {@code null} and already recorded for this
   *       call (a duplicate carrying a stale version is still a duplicate, not a conflict);
   *   <li>{@code CONFLICT} if the stored version is not {@code expectedVersion}.
   * </ol>
   *
   * <p>On {@code APPLIED} the lead of the call becomes {@code leadOutcome.state()}; its {@code
   * nextAttemptAt} becomes {@code leadOutcome.nextAttemptAt()} when that is given (a {@code QUEUED}
   * lead is claimable again from then on) and is kept otherwise; its {@code lastOutcome} becomes
   * the call's status if that is terminal and is kept otherwise; with {@code refundAttempt} its
   * attempts go down by one (never below zero). The entries of {@code log} get sequences as by
   * {@link #appendLog}. Releasing a slot that is already free does nothing. Nothing else changes:
   * in particular the lead counters move only by {@code counters}.
   *
   * @return the outcome and the call as stored after it ({@code null} for {@code NOT_FOUND})
   * @throws IllegalArgumentException if the call's campaign, lead or attempt differ from the stored
   *     call's; nothing is written
   */
  TransitionResult applyTransition(CallTransition transition);

  // ---------------------------------------------------------------- call outcomes

  /**
   * The call's outcome (its disposition and what the agent learned), if the call exists and belongs
   * to {@code tenant}: an outcome with nothing recorded when nothing was recorded yet.
   */
  Optional<CallOutcome> findCallOutcome(TenantId tenant, CallId callId);

  /**
   * Records the call's disposition, in one atomic step: if the call does not exist for {@code
   * tenant}, {@code NOT_FOUND}; if its stored disposition equals {@code disposition}, {@code
   * UNCHANGED} and nothing is written (a repeated webhook or retried request); otherwise the
   * disposition replaces the stored one ({@code RECORDED} or {@code REPLACED}, with the one it
   * replaced), stamped {@code at}, and {@code log} is appended as by {@link #appendLog}, all at
   * once. A call has one disposition; what the agent learned is kept. Two concurrent writers of one
   * call: one wins, the other sees its result ({@code UNCHANGED} or {@code REPLACED}).
   *
   * @param log the call-log entry of the change (a {@code DISPOSITION_RECORDED} entry)
   */
  DispositionWrite recordDisposition(
      TenantId tenant, CallId callId, Disposition disposition, Instant at, CallLogEntry log);

  /**
   * Lays {@code conversation} over the call's stored one ({@link Conversation#mergedWith}) at
   * {@code at}, atomically; the disposition is kept. Empty, and nothing written, if the call does
   * not exist for {@code tenant}.
   */
  Optional<CallOutcome> saveConversation(
      TenantId tenant, CallId callId, Conversation conversation, Instant at);

  /**
   * How many of the campaign's calls have each disposition code, by code; codes no call has are
   * absent. Empty if the campaign does not exist for the tenant. One query (an index on campaign
   * and code), never a scan of other campaigns' calls.
   */
  Map<String, Long> dispositionCounts(TenantId tenant, CampaignId campaignId);

  /**
   * Schedules a call back to a lead, in one atomic step, through its {@code nextAttemptAt} so that
   * the claim needs no other path: the lead must exist for {@code request.tenant()} (else {@code
   * NOT_FOUND}); its campaign must not be {@code CANCELED} or {@code FAILED}, nor {@code COMPLETED}
   * with a schedule that ends by {@code request.at()} (else {@code CAMPAIGN_ENDED}); the lead must
   * not be {@code IN_PROGRESS} (else {@code IN_PROGRESS}) nor {@code SKIPPED} with hold {@link
   * LeadHold#SUPPRESSED} (else {@code SUPPRESSED}). Then it becomes {@code QUEUED} with {@code
   * nextAttemptAt = request.at()} and hold {@link LeadHold#CALLBACK}, its attempts one lower with
   * {@code request.refundAttempt()} (never below zero). A lead that was {@code QUEUED} is {@code
   * SCHEDULED} and the counters do not move; a finished one ({@code DONE}, {@code FAILED}, {@code
   * SKIPPED}) is {@code REQUEUED} and the counters move by {@code LEADS_QUEUED +1} and minus one of
   * its former state's counter. If the campaign was {@code COMPLETED}, it is {@code REOPENED} in
   * the same atomic step: it becomes {@link dev.dialkit.campaign.Campaign#reopened} ({@code
   * RUNNING}, no end time). {@link OutcomeRules#callback(Lead, dev.dialkit.campaign.Campaign,
   * CallbackRequest)} decides.
   *
   * <p>Atomic with respect to {@link #completeIfDone} and {@link #claimNext}: a requeued lead keeps
   * its campaign from completing, or the campaign completed first and the callback is refused.
   */
  CallbackResult scheduleCallback(CallbackRequest request);

  /**
   * Ends a queued lead for good (a disposition with {@link
   * dev.dialkit.campaign.DispositionCode#stop()}), atomically: a {@code QUEUED} lead of {@code
   * tenant} becomes {@code DONE} with no hold, counters {@code LEADS_QUEUED -1, LEADS_DONE +1}; a
   * lead in any other state is left as it is.
   *
   * @return the lead as stored afterwards, or empty if it does not exist for the tenant
   */
  Optional<Lead> stopLead(TenantId tenant, LeadId id, Instant at);

  // ---------------------------------------------------------------- leases

  /**
   * Acquires or renews the lease on dispatching a campaign, in one atomic step:
   *
   * <ul>
   *   <li><b>renewal</b>: if {@code heldEpoch > 0} and the stored lease is {@code owner}'s with
   *       that epoch, it runs until {@code now + ttl}, epoch unchanged, whether or not it expired
   *       meanwhile (nobody took it, or its epoch would have changed);
   *   <li><b>acquisition</b>: otherwise, if the lease is free, expired at {@code now}, or held by
   *       {@code owner} under another epoch (a restarted instance with the same id), {@code owner}
   *       gets it until {@code now + ttl} with an epoch one greater than the stored one (1 for the
   *       first);
   *   <li>otherwise nothing changes.
   * </ul>
   *
   * <p>A lease that runs until {@code expiry} is held at every instant before {@code expiry} and
   * expired from {@code expiry} on. A renewal sets the expiry to {@code now + ttl}, even if that is
   * earlier than before. Of several concurrent claimants of a free lease exactly one wins. Leases
   * are not scoped by tenant: campaign ids are unique across tenants. Epochs never decrease, also
   * across {@link #releaseLease}.
   *
   * @param heldEpoch the epoch of the lease the caller holds, or 0 to acquire
   * @param ttl how long the lease runs, > 0
   * @return the lease as stored afterwards: {@code owner}'s if granted ({@link Lease#isHeldBy}),
   *     else the current holder's; empty if the campaign does not exist
   * @throws IllegalArgumentException if {@code ttl} is zero or negative, or {@code heldEpoch} is
   *     negative
   */
  Optional<Lease> tryLease(
      CampaignId campaignId, String owner, long heldEpoch, Instant now, Duration ttl);

  /**
   * Gives the lease up if {@code owner} holds it with {@code epoch} (expired or not), so that
   * anyone may take it at once; otherwise does nothing. The epoch is kept, so the next acquisition
   * gets a greater one.
   */
  void releaseLease(CampaignId campaignId, String owner, long epoch);

  // ---------------------------------------------------------------- instances

  /**
   * Records that the dialer instance {@code instanceId} is alive at {@code now}: its heartbeat,
   * written every few seconds. The first heartbeat registers the instance.
   */
  void heartbeat(String instanceId, Instant now);

  /**
   * The instances whose last heartbeat is after {@code now - timeout} (not dead), by id. An
   * instance whose heartbeats stopped drops out once {@code timeout} has passed; its leases expire
   * on their own and another instance takes its campaigns over.
   *
   * @param timeout > 0
   */
  Set<String> liveInstances(Instant now, Duration timeout);

  /** Removes the instance from the registry (a clean shutdown); harmless if it is not there. */
  void deregister(String instanceId);

  /**
   * Removes every instance whose last heartbeat is at or before {@code seenBefore}: the
   * registrations of instances that died without deregistering. Safe to run on any instance at any
   * time.
   *
   * @return how many were removed
   */
  int removeInstancesSeenBefore(Instant seenBefore);

  // ---------------------------------------------------------------- repair

  /**
   * Releases every slot held by a call that is terminal or does not exist: slots a crash between
   * two writes may have left held by a store without multi-document transactions. A store whose
   * writes are all transactional never leaves any and returns 0. Safe to run at any time, on any
   * instance, concurrently with everything else.
   *
   * @return the number of slots released
   */
  int releaseOrphanSlots();

  // ---------------------------------------------------------------- health

  /**
   * What is wrong with the store's schema for this implementation, or empty when it is ready: for
   * example migrations not applied yet, a schema made by a newer version, or an index missing. It
   * reads the schema live (it is what {@code CampaignDialer.health()} asks to see whether the store
   * answers), so it must be cheap: one small query, never a scan. A store without a schema returns
   * empty, which is the default.
   *
   * <p>The text is for an operator: it names what is missing and how to fix it, and holds no
   * credentials or connection strings.
   *
   * @return the problem, or empty when the schema is the one this implementation needs
   * @throws StoreException if the store cannot be reached (transient)
   */
  default Optional<String> schemaProblem() {
    return Optional.empty();
  }

  // ---------------------------------------------------------------- call log

  /**
   * Appends entries to the call log in order, assigning each a sequence greater than every sequence
   * assigned before (the sequence the entries carry is ignored). An empty list does nothing.
   */
  void appendLog(List<CallLogEntry> entries);

  /**
   * A page of the campaign's log (campaign events and every call's), in sequence order: the entries
   * with this tenant and campaign.
   */
  Page<CallLogEntry> campaignLog(TenantId tenant, CampaignId campaignId, PageRequest page);

  /** A page of one call's log, in sequence order: the entries with this tenant and call. */
  Page<CallLogEntry> callLog(TenantId tenant, CallId callId, PageRequest page);
}
