package dev.dialkit.store.jdbc;

import dev.dialkit.campaign.Call;
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
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.CallbackRequest;
import dev.dialkit.campaign.spi.CallbackResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.campaign.spi.LeadsAhead;
import dev.dialkit.campaign.spi.Lease;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.store.jdbc.internal.CallRows;
import dev.dialkit.store.jdbc.internal.CampaignRows;
import dev.dialkit.store.jdbc.internal.Claims;
import dev.dialkit.store.jdbc.internal.InstanceRows;
import dev.dialkit.store.jdbc.internal.LeadRows;
import dev.dialkit.store.jdbc.internal.LeadsAheadRows;
import dev.dialkit.store.jdbc.internal.LeaseRows;
import dev.dialkit.store.jdbc.internal.LogRows;
import dev.dialkit.store.jdbc.internal.Migrator;
import dev.dialkit.store.jdbc.internal.OneStatementTransition;
import dev.dialkit.store.jdbc.internal.Orphans;
import dev.dialkit.store.jdbc.internal.OutcomeWrites;
import dev.dialkit.store.jdbc.internal.Permits;
import dev.dialkit.store.jdbc.internal.ScheduleRows;
import dev.dialkit.store.jdbc.internal.SlotRows;
import dev.dialkit.store.jdbc.internal.SqlErrors;
import dev.dialkit.store.jdbc.internal.SuppressionRows;
import dev.dialkit.store.jdbc.internal.TableStatistics;
import dev.dialkit.store.jdbc.internal.Tables;
import dev.dialkit.store.jdbc.internal.Transitions;
import dev.dialkit.store.jdbc.internal.Tx;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CampaignStore} on a relational database the host provides as a {@link DataSource}:
 * PostgreSQL, MariaDB 10.6+ / MySQL 8, or H2 2.x. Several dialer instances, each with its own pool,
 * may share one database: claims, slots and leases are transactional and hold across all of them.
 *
 * <pre>{@code
 * JdbcCampaignStore store = JdbcCampaignStore.create(dataSource);
 * store.migrate(); // or let the host's Flyway apply classpath:dev/dialkit/store/jdbc/migration/<dialect>
 * CampaignDialer dialer = CampaignDialer.builder().store(store).provider(provider).build();
 * }</pre>
 *
 * <p>Every method is one transaction (READ COMMITTED) or one statement; none is held across a call
 * to anything but the database. Claims, call transitions and dial permits take their row locks in
 * one order (call row, campaign row, lead, number row, slots), so they do not deadlock each other;
 * see the module's README. Database failures are {@link StoreException}s, transient for lost
 * connections, deadlocks and lock timeouts (deadlocks and lock timeouts of a transaction are first
 * retried a few times here).
 *
 * <p>Before its first use the store checks that the schema has the version this jar needs and
 * throws, naming both, if not. Instants are stored as microseconds since the epoch: instants with
 * finer digits are truncated to the microsecond.
 */
public final class JdbcCampaignStore implements CampaignStore {
  /** {@value}: the prefix of every table name unless {@link Builder#tablePrefix} sets another. */
  public static final String DEFAULT_TABLE_PREFIX = "dialkit_";

  /** The schema version this jar needs and creates. */
  public static final int SCHEMA_VERSION = Migrator.SUPPORTED_VERSION;

  private static final Logger log = LoggerFactory.getLogger(JdbcCampaignStore.class);

  private final JdbcDialect dialect;
  private final TableStatistics leadStatistics;
  private final TableStatistics callStatistics;
  private final Tables tables;
  private final ScheduleRows schedules;
  private final Tx tx;
  private final Migrator migrator;
  private final CampaignRows campaigns;
  private final LeadRows leads;
  private final LeadsAheadRows leadsAhead;
  private final SuppressionRows suppressions;
  private final CallRows calls;
  private final SlotRows slots;
  private final LogRows callLog;
  private final InstanceRows instances;
  private final LeaseRows leases;
  private final Claims claims;
  private final Permits permits;
  private final Transitions transitions;
  private final OneStatementTransition oneStatement;
  private final Orphans orphans;
  private final OutcomeWrites outcomes;
  private volatile boolean schemaVerified;

  private JdbcCampaignStore(DataSource dataSource, JdbcDialect dialect, Tables tables) {
    this.dialect = dialect;
    this.tables = tables;
    this.tx = new Tx(dataSource, dialect);
    this.migrator = new Migrator(dataSource, dialect, tables);
    this.campaigns = new CampaignRows(tables);
    this.schedules = new ScheduleRows(tables, campaigns);
    this.leads = new LeadRows(tables, campaigns, dialect);
    this.leadsAhead = new LeadsAheadRows(tables);
    this.suppressions = new SuppressionRows(tables, dialect);
    this.calls = new CallRows(tables);
    this.slots = new SlotRows(tables);
    this.callLog = new LogRows(tables);
    this.claims = new Claims(tables, campaigns, leads, calls, slots, suppressions, callLog);
    this.leadStatistics = TableStatistics.leads(tx, tables, dialect);
    this.callStatistics = TableStatistics.calls(tx, tables, dialect);
    this.instances = new InstanceRows(tables);
    this.leases = new LeaseRows(tables);
    this.permits = new Permits(tables, dialect, calls, callLog, suppressions);
    this.transitions = new Transitions(tables, campaigns, leads, calls, slots, callLog);
    this.oneStatement = new OneStatementTransition(tables, dialect, calls, leads);
    this.orphans = new Orphans(tables, slots);
    this.outcomes = new OutcomeWrites(tables, campaigns, leads, calls, callLog);
  }

  /**
   * A store on {@code dataSource} with the dialect detected from its metadata and the default table
   * prefix. Call {@link #migrate()} (or run the migrations with Flyway) before using it.
   *
   * @throws StoreException if the database is not supported (not transient) or cannot be reached
   *     (transient)
   */
  public static JdbcCampaignStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The dialect in use. */
  public JdbcDialect dialect() {
    return dialect;
  }

  /**
   * Applies the migrations this jar ships that the database does not have yet, under a
   * database-wide lock: idempotent, and safe when several instances call it at once.
   *
   * @return how many migrations were applied (0 when the schema is up to date)
   * @throws StoreException if the schema is newer than this jar supports (naming both versions), or
   *     the database fails
   */
  public int migrate() {
    int applied = migrator.migrate();
    schemaVerified = true;
    return applied;
  }

  /**
   * What is wrong with the schema: no Dialkit tables, migrations pending (naming the versions found
   * and needed), or a schema made by a newer Dialkit; empty when it is the version this jar needs.
   * One query of the schema-version table each call.
   *
   * @throws StoreException if the database cannot be reached (transient)
   */
  @Override
  public Optional<String> schemaProblem() {
    try {
      migrator.verify();
      return Optional.empty();
    } catch (StoreException e) {
      if (e.isTransient()) {
        throw e;
      }
      // not transient: the version check itself failed, its message names both versions
      return Optional.of(e.getMessage());
    }
  }

  private void ready() {
    if (!schemaVerified) {
      migrator.verify();
      schemaVerified = true;
    }
  }

  // ---------------------------------------------------------------- campaigns

  @Override
  public void createCampaign(Campaign campaign) {
    Objects.requireNonNull(campaign, "campaign");
    ready();
    tx.inTransaction(
        "createCampaign " + campaign.id(),
        c -> {
          campaigns.create(c, campaign);
          return null;
        });
  }

  @Override
  public Optional<Campaign> findCampaign(TenantId tenant, CampaignId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    ready();
    return tx.autoCommit("findCampaign " + id, c -> campaigns.find(c, tenant, id, false));
  }

  @Override
  public List<Campaign> listCampaigns(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    ready();
    return tx.autoCommit("listCampaigns", c -> campaigns.byTenant(c, tenant));
  }

  @Override
  public List<Campaign> findCampaignsByStatus(Set<CampaignStatus> statuses) {
    Set<CampaignStatus> wanted = Set.copyOf(statuses);
    ready();
    return tx.autoCommit("findCampaignsByStatus", c -> campaigns.byStatus(c, wanted));
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
    Set<CampaignStatus> from = Set.copyOf(expected);
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(at, "at");
    ready();
    return tx.inTransaction(
        "transitionCampaign " + id, c -> campaigns.transition(c, tenant, id, from, next, at));
  }

  @Override
  public Optional<Campaign> completeIfDone(TenantId tenant, CampaignId id, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    ready();
    return tx.inTransaction(
        "completeIfDone " + id, c -> campaigns.completeIfDone(c, tenant, id, at));
  }

  @Override
  public long expireLeads(TenantId tenant, CampaignId id, Instant now) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(now, "now");
    ready();
    return tx.inTransaction("expireLeads " + id, c -> schedules.expire(c, tenant, id, now));
  }

  // ---------------------------------------------------------------- leads

  @Override
  public LeadInsertResult insertLeads(TenantId tenant, CampaignId campaignId, List<Lead> leads) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(leads, "leads");
    for (Lead lead : leads) {
      StoreArguments.insertable(tenant, campaignId, lead);
    }
    ready();
    LeadInsertResult result =
        tx.inTransaction(
            "insertLeads " + campaignId, c -> this.leads.insert(c, tenant, campaignId, leads));
    leadStatistics.inserted(result.inserted().size());
    return result;
  }

  @Override
  public Optional<Lead> findLead(TenantId tenant, LeadId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    ready();
    return tx.autoCommit("findLead " + id, c -> leads.find(c, tenant, id));
  }

  @Override
  public Set<ZoneId> queuedLeadZones(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    ready();
    return tx.autoCommit(
        "queuedLeadZones " + campaignId, c -> leads.queuedZones(c, tenant, campaignId));
  }

  @Override
  public long countLeadsAhead(Lead lead, Instant dueBy, Set<ZoneId> zones) {
    LeadsAhead.check(lead, dueBy, zones);
    ready();
    return tx.autoCommit(
        "countLeadsAhead " + lead.campaignId(), c -> leadsAhead.count(c, lead, dueBy, zones));
  }

  @Override
  public Page<Lead> listLeads(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(page, "page");
    ready();
    return tx.inTransaction(
        "listLeads " + campaignId, c -> leads.page(c, tenant, campaignId, page));
  }

  // ---------------------------------------------------------------- do-not-call list

  @Override
  public void addSuppressions(List<Suppression> entries) {
    List<Suppression> all = List.copyOf(entries); // refuses a null entry before anything is written
    if (all.isEmpty()) {
      return;
    }
    ready();
    tx.inTransaction(
        "addSuppressions",
        c -> {
          suppressions.upsert(c, all);
          return null;
        });
  }

  @Override
  public boolean removeSuppression(TenantId tenant, PhoneNumber phone) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    ready();
    return tx.autoCommit("removeSuppression", c -> suppressions.delete(c, tenant, phone));
  }

  @Override
  public Optional<Suppression> findSuppression(TenantId tenant, PhoneNumber phone) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    ready();
    return tx.autoCommit("findSuppression", c -> suppressions.find(c, tenant, phone));
  }

  @Override
  public Map<PhoneNumber, Suppression> findSuppressions(
      TenantId tenant, Collection<PhoneNumber> phones) {
    Objects.requireNonNull(tenant, "tenant");
    StoreArguments.checkLookup(phones);
    List<PhoneNumber> numbers = List.copyOf(phones);
    if (numbers.isEmpty()) {
      return Map.of();
    }
    ready();
    return tx.autoCommit("findSuppressions", c -> suppressions.findAll(c, tenant, numbers));
  }

  @Override
  public Page<Suppression> listSuppressions(TenantId tenant, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    StoreArguments.checkOffsetPage(page);
    ready();
    return tx.inTransaction("listSuppressions", c -> suppressions.page(c, tenant, page));
  }

  // ---------------------------------------------------------------- claims and slots

  @Override
  public ClaimResult claimNext(ClaimRequest request) {
    Objects.requireNonNull(request, "request");
    ready();
    ClaimResult result =
        tx.inTransaction("claimNext " + request.campaignId(), c -> claims.claim(c, request));
    callStatistics.inserted(result instanceof ClaimResult.Claimed ? 1 : 0);
    return result;
  }

  /** One transaction for the whole batch: see {@link Claims}. */
  @Override
  public BatchClaimResult claimBatch(BatchClaimRequest request) {
    Objects.requireNonNull(request, "request");
    ready();
    BatchClaimResult result =
        tx.inTransaction(
            "claimBatch " + request.request().campaignId(), c -> claims.claim(c, request));
    callStatistics.inserted(result.claimed().size());
    return result;
  }

  @Override
  public SlotUsage slotUsage(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    ready();
    return tx.autoCommit("slotUsage", c -> slots.usage(c, tenant, campaignId));
  }

  @Override
  public DialPermit requestDialPermit(PermitRequest request) {
    Objects.requireNonNull(request, "request");
    ready();
    return tx.inTransaction(
        "requestDialPermit " + request.callId(), c -> permits.request(c, request));
  }

  // ---------------------------------------------------------------- calls

  @Override
  public Optional<Call> findCall(TenantId tenant, CallId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    ready();
    return tx.autoCommit("findCall " + id, c -> calls.find(c, id, false))
        .filter(call -> call.tenant().equals(tenant));
  }

  @Override
  public Optional<Call> findCallByProviderId(String provider, String providerCallId) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerCallId, "providerCallId");
    ready();
    return tx.autoCommit(
        "findCallByProviderId", c -> calls.findByProviderId(c, provider, providerCallId));
  }

  @Override
  public List<Call> findActiveCalls(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    ready();
    return tx.autoCommit("findActiveCalls " + campaignId, c -> calls.active(c, tenant, campaignId));
  }

  @Override
  public TransitionResult applyTransition(CallTransition transition) {
    Objects.requireNonNull(transition, "transition");
    ready();
    String operation = "applyTransition " + transition.call().id();
    if (oneStatement.covers() && tx.readCommittedByDefault()) {
      // a refusal (a webhook that lost a race, a duplicate) is explained by a fresh read, with no
      // transaction: refusals are common when a call's webhooks come in a burst
      TransitionResult done =
          tx.autoCommit(
              operation,
              c -> {
                Optional<TransitionResult> applied = oneStatement.apply(c, transition);
                return applied.isPresent()
                    ? applied.get()
                    : transitions.refusedAlone(c, transition);
              });
      if (done != null) {
        return done;
      }
    }
    return tx.inTransaction(operation, c -> transitions.apply(c, transition));
  }

  // ---------------------------------------------------------------- call outcomes

  @Override
  public Optional<CallOutcome> findCallOutcome(TenantId tenant, CallId callId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    ready();
    return tx.inTransaction(
        "findCallOutcome " + callId,
        c -> {
          Optional<Call> call = calls.find(c, callId, false).filter(x -> x.tenant().equals(tenant));
          return call.isEmpty()
              ? Optional.<CallOutcome>empty()
              : Optional.of(outcomes.rows().orEmpty(c, call.get()));
        });
  }

  @Override
  public DispositionWrite recordDisposition(
      TenantId tenant, CallId callId, Disposition disposition, Instant at, CallLogEntry log) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(log, "log");
    ready();
    return tx.inTransaction(
        "recordDisposition " + callId,
        c -> outcomes.disposition(c, tenant, callId, disposition, at, log));
  }

  @Override
  public Optional<CallOutcome> saveConversation(
      TenantId tenant, CallId callId, Conversation conversation, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(at, "at");
    ready();
    return tx.inTransaction(
        "saveConversation " + callId,
        c -> outcomes.conversation(c, tenant, callId, conversation, at));
  }

  @Override
  public Map<String, Long> dispositionCounts(TenantId tenant, CampaignId campaignId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    ready();
    return tx.autoCommit(
        "dispositionCounts " + campaignId, c -> outcomes.rows().counts(c, tenant, campaignId));
  }

  @Override
  public CallbackResult scheduleCallback(CallbackRequest request) {
    Objects.requireNonNull(request, "request");
    ready();
    return tx.inTransaction(
        "scheduleCallback " + request.leadId(), c -> outcomes.callback(c, request));
  }

  @Override
  public Optional<Lead> stopLead(TenantId tenant, LeadId id, Instant at) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    ready();
    return tx.inTransaction("stopLead " + id, c -> outcomes.stop(c, tenant, id));
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
    ready();
    Instant expiry = now.plus(ttl);
    return tx.inTransaction(
        "tryLease " + campaignId,
        c -> leases.tryLease(c, campaignId, owner, heldEpoch, now, expiry));
  }

  @Override
  public void releaseLease(CampaignId campaignId, String owner, long epoch) {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(owner, "owner");
    ready();
    tx.autoCommit(
        "releaseLease " + campaignId,
        c -> {
          leases.release(c, campaignId, owner, epoch);
          return null;
        });
  }

  // ---------------------------------------------------------------- instances

  @Override
  public void heartbeat(String instanceId, Instant now) {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(now, "now");
    ready();
    tx.autoCommit(
        "heartbeat " + instanceId,
        c -> {
          instances.heartbeat(c, instanceId, now);
          return null;
        });
  }

  @Override
  public Set<String> liveInstances(Instant now, Duration timeout) {
    Objects.requireNonNull(now, "now");
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    }
    ready();
    return tx.autoCommit("liveInstances", c -> instances.live(c, now.minus(timeout)));
  }

  @Override
  public void deregister(String instanceId) {
    Objects.requireNonNull(instanceId, "instanceId");
    ready();
    tx.autoCommit(
        "deregister " + instanceId,
        c -> {
          instances.deregister(c, instanceId);
          return null;
        });
  }

  @Override
  public int removeInstancesSeenBefore(Instant seenBefore) {
    Objects.requireNonNull(seenBefore, "seenBefore");
    ready();
    return tx.autoCommit(
        "removeInstancesSeenBefore", c -> instances.removeSeenBefore(c, seenBefore));
  }

  @Override
  public int releaseOrphanSlots() {
    ready();
    int released = 0;
    for (Orphans.Orphan orphan : tx.autoCommit("releaseOrphanSlots", orphans::find)) {
      if (tx.inTransaction("releaseOrphanSlots", c -> orphans.release(c, orphan))) {
        released++;
      }
    }
    return released;
  }

  // ---------------------------------------------------------------- call log

  @Override
  public void appendLog(List<CallLogEntry> entries) {
    List<CallLogEntry> copy = List.copyOf(entries);
    if (copy.isEmpty()) {
      return;
    }
    ready();
    tx.inTransaction(
        "appendLog",
        c -> {
          callLog.append(c, copy);
          return null;
        });
  }

  @Override
  public Page<CallLogEntry> campaignLog(TenantId tenant, CampaignId campaignId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(page, "page");
    ready();
    return tx.inTransaction(
        "campaignLog " + campaignId, c -> callLog.ofCampaign(c, tenant, campaignId, page));
  }

  @Override
  public Page<CallLogEntry> callLog(TenantId tenant, CallId callId, PageRequest page) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(page, "page");
    ready();
    return tx.inTransaction("callLog " + callId, c -> callLog.ofCall(c, tenant, callId, page));
  }

  @Override
  public String toString() {
    return "JdbcCampaignStore[" + dialect + ", tables " + tables.prefix + "*]";
  }

  /** Builds a {@link JdbcCampaignStore}; {@link #build()} checks every setting. */
  public static final class Builder {
    private final DataSource dataSource;
    private JdbcDialect dialect;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The dialect to use instead of the one detected from the database's metadata. */
    public Builder dialect(JdbcDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Default {@value #DEFAULT_TABLE_PREFIX}: the prefix of every table name, 1 to 30 letters,
     * digits or {@code _}. With Flyway, pass the same value as the placeholder {@code
     * dialkit_prefix}.
     */
    public Builder tablePrefix(String tablePrefix) {
      new Tables(tablePrefix); // checks it
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * The store. Without {@link #dialect(JdbcDialect)} it opens one connection to detect the
     * database, and logs the choice at INFO.
     *
     * @throws StoreException if the database is not supported (not transient, naming the database
     *     found and the ones supported) or cannot be reached (transient)
     */
    public JdbcCampaignStore build() {
      JdbcDialect chosen = dialect;
      if (chosen == null) {
        try (Connection c = dataSource.getConnection()) {
          DatabaseMetaData meta = c.getMetaData();
          chosen = JdbcDialect.of(meta);
          log.info(
              "Dialkit JDBC store: dialect {} detected for {} {} (tables {}*)",
              chosen,
              meta.getDatabaseProductName(),
              meta.getDatabaseProductVersion(),
              tablePrefix);
        } catch (SQLException e) {
          throw SqlErrors.translate("detecting the database of the Dialkit store", e);
        }
      } else {
        log.info("Dialkit JDBC store: dialect {} as configured (tables {}*)", chosen, tablePrefix);
      }
      return new JdbcCampaignStore(dataSource, chosen, new Tables(tablePrefix));
    }
  }
}
