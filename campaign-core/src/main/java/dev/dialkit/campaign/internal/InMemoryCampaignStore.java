package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.AttemptCapRules;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.CallbackRequest;
import dev.dialkit.campaign.spi.CallbackResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DialPermits;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.campaign.spi.LeadsAhead;
import dev.dialkit.campaign.spi.Lease;
import dev.dialkit.campaign.spi.OutcomeRules;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.ScheduleRules;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link CampaignStore} in this JVM's memory, for tests, demos and single-JVM use; nothing
 * survives a restart. Obtain it through {@link CampaignStore#inMemory()}.
 *
 * <p>It honours the whole {@link CampaignStore} contract. One lock guards all state, so every
 * method is atomic and sees a consistent store; no method does more than logarithmic work per lead
 * or call it touches (a claim never scans the campaign's leads). Stored values are immutable
 * records that are replaced, never mutated, so whatever a method returns stays as it was.
 */
public final class InMemoryCampaignStore implements CampaignStore {
  private static final CounterDelta CLAIM_DELTA =
      CounterDelta.of(Counter.LEADS_QUEUED, -1)
          .plus(Counter.LEADS_IN_PROGRESS, 1)
          .plus(Counter.CALLS_PLACED, 1);

  private static final CounterDelta SKIP_DELTA =
      CounterDelta.of(Counter.LEADS_QUEUED, -1).plus(Counter.LEADS_SKIPPED, 1);

  // oldest first: createdAt, then creation order (the stable sort keeps the map's order)
  private static final Comparator<CampaignState> CAMPAIGN_AGE =
      Comparator.comparing(s -> s.campaign.createdAt());

  private final Object lock = new Object();
  private final Map<CampaignId, CampaignState> campaigns = new LinkedHashMap<>();
  private final LeadTable leads = new LeadTable();
  private final CallIndex calls = new CallIndex();
  private final SlotTable slots = new SlotTable();
  private final CallLogIndex log = new CallLogIndex();
  private final SuppressionTable suppressions = new SuppressionTable();
  private final Map<String, Instant> instances = new HashMap<>();
  private final Map<CallId, CallOutcome> outcomes = new HashMap<>();
  private final Map<CampaignId, Map<String, Long>> dispositionCounts = new HashMap<>();

  /** An empty store. */
  public InMemoryCampaignStore() {}

  // ---------------------------------------------------------------- campaigns

  @Override
  public void createCampaign(Campaign campaign) {
    Objects.requireNonNull(campaign, "campaign");
    synchronized (lock) {
      if (campaigns.containsKey(campaign.id())) {
        throw new StoreException("campaign " + campaign.id() + " already exists", false);
      }
      campaigns.put(campaign.id(), new CampaignState(campaign));
    }
  }

  @Override
  public Optional<Campaign> findCampaign(TenantId tenant, CampaignId id) {
    synchronized (lock) {
      return Optional.ofNullable(owned(tenant, id)).map(s -> s.campaign);
    }
  }

  @Override
  public List<Campaign> listCampaigns(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return campaignsWhere(c -> c.tenant().equals(tenant));
  }

  @Override
  public List<Campaign> findCampaignsByStatus(Set<CampaignStatus> statuses) {
    Set<CampaignStatus> wanted = Set.copyOf(statuses);
    return campaignsWhere(c -> wanted.contains(c.status()));
  }

  @Override
  public Optional<Campaign> transitionCampaign(
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      Instant at) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(at, "at");
    synchronized (lock) {
      CampaignState state = owned(tenant, id);
      if (state == null || !expected.contains(state.campaign.status())) {
        return Optional.empty();
      }
      state.campaign = state.campaign.withStatus(next, at);
      return Optional.of(state.campaign);
    }
  }

  @Override
  public Optional<Campaign> completeIfDone(TenantId tenant, CampaignId id, Instant at) {
    Objects.requireNonNull(at, "at");
    synchronized (lock) {
      CampaignState state = owned(tenant, id);
      if (state == null || (Switches.atomicCompletion && !state.campaign.isDone())) {
        return Optional.empty();
      }
      if (!Switches.atomicCompletion
          && state.campaign.status() != CampaignStatus.RUNNING
          && state.campaign.status() != CampaignStatus.SCHEDULED) {
        return Optional.empty();
      }
      state.campaign = state.campaign.withStatus(CampaignStatus.COMPLETED, at);
      return Optional.of(state.campaign);
    }
  }

  @Override
  public long expireLeads(TenantId tenant, CampaignId id, Instant now) {
    Objects.requireNonNull(now, "now");
    synchronized (lock) {
      CampaignState state = owned(tenant, id);
      if (state == null || !ScheduleRules.ended(state.campaign.spec().schedule(), now)) {
        return 0;
      }
      List<LeadId> expired = state.queue.drain();
      for (LeadId lead : expired) {
        leads.replace(leads.get(lead).expired());
      }
      state.addCounters(ScheduleRules.expiredDelta(expired.size()));
      return expired.size();
    }
  }

  // ---------------------------------------------------------------- leads

  @Override
  public LeadInsertResult insertLeads(TenantId tenant, CampaignId campaignId, List<Lead> input) {
    Objects.requireNonNull(input, "leads");
    for (Lead lead : input) {
      StoreArguments.insertable(tenant, campaignId, lead);
    }
    synchronized (lock) {
      CampaignState state = owned(tenant, campaignId);
      if (state == null) {
        throw new StoreException(
            "campaign " + campaignId + " does not exist for tenant " + tenant, false);
      }
      StoreArguments.acceptsLeads(state.campaign);
      // decide everything first: an error must leave nothing stored
      Set<String> phones = new HashSet<>();
      Set<LeadId> ids = new HashSet<>();
      List<Lead> accepted = new ArrayList<>();
      List<PhoneNumber> duplicates = new ArrayList<>();
      for (Lead lead : input) {
        String phone = lead.phone().e164();
        if (state.phones.contains(phone) || !phones.add(phone)) {
          duplicates.add(lead.phone());
        } else if (leads.contains(lead.id()) || !ids.add(lead.id())) {
          throw new StoreException("lead " + lead.id() + " already exists", false);
        } else {
          accepted.add(lead);
        }
      }
      List<Lead> inserted = new ArrayList<>(accepted.size());
      for (Lead lead : accepted) {
        Lead stored = lead.withSequence(++state.lastLeadSequence);
        leads.add(stored);
        state.leads.add(stored.id());
        state.phones.add(stored.phone().e164());
        state.queue.add(stored);
        inserted.add(stored);
      }
      state.addCounters(
          CounterDelta.of(Counter.LEADS_TOTAL, inserted.size())
              .plus(Counter.LEADS_QUEUED, inserted.size()));
      return new LeadInsertResult(inserted, duplicates);
    }
  }

  @Override
  public Optional<Lead> findLead(TenantId tenant, LeadId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return leads.contains(id)
          ? Optional.of(leads.get(id)).filter(l -> l.tenant().equals(tenant))
          : Optional.empty();
    }
  }

  @Override
  public Set<ZoneId> queuedLeadZones(TenantId tenant, CampaignId campaignId) {
    synchronized (lock) {
      CampaignState state = owned(tenant, campaignId);
      return state == null ? Set.of() : state.queue.zones();
    }
  }

  @Override
  public long countLeadsAhead(Lead lead, Instant dueBy, Set<ZoneId> zones) {
    LeadsAhead.check(lead, dueBy, zones);
    synchronized (lock) {
      CampaignState state = owned(lead.tenant(), lead.campaignId());
      return state == null
          ? 0
          : state.queue.countAhead(lead.priority(), lead.sequence(), dueBy, zones);
    }
  }

  @Override
  public Page<Lead> listLeads(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(page, "page");
    synchronized (lock) {
      CampaignState state = owned(tenant, campaignId);
      if (state == null) {
        return Pages.empty(page);
      }
      return Pages.page(state.leads, id -> leads.get(id).sequence(), page, leads::get);
    }
  }

  // ---------------------------------------------------------------- claims and slots

  /** The successive claims of the default, under this store's lock: one atomic step. */
  @Override
  public BatchClaimResult claimBatch(BatchClaimRequest request) {
    Objects.requireNonNull(request, "request");
    synchronized (lock) {
      return CampaignStore.super.claimBatch(request);
    }
  }

  @Override
  public ClaimResult claimNext(ClaimRequest request) {
    Objects.requireNonNull(request, "request");
    synchronized (lock) {
      CampaignState state = owned(request.tenant(), request.campaignId());
      if (state == null || state.campaign.status() != CampaignStatus.RUNNING) {
        return ClaimResult.denied(Reason.NOT_RUNNING);
      }
      if (!state.leaseHeldBy(request.owner(), request.now())) {
        return ClaimResult.denied(Reason.NOT_LEASE_OWNER);
      }
      if (ScheduleRules.outside(state.campaign.spec().schedule(), request.now())) {
        return ClaimResult.denied(Reason.OUTSIDE_SCHEDULE);
      }
      Reason full = slots.fullUnder(request.tenant(), request.campaignId(), request.limits());
      if (full != null) {
        return ClaimResult.denied(full);
      }
      List<Lead> passedOver = new ArrayList<>();
      LeadId next = nextDialable(state, request, passedOver);
      if (next == null) {
        return new ClaimResult.Denied(Reason.NO_DUE_LEAD, passedOver);
      }
      LeadTable.Claim claim = leads.claim(next, calls::contains);
      Call call =
          Call.initiated(
              claim.lead(), claim.attempt(), request.provider(), request.from(), request.now());
      calls.put(call, null);
      state.activeCalls.add(call.id());
      slots.hold(call.id(), request.tenant(), request.campaignId());
      state.addCounters(CLAIM_DELTA);
      return new ClaimResult.Claimed(claim.lead(), call, passedOver);
    }
  }

  /**
   * The best due lead whose number is neither suppressed nor at a cap, or null; the leads passed
   * over on the way are skipped or deferred, as {@link CampaignStore#claimNext} says.
   */
  private LeadId nextDialable(CampaignState state, ClaimRequest request, List<Lead> passedOver) {
    while (passedOver.size() < MAX_PASSED_OVER) {
      LeadId next = state.queue.pollDue(request.now(), request.zones());
      if (next == null) {
        return null;
      }
      Lead lead = leads.get(next);
      if (suppressions.find(lead.tenant(), lead.phone()) != null) {
        Lead skipped = lead.suppressed();
        leads.replace(skipped);
        state.addCounters(SKIP_DELTA);
        passedOver.add(skipped);
        continue;
      }
      Optional<AttemptCapRules.Held> held =
          AttemptCapRules.check(
              request.caps(),
              lead.timeZone(),
              request.now(),
              calls.countedCallTimes(
                  lead.tenant(), lead.phone(), AttemptCapRules.countedSince(request.now())));
      if (held.isPresent() && Switches.capsAtClaim) {
        Lead capped = lead.capped(held.get().cap(), held.get().allowedAt());
        leads.replace(capped);
        state.queue.add(capped);
        passedOver.add(capped);
        continue;
      }
      return next;
    }
    return null; // passed over the most a claim may: the caller asks again
  }

  // ---------------------------------------------------------------- do-not-call list

  @Override
  public void addSuppressions(List<Suppression> entries) {
    List<Suppression> all = List.copyOf(entries);
    synchronized (lock) {
      all.forEach(suppressions::put);
    }
  }

  @Override
  public boolean removeSuppression(TenantId tenant, PhoneNumber phone) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    synchronized (lock) {
      return suppressions.remove(tenant, phone);
    }
  }

  @Override
  public Optional<Suppression> findSuppression(TenantId tenant, PhoneNumber phone) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    synchronized (lock) {
      return Optional.ofNullable(suppressions.find(tenant, phone));
    }
  }

  @Override
  public Map<PhoneNumber, Suppression> findSuppressions(
      TenantId tenant, Collection<PhoneNumber> phones) {
    Objects.requireNonNull(tenant, "tenant");
    StoreArguments.checkLookup(phones);
    synchronized (lock) {
      return suppressions.findAll(tenant, phones);
    }
  }

  @Override
  public Page<Suppression> listSuppressions(TenantId tenant, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    StoreArguments.checkOffsetPage(page);
    synchronized (lock) {
      return suppressions.page(tenant, page);
    }
  }

  @Override
  public SlotUsage slotUsage(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (lock) {
      int campaign = owned(tenant, campaignId) == null ? 0 : slots.byCampaign(campaignId);
      return new SlotUsage(slots.global(), slots.byTenant(tenant), campaign);
    }
  }

  @Override
  public DialPermit requestDialPermit(PermitRequest request) {
    Objects.requireNonNull(request, "request");
    synchronized (lock) {
      Call stored = calls.get(request.callId());
      if (stored == null || !stored.tenant().equals(request.tenant())) {
        return new DialPermit.Denied(DialPermit.Reason.CALL_NOT_FOUND, null);
      }
      CampaignState state = campaigns.get(stored.campaignId());
      DialPermit.Reason refusal =
          DialPermits.refusal(
              request,
              stored,
              state.campaign.status(),
              state.lease(),
              leads.get(stored.leadId()).state(),
              leads.lastAttempt(stored.leadId()),
              Switches.suppressionAtPermit
                  && suppressions.find(stored.tenant(), stored.to()) != null,
              state.campaign.spec().schedule());
      if (refusal != null && Switches.fencedPermits) {
        return new DialPermit.Denied(refusal, stored);
      }
      Call granted = DialPermits.granted(stored, request);
      calls.put(granted, null);
      log.append(request.log());
      return new DialPermit.Granted(granted);
    }
  }

  // ---------------------------------------------------------------- calls

  @Override
  public Optional<Call> findCall(TenantId tenant, CallId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return Optional.ofNullable(calls.get(id)).filter(c -> c.tenant().equals(tenant));
    }
  }

  @Override
  public Optional<Call> findCallByProviderId(String provider, String providerCallId) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerCallId, "providerCallId");
    synchronized (lock) {
      return calls.findByProviderId(provider, providerCallId);
    }
  }

  @Override
  public List<Call> findActiveCalls(TenantId tenant, CampaignId campaignId) {
    synchronized (lock) {
      CampaignState state = owned(tenant, campaignId);
      if (state == null) {
        return List.of();
      }
      List<Call> active = new ArrayList<>(state.activeCalls.size());
      state.activeCalls.forEach(id -> active.add(calls.get(id)));
      active.sort(Comparator.comparing(Call::createdAt));
      return List.copyOf(active);
    }
  }

  @Override
  public TransitionResult applyTransition(CallTransition transition) {
    Objects.requireNonNull(transition, "transition");
    Call next = transition.call();
    synchronized (lock) {
      Call stored = calls.get(next.id());
      if (stored == null || !stored.tenant().equals(next.tenant())) {
        return new TransitionResult(Outcome.NOT_FOUND, null);
      }
      StoreArguments.sameIdentity(stored, next);
      String key = transition.dedupeKey();
      if (key != null && calls.hasDedupeKey(stored.id(), key)) {
        return new TransitionResult(Outcome.DUPLICATE, stored);
      }
      if (stored.version() != transition.expectedVersion()) {
        return new TransitionResult(Outcome.CONFLICT, stored);
      }
      CampaignState state = campaigns.get(stored.campaignId());
      calls.put(next, key);
      if (next.status().isTerminal()) {
        state.activeCalls.remove(next.id());
      } else {
        state.activeCalls.add(next.id());
      }
      if (transition.releaseSlot()) {
        slots.release(next.id());
      }
      if (transition.leadOutcome() != null) {
        Lead lead = leads.end(next, transition.leadOutcome());
        if (lead.state() == LeadState.QUEUED) {
          state.queue.add(lead);
        } else {
          state.queue.remove(lead.id());
        }
      }
      state.addCounters(transition.counters());
      log.append(transition.log());
      return new TransitionResult(Outcome.APPLIED, next);
    }
  }

  // ---------------------------------------------------------------- call outcomes

  @Override
  public Optional<CallOutcome> findCallOutcome(TenantId tenant, CallId callId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    synchronized (lock) {
      Call call = ownedCall(tenant, callId);
      if (call == null) {
        return Optional.empty();
      }
      CallOutcome stored = outcomes.get(callId);
      return Optional.of(stored != null ? stored : CallOutcome.empty(call, call.createdAt()));
    }
  }

  @Override
  public DispositionWrite recordDisposition(
      TenantId tenant, CallId callId, Disposition disposition, Instant at, CallLogEntry entry) {
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(entry, "log");
    synchronized (lock) {
      Call call = ownedCall(tenant, callId);
      if (call == null) {
        return new DispositionWrite(DispositionWrite.Result.NOT_FOUND, null, null);
      }
      DispositionWrite write =
          OutcomeRules.disposition(call, outcomes.get(callId), disposition, at);
      if (write.result() != DispositionWrite.Result.UNCHANGED) {
        outcomes.put(callId, write.outcome());
        Map<String, Long> counts =
            dispositionCounts.computeIfAbsent(call.campaignId(), k -> new HashMap<>());
        if (write.previous() != null) {
          counts.merge(write.previous().code(), -1L, (a, b) -> a + b == 0 ? null : a + b);
        }
        counts.merge(disposition.code(), 1L, Long::sum);
        log.append(List.of(entry));
      }
      return write;
    }
  }

  @Override
  public Optional<CallOutcome> saveConversation(
      TenantId tenant, CallId callId, Conversation conversation, Instant at) {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(at, "at");
    synchronized (lock) {
      Call call = ownedCall(tenant, callId);
      if (call == null) {
        return Optional.empty();
      }
      CallOutcome stored = outcomes.getOrDefault(callId, CallOutcome.empty(call, at));
      CallOutcome next = stored.withConversation(conversation, at);
      outcomes.put(callId, next);
      return Optional.of(next);
    }
  }

  @Override
  public Map<String, Long> dispositionCounts(TenantId tenant, CampaignId campaignId) {
    synchronized (lock) {
      if (owned(tenant, campaignId) == null) {
        return Map.of();
      }
      return Map.copyOf(dispositionCounts.getOrDefault(campaignId, Map.of()));
    }
  }

  @Override
  public CallbackResult scheduleCallback(CallbackRequest request) {
    Objects.requireNonNull(request, "request");
    synchronized (lock) {
      if (!leads.contains(request.leadId())
          || !leads.get(request.leadId()).tenant().equals(request.tenant())) {
        return new CallbackResult(CallbackResult.Result.NOT_FOUND, null);
      }
      Lead lead = leads.get(request.leadId());
      CampaignState state = campaigns.get(lead.campaignId());
      CallbackResult result = OutcomeRules.callback(lead, state.campaign, request);
      if (result.result() == CallbackResult.Result.REOPENED) {
        state.campaign = state.campaign.reopened(request.now());
      }
      if (result.scheduled()) {
        leads.replace(result.lead());
        state.queue.add(result.lead());
        state.addCounters(OutcomeRules.counters(lead, result.lead()));
      }
      return result;
    }
  }

  @Override
  public Optional<Lead> stopLead(TenantId tenant, LeadId id, Instant at) {
    Objects.requireNonNull(at, "at");
    synchronized (lock) {
      Optional<Lead> found = findLead(tenant, id);
      if (found.isEmpty() || found.get().state() != LeadState.QUEUED) {
        return found;
      }
      Lead lead = found.get();
      Lead stopped = OutcomeRules.stop(lead);
      CampaignState state = campaigns.get(lead.campaignId());
      leads.replace(stopped);
      state.queue.remove(id);
      state.addCounters(OutcomeRules.counters(lead, stopped));
      return Optional.of(stopped);
    }
  }

  private Call ownedCall(TenantId tenant, CallId callId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    Call call = calls.get(callId);
    return call != null && call.tenant().equals(tenant) ? call : null;
  }

  // ---------------------------------------------------------------- leases

  @Override
  public Optional<Lease> tryLease(
      CampaignId campaignId, String owner, long heldEpoch, Instant now, Duration ttl) {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    StoreArguments.positive(ttl);
    StoreArguments.epoch(heldEpoch);
    synchronized (lock) {
      CampaignState state = campaigns.get(campaignId);
      if (state == null) {
        return Optional.empty();
      }
      boolean renewal =
          heldEpoch > 0 && owner.equals(state.leaseOwner) && heldEpoch == state.leaseEpoch;
      boolean free =
          state.leaseOwner == null
              || !now.isBefore(state.leaseExpiry)
              || owner.equals(state.leaseOwner);
      if (!renewal && !free) {
        return Optional.of(state.lease());
      }
      if (!renewal) {
        state.leaseEpoch++;
      }
      state.leaseOwner = owner;
      state.leaseExpiry = now.plus(ttl);
      return Optional.of(state.lease());
    }
  }

  @Override
  public void releaseLease(CampaignId campaignId, String owner, long epoch) {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(owner, "owner");
    synchronized (lock) {
      CampaignState state = campaigns.get(campaignId);
      if (state != null && owner.equals(state.leaseOwner) && epoch == state.leaseEpoch) {
        state.leaseOwner = null;
        state.leaseExpiry = null;
      }
    }
  }

  @Override
  public void heartbeat(String instanceId, Instant now) {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(now, "now");
    synchronized (lock) {
      instances.put(instanceId, now);
    }
  }

  @Override
  public Set<String> liveInstances(Instant now, Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    }
    Instant after = now.minus(timeout);
    synchronized (lock) {
      Set<String> live = new HashSet<>();
      instances.forEach(
          (id, seen) -> {
            if (seen.isAfter(after)) {
              live.add(id);
            }
          });
      return Set.copyOf(live);
    }
  }

  @Override
  public void deregister(String instanceId) {
    synchronized (lock) {
      instances.remove(instanceId);
    }
  }

  @Override
  public int removeInstancesSeenBefore(Instant seenBefore) {
    Objects.requireNonNull(seenBefore, "seenBefore");
    synchronized (lock) {
      int before = instances.size();
      instances.values().removeIf(seen -> !seen.isAfter(seenBefore));
      return before - instances.size();
    }
  }

  @Override
  public int releaseOrphanSlots() {
    synchronized (lock) {
      int released = 0;
      for (CallId holder : slots.holders()) {
        if (!calls.contains(holder) || calls.get(holder).status().isTerminal()) {
          slots.release(holder);
          released++;
        }
      }
      return released;
    }
  }

  // ---------------------------------------------------------------- call log

  @Override
  public void appendLog(List<CallLogEntry> entries) {
    List<CallLogEntry> copy = List.copyOf(entries);
    synchronized (lock) {
      log.append(copy);
    }
  }

  @Override
  public Page<CallLogEntry> campaignLog(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(page, "page");
    synchronized (lock) {
      return log.campaignPage(tenant, campaignId, page);
    }
  }

  @Override
  public Page<CallLogEntry> callLog(TenantId tenant, CallId callId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(page, "page");
    synchronized (lock) {
      return log.callPage(tenant, callId, page);
    }
  }

  // ---------------------------------------------------------------- helpers (lock held)

  /** The campaign's state if it exists and belongs to {@code tenant}, else null. */
  private CampaignState owned(TenantId tenant, CampaignId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "campaignId");
    CampaignState state = campaigns.get(id);
    return state != null && state.campaign.tenant().equals(tenant) ? state : null;
  }

  private List<Campaign> campaignsWhere(Predicate<Campaign> filter) {
    synchronized (lock) {
      return campaigns.values().stream()
          .filter(s -> filter.test(s.campaign))
          .sorted(CAMPAIGN_AGE)
          .map(s -> s.campaign)
          .toList();
    }
  }
}
