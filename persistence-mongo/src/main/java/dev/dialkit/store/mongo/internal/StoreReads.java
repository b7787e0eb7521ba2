package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.LeadsAhead;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The read half of {@link MongoStore}: every query of the SPI, one round trip or a few, each
 * tenant-scoped where it must be, with the same argument checks and error translation as the
 * writes. Campaign reads add the counter shards ({@link CampaignDocuments}).
 */
abstract class StoreReads implements MongoCampaignStore {
  final Collections db;
  final CampaignDocuments campaigns;
  final Ledger ledger;

  StoreReads(Collections db, CampaignDocuments campaigns, Ledger ledger) {
    this.db = db;
    this.campaigns = campaigns;
    this.ledger = ledger;
  }

  @Override
  public Optional<Campaign> findCampaign(TenantId tenant, CampaignId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return run("find campaign " + id, () -> campaigns.find(tenant, id));
  }

  @Override
  public List<Campaign> listCampaigns(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return run("list campaigns", () -> campaigns.list(Filters.eq("tenant", tenant.value())));
  }

  @Override
  public List<Campaign> findCampaignsByStatus(Set<CampaignStatus> statuses) {
    List<String> names = statuses.stream().map(Enum::name).toList();
    return run("find campaigns by status", () -> campaigns.list(Filters.in("status", names)));
  }

  @Override
  public Optional<Lead> findLead(TenantId tenant, LeadId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return run("find lead " + id, () -> lead(tenant, id));
  }

  @Override
  public Set<ZoneId> queuedLeadZones(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    return run("read the zones of campaign " + campaignId, () -> zones(tenant, campaignId));
  }

  @Override
  public long countLeadsAhead(Lead lead, Instant dueBy, Set<ZoneId> zones) {
    LeadsAhead.check(lead, dueBy, zones);
    return run(
        "count the leads ahead in campaign " + lead.campaignId(),
        () -> new LeadsAheadCount(db).count(lead, dueBy, zones));
  }

  @Override
  public Page<Lead> listLeads(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(page, "page");
    return run("list the leads of campaign " + campaignId, () -> leads(tenant, campaignId, page));
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

  @Override
  public Optional<Call> findCall(TenantId tenant, CallId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return run("find call " + id, () -> call(tenant, id));
  }

  @Override
  public Optional<Call> findCallByProviderId(String provider, String providerCallId) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerCallId, "providerCallId");
    return run("find a call by provider id", () -> callByProviderId(provider, providerCallId));
  }

  @Override
  public List<Call> findActiveCalls(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    return run(
        "find the active calls of campaign " + campaignId, () -> activeCalls(tenant, campaignId));
  }

  @Override
  public Page<CallLogEntry> campaignLog(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(page, "page");
    return run(
        "read the log of campaign " + campaignId, () -> campaignLogPage(tenant, campaignId, page));
  }

  @Override
  public Page<CallLogEntry> callLog(TenantId tenant, CallId callId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(page, "page");
    return run("read the log of call " + callId, () -> callLogPage(tenant, callId, page));
  }

  private Optional<Lead> lead(TenantId tenant, LeadId id) {
    return Optional.ofNullable(db.leads().find(MongoStore.owned(tenant, id.value())).first())
        .map(Codec::lead);
  }

  private Set<ZoneId> zones(TenantId tenant, CampaignId campaignId) {
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
  }

  private Page<Lead> leads(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Bson scope =
        Filters.and(
            Filters.eq("campaignId", campaignId.value()), Filters.eq("tenant", tenant.value()));
    return page(db.leads(), scope, "sequence", page, Codec::lead, Lead::sequence);
  }

  private Optional<Call> call(TenantId tenant, CallId id) {
    return Optional.ofNullable(db.calls().find(MongoStore.owned(tenant, id.value())).first())
        .map(Codec::call);
  }

  private Optional<Call> callByProviderId(String provider, String providerCallId) {
    Document doc =
        db.calls()
            .find(
                Filters.and(
                    Filters.eq("provider", provider), Filters.eq("providerCallId", providerCallId)))
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
  }

  private List<Call> activeCalls(TenantId tenant, CampaignId campaignId) {
    return Codec.all(
        db.calls()
            .find(
                Filters.and(
                    Filters.eq("campaignId", campaignId.value()),
                    Filters.eq("terminal", false),
                    Filters.eq("tenant", tenant.value())))
            .sort(Sorts.ascending("createdAt", "order")),
        Codec::call);
  }

  private Page<CallLogEntry> campaignLogPage(
      TenantId tenant, CampaignId campaignId, PageRequest page) {
    Bson scope =
        Filters.and(
            Filters.eq("tenant", tenant.value()), Filters.eq("campaignId", campaignId.value()));
    return page(db.log(), scope, "_id", page, CallLogDocs::entry, CallLogEntry::sequence);
  }

  private Page<CallLogEntry> callLogPage(TenantId tenant, CallId callId, PageRequest page) {
    Bson scope =
        Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("callId", callId.value()));
    return page(db.log(), scope, "_id", page, CallLogDocs::entry, CallLogEntry::sequence);
  }

  private static <T> Page<T> page(
      MongoCollection<Document> collection,
      Bson scope,
      String sequenceField,
      PageRequest request,
      Function<Document, T> mapper,
      ToLongFunction<T> sequence) {
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

  static Bson owned(TenantId tenant, CampaignId id) {
    return owned(tenant, id.value());
  }

  /** The document {@code id} of {@code tenant}: every tenant-scoped lookup by id. */
  static Bson owned(TenantId tenant, String id) {
    return Filters.and(Filters.eq("_id", id), Filters.eq("tenant", tenant.value()));
  }

  void run(String what, Runnable action) {
    run(
        what,
        () -> {
          action.run();
          return null;
        });
  }

  <T> T run(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (MongoException e) {
      throw Errors.translate(what, db.database(), e);
    }
  }
}
