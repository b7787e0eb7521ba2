package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link MongoCampaignStore} on the sync driver, without multi-document transactions. Every write
 * is one single-document atomic operation; a change that spans documents goes through the call's
 * {@link Outbox} so that a crash between two writes is finished later by the next change of the
 * call or by {@link #releaseOrphanSlots()} (see the module's README for the order and the repair).
 */
public final class MongoStore implements MongoCampaignStore {
  private static final Set<String> TERMINAL =
      Set.of("COMPLETED", "VOICEMAIL", "BUSY", "NO_ANSWER", "FAILED", "CANCELED");

  private final Collections db;
  private final Ledger ledger;
  private final Outbox outbox;
  private final Sequences sequences;
  private final Repair repair;

  public MongoStore(
      com.mongodb.client.MongoDatabase database,
      String prefix,
      com.mongodb.WriteConcern writeConcern,
      com.mongodb.ReadConcern readConcern) {
    this.db = Collections.of(database, prefix, writeConcern, readConcern);
    this.ledger = new Ledger(db.slots());
    this.outbox = new Outbox(db, ledger);
    this.sequences = new Sequences(db.sequences());
    this.repair = new Repair(db, ledger, outbox);
  }

  @Override
  public void ensureIndexes() {
    run(
        "create the indexes",
        () -> {
          Indexes.ensure(db);
          ledger.ensureExists();
          return null;
        });
  }

  // ---------------------------------------------------------------- campaigns

  @Override
  public void createCampaign(Campaign campaign) {
    Objects.requireNonNull(campaign, "campaign");
    run(
        "create campaign " + campaign.id(),
        () -> {
          long seq = sequences.reserve("campaigns", 1);
          try {
            db.campaigns().insertOne(Codec.campaign(campaign, seq));
          } catch (MongoException e) {
            if (Errors.isDuplicateKey(e)) {
              throw new StoreException("campaign " + campaign.id() + " already exists", false, e);
            }
            throw e;
          }
          return null;
        });
  }

  @Override
  public Optional<Campaign> findCampaign(TenantId tenant, CampaignId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return run(
        "find campaign " + id,
        () ->
            Optional.ofNullable(db.campaigns().find(owned(tenant, id)).first())
                .map(Codec::campaign));
  }

  @Override
  public List<Campaign> listCampaigns(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return run(
        "list campaigns",
        () ->
            Codec.all(
                db.campaigns()
                    .find(Filters.eq("tenant", tenant.value()))
                    .sort(Sorts.ascending("createdAt", "seq")),
                Codec::campaign));
  }

  @Override
  public List<Campaign> findCampaignsByStatus(Set<CampaignStatus> statuses) {
    List<String> names = statuses.stream().map(Enum::name).toList();
    return run(
        "find campaigns by status",
        () ->
            Codec.all(
                db.campaigns()
                    .find(Filters.in("status", names))
                    .sort(Sorts.ascending("createdAt", "seq")),
                Codec::campaign));
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
    return run(
        "transition campaign " + id,
        () -> {
          while (true) {
            Document doc = db.campaigns().find(owned(tenant, id)).first();
            if (doc == null
                || !expected.contains(CampaignStatus.valueOf(doc.getString("status")))) {
              return Optional.empty();
            }
            Campaign moved = Codec.campaign(doc).withStatus(next, at);
            // rev makes the compare-and-set immune to A-B-A: any status change bumps it
            Document updated =
                db.campaigns()
                    .findOneAndUpdate(
                        Filters.and(
                            Filters.eq("_id", id.value()), Filters.eq("rev", doc.get("rev"))),
                        Updates.combine(
                            Updates.set("status", next.name()),
                            Updates.set("startedAt", Codec.date(moved.startedAt())),
                            Updates.set("endedAt", Codec.date(moved.endedAt())),
                            Updates.set("updatedAt", Codec.date(at)),
                            Updates.inc("rev", 1L)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (updated != null) {
              return Optional.of(Codec.campaign(updated));
            }
          }
        });
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
        () -> new LeadInserter(db, sequences).insert(tenant, campaignId, leads));
  }

  @Override
  public Optional<Lead> findLead(TenantId tenant, LeadId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return run(
        "find lead " + id,
        () ->
            Optional.ofNullable(db.leads().find(owned(tenant, id.value())).first())
                .map(Codec::lead));
  }

  @Override
  public Set<ZoneId> queuedLeadZones(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    return run(
        "read the zones of campaign " + campaignId,
        () -> {
          Set<ZoneId> zones = new HashSet<>();
          db.leads()
              .distinct(
                  "timeZone",
                  Filters.and(
                      Filters.eq("campaignId", campaignId.value()),
                      Filters.eq("tenant", tenant.value()),
                      Filters.eq("state", LeadState.QUEUED.name())),
                  String.class)
              .forEach(z -> zones.add(ZoneId.of(z)));
          return Set.copyOf(zones);
        });
  }

  @Override
  public Page<Lead> listLeads(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(page, "page");
    Bson scope =
        Filters.and(
            Filters.eq("campaignId", campaignId.value()), Filters.eq("tenant", tenant.value()));
    return run(
        "list the leads of campaign " + campaignId,
        () -> page(db.leads(), scope, "sequence", page, Codec::lead, Lead::sequence));
  }

  // ---------------------------------------------------------------- claims and slots

  @Override
  public ClaimResult claimNext(ClaimRequest request) {
    Objects.requireNonNull(request, "request");
    return run(
        "claim a lead of campaign " + request.campaignId(),
        () -> new Claimer(db, ledger, outbox).claim(request));
  }

  @Override
  public SlotUsage slotUsage(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    return run(
        "read the slots",
        () -> {
          boolean owned = db.campaigns().countDocuments(owned(tenant, campaignId)) > 0;
          return ledger.usage(tenant, owned ? campaignId : null);
        });
  }

  // ---------------------------------------------------------------- calls

  @Override
  public Optional<Call> findCall(TenantId tenant, CallId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return run(
        "find call " + id,
        () ->
            Optional.ofNullable(db.calls().find(owned(tenant, id.value())).first())
                .map(Codec::call));
  }

  @Override
  public Optional<Call> findCallByProviderId(String provider, String providerCallId) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerCallId, "providerCallId");
    return run(
        "find a call by provider id",
        () -> {
          Document doc =
              db.calls()
                  .find(
                      Filters.and(
                          Filters.eq("provider", provider),
                          Filters.eq("providerCallId", providerCallId)))
                  .first();
          if (doc == null) {
            doc =
                db.calls()
                    .find(
                        Filters.and(
                            Filters.eq("provider", provider),
                            Filters.eq("providerRequestId", providerCallId)))
                    .first();
          }
          return Optional.ofNullable(doc).map(Codec::call);
        });
  }

  @Override
  public List<Call> findActiveCalls(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    return run(
        "find the active calls of campaign " + campaignId,
        () ->
            Codec.all(
                db.calls()
                    .find(
                        Filters.and(
                            Filters.eq("campaignId", campaignId.value()),
                            Filters.eq("terminal", false),
                            Filters.eq("tenant", tenant.value())))
                    .sort(Sorts.ascending("createdAt", "order")),
                Codec::call));
  }

  @Override
  public TransitionResult applyTransition(CallTransition transition) {
    Objects.requireNonNull(transition, "transition");
    return run(
        "apply a transition of call " + transition.call().id(),
        () -> new Transitions(db, outbox, sequences).apply(transition));
  }

  // ---------------------------------------------------------------- leases

  @Override
  public boolean tryLease(CampaignId campaignId, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    StoreArguments.positive(ttl);
    return run(
        "lease campaign " + campaignId,
        () ->
            db.campaigns()
                    .updateOne(
                        Filters.and(
                            Filters.eq("_id", campaignId.value()),
                            Filters.or(
                                Filters.eq("leaseOwner", null),
                                Filters.eq("leaseOwner", owner),
                                Filters.lte("leaseExpiry", Codec.date(now)))),
                        Updates.combine(
                            Updates.set("leaseOwner", owner),
                            Updates.set("leaseExpiry", Codec.date(now.plus(ttl)))))
                    .getMatchedCount()
                == 1);
  }

  @Override
  public void releaseLease(CampaignId campaignId, String owner) {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(owner, "owner");
    run(
        "release the lease of campaign " + campaignId,
        () ->
            db.campaigns()
                .updateOne(
                    Filters.and(
                        Filters.eq("_id", campaignId.value()), Filters.eq("leaseOwner", owner)),
                    Updates.combine(
                        Updates.set("leaseOwner", null), Updates.set("leaseExpiry", null))));
  }

  // ---------------------------------------------------------------- instances

  @Override
  public void heartbeat(String instanceId, Instant now) {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(now, "now");
    run(
        "record the heartbeat of " + instanceId,
        () -> {
          try {
            return db.instances()
                .updateOne(
                    Filters.eq("_id", instanceId),
                    Updates.set("at", Codec.date(now)),
                    new UpdateOptions().upsert(true));
          } catch (MongoWriteException e) {
            if (!Errors.isDuplicateKey(e)) {
              throw e;
            }
            // two first heartbeats raced: the other one registered it; record ours
            return db.instances()
                .updateOne(Filters.eq("_id", instanceId), Updates.set("at", Codec.date(now)));
          }
        });
  }

  @Override
  public Set<String> liveInstances(Instant now, Duration timeout) {
    Objects.requireNonNull(now, "now");
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    }
    return run(
        "read the live instances",
        () -> {
          Set<String> live = new HashSet<>();
          db.instances()
              .find(Filters.gt("at", Codec.date(now.minus(timeout))))
              .forEach(d -> live.add(d.getString("_id")));
          return Set.copyOf(live);
        });
  }

  @Override
  public void deregister(String instanceId) {
    Objects.requireNonNull(instanceId, "instanceId");
    run("deregister " + instanceId, () -> db.instances().deleteOne(Filters.eq("_id", instanceId)));
  }

  // ---------------------------------------------------------------- repair

  @Override
  public int releaseOrphanSlots() {
    return run("repair slots, leads and counters", repair::run);
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
        () -> {
          db.log().insertMany(logDocuments(sequences, copy));
          return null;
        });
  }

  /** The entries as documents, with a block of sequences reserved for them. */
  static List<Document> logDocuments(Sequences sequences, List<CallLogEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    long last = sequences.reserve("log", entries.size());
    long seq = last - entries.size();
    List<Document> docs = new ArrayList<>(entries.size());
    for (CallLogEntry entry : entries) {
      docs.add(Codec.log(entry, ++seq));
    }
    return docs;
  }

  @Override
  public Page<CallLogEntry> campaignLog(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(page, "page");
    Bson scope =
        Filters.and(
            Filters.eq("tenant", tenant.value()), Filters.eq("campaignId", campaignId.value()));
    return run(
        "read the log of campaign " + campaignId,
        () -> page(db.log(), scope, "_id", page, Codec::log, CallLogEntry::sequence));
  }

  @Override
  public Page<CallLogEntry> callLog(TenantId tenant, CallId callId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(page, "page");
    Bson scope =
        Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("callId", callId.value()));
    return run(
        "read the log of call " + callId,
        () -> page(db.log(), scope, "_id", page, Codec::log, CallLogEntry::sequence));
  }

  // ---------------------------------------------------------------- helpers

  static Bson owned(TenantId tenant, CampaignId id) {
    return owned(tenant, id.value());
  }

  /** The document {@code id} of {@code tenant}: every tenant-scoped lookup by id. */
  static Bson owned(TenantId tenant, String id) {
    return Filters.and(Filters.eq("_id", id), Filters.eq("tenant", tenant.value()));
  }

  static boolean isTerminal(String status) {
    return TERMINAL.contains(status);
  }

  private static <T> Page<T> page(
      com.mongodb.client.MongoCollection<Document> collection,
      Bson scope,
      String sequenceField,
      PageRequest request,
      java.util.function.Function<Document, T> mapper,
      java.util.function.ToLongFunction<T> sequence) {
    long total = collection.countDocuments(scope);
    if (total == 0) {
      return new Page<>(List.of(), 0, request.afterSequence());
    }
    List<T> items =
        Codec.all(
            collection
                .find(Filters.and(scope, Filters.gt(sequenceField, request.afterSequence())))
                .sort(Sorts.ascending(sequenceField))
                .skip(request.offset())
                .limit(request.limit()),
            mapper);
    long cursor =
        items.isEmpty()
            ? request.afterSequence()
            : sequence.applyAsLong(items.get(items.size() - 1));
    return new Page<>(items, total, cursor);
  }

  private <T> T run(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (MongoException e) {
      throw Errors.translate(what, db.database(), e);
    }
  }

  static Bson projectionOf(String... fields) {
    return Projections.include(fields);
  }

  static CallStatus status(Document call) {
    return CallStatus.valueOf(call.getString("status"));
  }
}
