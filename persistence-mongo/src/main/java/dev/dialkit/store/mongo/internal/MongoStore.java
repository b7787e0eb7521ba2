package dev.dialkit.store.mongo.internal;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.CallbackRequest;
import dev.dialkit.campaign.spi.CallbackResult;
import dev.dialkit.campaign.spi.ClaimPermits;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.campaign.spi.Lease;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MongoCampaignStore} on the sync driver, without multi-document transactions. Every write
 * is one single-document atomic operation; a change that spans documents goes through the call's
 * {@link Outbox} (or, for lead inserts, {@link InsertIntents}) so that a crash between two writes
 * is finished later by the next change of the call or by {@link #releaseOrphanSlots()} (see the
 * module's README for the order and the repair). This class is the write half of the SPI (the reads
 * are in {@link StoreReads}): it checks arguments, delegates to the class that holds each write
 * sequence, and translates driver errors.
 */
public final class MongoStore extends StoreReads {
  private final Outbox outbox;
  private final Sequences sequences;
  private final InsertIntents intents;
  private final ClaimUndo undo;
  private final Leases leases;
  private final Permits permits;
  private final Instances instances;
  private final Repair repair;
  private final PassOver passOver;
  private final Expiry expiry;
  private final DoNotCallList doNotCall;
  private final OutcomeDocs outcomes;
  private final LeadMoves moves;

  public MongoStore(
      MongoDatabase database, String prefix, WriteConcern writeConcern, ReadConcern readConcern) {
    this(Collections.of(database, prefix, writeConcern, readConcern));
  }

  private MongoStore(Collections db) {
    this(db, new CounterShards(db.counters()), new Sequences(db.sequences()));
  }

  private MongoStore(Collections db, CounterShards shards, Sequences sequences) {
    super(db, new CampaignDocuments(db, shards, sequences), new Ledger(db.slots()));
    this.outbox = new Outbox(db, ledger, shards);
    this.sequences = sequences;
    this.intents = new InsertIntents(db);
    this.undo = new ClaimUndo(db, shards);
    this.leases = new Leases(db);
    this.doNotCall = new DoNotCallList(db);
    this.permits = new Permits(db, outbox, sequences, doNotCall);
    this.instances = new Instances(db);
    this.passOver = new PassOver(db, shards);
    this.outcomes = new OutcomeDocs(db, sequences);
    this.moves = new LeadMoves(db, shards);
    this.repair = new Repair(db, ledger, outbox, undo, intents, passOver, moves);
    this.expiry = new Expiry(db, passOver);
  }

  @Override
  public void ensureIndexes() {
    run(
        "create the indexes",
        () -> {
          Indexes.ensure(db);
          ledger.ensureExists();
        });
  }

  /** Indexes missing (created by {@link #ensureIndexes()}), read without creating any. */
  @Override
  public java.util.Optional<String> schemaProblem() {
    java.util.List<String> missing = run("read the indexes", () -> Indexes.missing(db));
    return missing.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            "indexes missing: " + String.join(", ", missing) + "; call ensureIndexes()");
  }

  // ---------------------------------------------------------------- campaigns

  @Override
  public void createCampaign(Campaign campaign) {
    Objects.requireNonNull(campaign, "campaign");
    run("create campaign " + campaign.id(), () -> campaigns.create(campaign));
  }

  @Override
  public Optional<Campaign> transitionCampaign(
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(at, "at");
    return run(
        "transition campaign " + id, () -> campaigns.transition(tenant, id, expected, next, at));
  }

  @Override
  public Optional<Campaign> completeIfDone(TenantId tenant, CampaignId id, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    return run("complete campaign " + id, () -> campaigns.completeIfDone(tenant, id, at));
  }

  @Override
  public long expireLeads(TenantId tenant, CampaignId id, Instant now) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(now, "now");
    return run("expire leads of " + id, () -> expiry.expire(tenant, id, now));
  }

  // ---------------------------------------------------------------- leads

  @Override
  public LeadInsertResult insertLeads(TenantId tenant, CampaignId campaignId, List<Lead> leads) {
    Objects.requireNonNull(leads, "leads");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    for (Lead lead : leads) {
      StoreArguments.insertable(tenant, campaignId, lead);
    }
    return run(
        "insert leads into campaign " + campaignId,
        () -> new LeadInserter(db, intents).insert(tenant, campaignId, leads));
  }

  // ---------------------------------------------------------------- do-not-call list

  @Override
  public void addSuppressions(List<Suppression> entries) {
    run("add to the do-not-call list", () -> doNotCall.add(entries));
  }

  @Override
  public boolean removeSuppression(TenantId tenant, PhoneNumber phone) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    return run("remove from the do-not-call list", () -> doNotCall.remove(tenant, phone));
  }

  @Override
  public Optional<Suppression> findSuppression(TenantId tenant, PhoneNumber phone) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    return run(
        "read the do-not-call list", () -> Optional.ofNullable(doNotCall.find(tenant, phone)));
  }

  @Override
  public Map<PhoneNumber, Suppression> findSuppressions(
      TenantId tenant, Collection<PhoneNumber> phones) {
    Objects.requireNonNull(tenant, "tenant");
    StoreArguments.checkLookup(phones);
    return run("read the do-not-call list", () -> doNotCall.findAll(tenant, phones));
  }

  @Override
  public Page<Suppression> listSuppressions(TenantId tenant, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    StoreArguments.checkOffsetPage(page);
    return run("list the do-not-call list", () -> doNotCall.page(tenant, page));
  }

  // ---------------------------------------------------------------- claims, slots, permits

  @Override
  public ClaimResult claimNext(ClaimRequest request) {
    Objects.requireNonNull(request, "request");
    return run(
        "claim a lead of campaign " + request.campaignId(),
        () -> new Claimer(db, ledger, outbox, undo, passOver, doNotCall).claim(request));
  }

  @Override
  public BatchClaimResult claimBatch(BatchClaimRequest request) {
    Objects.requireNonNull(request, "request");
    BatchClaimResult claimed =
        run(
            "claim a batch of leads of campaign " + request.request().campaignId(),
            () ->
                new BatchClaimer(
                        new Claimer(db, ledger, outbox, undo, passOver, doNotCall),
                        new SlotBatch(db.slots(), ledger),
                        undo,
                        outbox)
                    .claim(request));
    // without a transaction spanning the claim, each permit is its own atomic step after it
    return ClaimPermits.grantEach(this, request, claimed);
  }

  @Override
  public DialPermit requestDialPermit(PermitRequest request) {
    Objects.requireNonNull(request, "request");
    return run("grant a dial permit for call " + request.callId(), () -> permits.request(request));
  }

  // ---------------------------------------------------------------- calls

  @Override
  public TransitionResult applyTransition(CallTransition transition) {
    Objects.requireNonNull(transition, "transition");
    return run(
        "apply a transition of call " + transition.call().id(),
        () -> new Transitions(db, outbox, sequences).apply(transition));
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
    return run(
        "lease campaign " + campaignId,
        () -> leases.tryLease(campaignId, owner, heldEpoch, now, ttl));
  }

  @Override
  public void releaseLease(CampaignId campaignId, String owner, long epoch) {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(owner, "owner");
    run(
        "release the lease of campaign " + campaignId,
        () -> leases.release(campaignId, owner, epoch));
  }

  // ---------------------------------------------------------------- instances

  @Override
  public void heartbeat(String instanceId, Instant now) {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(now, "now");
    run("record the heartbeat of " + instanceId, () -> instances.heartbeat(instanceId, now));
  }

  @Override
  public Set<String> liveInstances(Instant now, Duration timeout) {
    Objects.requireNonNull(now, "now");
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    }
    return run("read the live instances", () -> instances.live(now, timeout));
  }

  @Override
  public void deregister(String instanceId) {
    Objects.requireNonNull(instanceId, "instanceId");
    run("deregister " + instanceId, () -> instances.deregister(instanceId));
  }

  @Override
  public int removeInstancesSeenBefore(Instant seenBefore) {
    Objects.requireNonNull(seenBefore, "seenBefore");
    return run("remove dead instances", () -> instances.removeSeenBefore(seenBefore));
  }

  // ---------------------------------------------------------------- repair

  @Override
  public int releaseOrphanSlots() {
    return run("repair slots, leads and counters", repair::run);
  }

  // ---------------------------------------------------------------- call outcomes

  @Override
  public Optional<CallOutcome> findCallOutcome(TenantId tenant, CallId callId) {
    return run(
        "find call outcome " + callId, () -> findCall(tenant, callId).flatMap(outcomes::find));
  }

  @Override
  public DispositionWrite recordDisposition(
      TenantId tenant, CallId callId, Disposition disposition, Instant at, CallLogEntry log) {
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(log, "log");
    return run(
        "record disposition " + callId,
        () ->
            findCall(tenant, callId)
                .map(call -> outcomes.disposition(call, disposition, at, log))
                .orElseGet(
                    () -> new DispositionWrite(DispositionWrite.Result.NOT_FOUND, null, null)));
  }

  @Override
  public Optional<CallOutcome> saveConversation(
      TenantId tenant, CallId callId, Conversation conversation, Instant at) {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(at, "at");
    return run(
        "save conversation " + callId,
        () ->
            findCall(tenant, callId)
                .flatMap(call -> outcomes.conversation(call, conversation, at)));
  }

  @Override
  public Map<String, Long> dispositionCounts(TenantId tenant, CampaignId campaignId) {
    return run(
        "count dispositions " + campaignId,
        () ->
            findCampaign(tenant, campaignId).isEmpty()
                ? Map.<String, Long>of()
                : outcomes.counts(tenant, campaignId));
  }

  @Override
  public CallbackResult scheduleCallback(CallbackRequest request) {
    Objects.requireNonNull(request, "request");
    return run("schedule callback " + request.leadId(), () -> moves.callback(request));
  }

  @Override
  public Optional<Lead> stopLead(TenantId tenant, LeadId id, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    return run("stop lead " + id, () -> moves.stop(tenant, id));
  }

  // ---------------------------------------------------------------- call log

  @Override
  public void appendLog(List<CallLogEntry> entries) {
    List<CallLogEntry> copy = List.copyOf(entries);
    if (copy.isEmpty()) {
      return;
    }
    run(
        "append to the call log",
        () -> db.log().insertMany(CallLogDocs.documents(sequences, copy)));
  }
}
