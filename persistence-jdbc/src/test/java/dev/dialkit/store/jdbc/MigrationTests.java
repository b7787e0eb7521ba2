package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.DispositionSet;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.Lease;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.store.jdbc.internal.SchemaV1;
import dev.dialkit.store.jdbc.internal.SchemaV2;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * migrate(): idempotent, once when two instances start together, upgrading a version 1 database to
 * the current version with its rows, a version 2 database to the current version with a row in
 * every table, and refusing a newer schema.
 */
abstract class MigrationTests {
  static final String PREFIX = "dkmig_";

  /** A pool on the database under test. */
  abstract DataSource dataSource();

  @Test
  void migrateIsIdempotentAndRunsOnceWhenTwoInstancesStartTogether() throws Exception {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<Integer>> applied =
          List.of(
              pool.submit(() -> migrateAfter(start, ds)),
              pool.submit(() -> migrateAfter(start, ds)));
      assertThat(applied.get(0).get() + applied.get(1).get())
          .as("every script once")
          .isEqualTo(JdbcCampaignStore.SCHEMA_VERSION);
    } finally {
      pool.shutdownNow();
    }
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    assertThat(store.migrate()).isZero();
    store.createCampaign(StoreFixtures.draft(StoreFixtures.TENANT_A, "c1"));
    assertThat(store.listCampaigns(StoreFixtures.TENANT_A)).hasSize(1);
  }

  @Test
  void aVersionOneDatabaseIsUpgradedOnceKeepingItsRowsAndItsHeldLease() throws Exception {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    Campaign running = StoreFixtures.draft(TENANT_A, "v1").withStatus(CampaignStatus.RUNNING, T0);
    Instant expiry = T0.plus(LEASE_TTL);
    Call call =
        SchemaV1.create(
            ds, store.dialect(), PREFIX, running, StoreFixtures.lead(running, 0), OWNER, expiry);

    assertThatThrownBy(() -> store.findCampaign(TENANT_A, running.id()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 1 found")
        .hasMessageContaining("needs version " + JdbcCampaignStore.SCHEMA_VERSION)
        .hasMessageContaining("migrate()");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<Integer>> applied =
          List.of(
              pool.submit(() -> migrateAfter(start, ds)),
              pool.submit(() -> migrateAfter(start, ds)));
      assertThat(applied.get(0).get() + applied.get(1).get())
          .as("V2 applied once")
          .isEqualTo(JdbcCampaignStore.SCHEMA_VERSION - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.migrate()).isZero();
    assertThat(versions(ds)).containsExactlyElementsOf(allVersions());

    assertThat(store.findCall(TENANT_A, call.id())).as("never sent: no sentAt").contains(call);
    assertThat(store.findCampaign(TENANT_A, running.id()).orElseThrow().status())
        .isEqualTo(CampaignStatus.RUNNING);
    assertThat(store.tryLease(running.id(), OTHER_OWNER, 0, seconds(1), LEASE_TTL))
        .as("the lease held before the upgrade has epoch 1")
        .contains(new Lease(OWNER, 1, expiry));
    Lease retaken = store.tryLease(running.id(), OWNER, 0, seconds(1), LEASE_TTL).orElseThrow();
    assertThat(retaken.epoch()).as("its owner, restarted on this jar, acquires anew").isEqualTo(2);
    DialPermit permit =
        store.requestDialPermit(
            new PermitRequest(TENANT_A, call.id(), OWNER, 2, seconds(2), null, List.of()));
    assertThat(permit.granted()).isTrue();
    assertThat(store.findCall(TENANT_A, call.id()).orElseThrow().sentAt()).isEqualTo(seconds(2));
  }

  @Test
  void aVersionTwoDatabaseIsUpgradedKeepingEveryRowReadableThroughTheStore() throws Exception {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    Campaign running = StoreFixtures.draft(TENANT_A, "v2").withStatus(CampaignStatus.RUNNING, T0);
    Lead first = StoreFixtures.lead(running, 1);
    Lead second = StoreFixtures.lead(running, 2);
    Instant expiry = T0.plus(LEASE_TTL);
    CallLogEntry entry = StoreFixtures.logEntry(running, null, T0, "started");
    SchemaV2.Stored v2 =
        SchemaV2.create(ds, store.dialect(), PREFIX, running, first, second, OWNER, expiry, entry);
    Map<String, Long> before = SchemaV2.rowCounts(ds, PREFIX);
    assertThat(before.values()).as("a row in every table").allMatch(n -> n > 0);

    assertThatThrownBy(() -> store.findCampaign(TENANT_A, running.id()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 2 found");
    assertThat(store.migrate())
        .as("V3 and later only")
        .isEqualTo(JdbcCampaignStore.SCHEMA_VERSION - 2);
    assertThat(versions(ds)).containsExactlyElementsOf(allVersions());
    Map<String, Long> after = new java.util.LinkedHashMap<>(before);
    // version 5 counts slots from their rows: of slot_counters only the claim lock row '*' stays
    after.put(PREFIX + "slot_counters", 1L);
    assertThat(SchemaV2.rowCounts(ds, PREFIX)).isEqualTo(after);

    Campaign stored = store.findCampaign(TENANT_A, running.id()).orElseThrow();
    assertThat(stored.counters().get(Counter.LEADS_TOTAL)).isEqualTo(2);
    assertThat(stored.counters().get(Counter.LEADS_IN_PROGRESS)).isEqualTo(1);
    assertThat(stored.counters().get(Counter.FAILOVERS)).as("V4's counters read 0").isZero();
    assertThat(stored.counters().get(Counter.RETRIES)).isZero();
    assertThat(stored.counters().get(Counter.LEADS_EXPIRED)).as("V6's counter reads 0").isZero();
    assertThat(stored.spec().schedule()).as("no schedule before V8").isNull();
    assertThat(store.listLeads(TENANT_A, running.id(), PageRequest.of(0, 10)).items())
        .containsExactly(first.withSequence(1).claimed(), second.withSequence(2))
        .allMatch(lead -> lead.hold() == null);
    assertThat(store.findCall(TENANT_A, v2.call().id())).contains(v2.call());
    assertThat(store.findActiveCalls(TENANT_A, running.id())).containsExactly(v2.call());
    assertThat(store.slotUsage(TENANT_A, running.id())).isEqualTo(new SlotUsage(1, 1, 1));
    assertThat(store.campaignLog(TENANT_A, running.id(), PageRequest.of(0, 10)).items())
        .extracting(CallLogEntry::detail)
        .containsExactly("started");
    assertThat(store.liveInstances(T0, Duration.ofMinutes(1))).containsExactly(v2.instance());
    assertThat(store.tryLease(running.id(), OTHER_OWNER, 0, seconds(1), LEASE_TTL))
        .as("the lease held before the upgrade")
        .contains(new Lease(OWNER, 1, expiry));
    Call ringing = StoreFixtures.moved(v2.call(), CallStatus.RINGING, seconds(1));
    assertThat(
            store
                .applyTransition(
                    new CallTransition(
                        ringing,
                        v2.call().version(),
                        v2.dedupeKey(),
                        false,
                        null,
                        dev.dialkit.campaign.CounterDelta.NONE,
                        List.of()))
                .outcome())
        .as("the dedupe key recorded before the upgrade")
        .isEqualTo(TransitionResult.Outcome.DUPLICATE);

    // what V3 adds works on the old rows: the call made before counts against a cap, and the
    // queued lead's number can be suppressed
    Campaign later = StoreFixtures.draft(TENANT_A, "v3").withStatus(CampaignStatus.RUNNING, T0);
    store.createCampaign(later);
    store.insertLeads(TENANT_A, later.id(), List.of(StoreFixtures.lead(later, 1)));
    assertThat(store.tryLease(later.id(), OWNER, 0, seconds(1), LEASE_TTL)).isPresent();
    ClaimResult capped =
        store.claimNext(
            StoreFixtures.claimRequest(
                later,
                OWNER,
                seconds(2),
                StoreFixtures.NO_LIMITS,
                AttemptCaps.perRolling24Hours(1)));
    assertThat(capped.passedOver())
        .extracting(Lead::hold)
        .containsExactly(LeadHold.ROLLING_24_HOUR_CAP);
    store.addSuppressions(
        List.of(
            new Suppression(
                TENANT_A, second.phone(), SuppressionSource.OPT_OUT, null, null, seconds(2))));
    ClaimResult skipped =
        store.claimNext(
            StoreFixtures.claimRequest(running, OWNER, seconds(3), StoreFixtures.NO_LIMITS));
    assertThat(skipped.passedOver())
        .extracting(Lead::id, Lead::state, Lead::hold)
        .containsExactly(tuple(second.id(), LeadState.SKIPPED, LeadHold.SUPPRESSED));

    // what V6 adds works on the old rows: the spec stored before reads with no dispositions, the
    // call made before takes a disposition and a conversation, its row and its lead unchanged
    assertThat(stored.spec().dispositions()).isEqualTo(DispositionSet.none());
    assertThat(store.findCallOutcome(TENANT_A, v2.call().id()))
        .hasValueSatisfying(o -> assertThat(o.disposition()).isNull());
    Disposition interested = Disposition.of("interested").withScore(Disposition.WARM);
    assertThat(
            store
                .recordDisposition(
                    TENANT_A,
                    v2.call().id(),
                    interested,
                    seconds(4),
                    CallLogEntry.draft(
                        v2.call(),
                        seconds(4),
                        CallLogEvent.DISPOSITION_RECORDED,
                        null,
                        "disposition interested",
                        null))
                .result())
        .isEqualTo(DispositionWrite.Result.RECORDED);
    store.saveConversation(
        TENANT_A, v2.call().id(), new Conversation("hello", "greeted", Map.of()), seconds(5));
    CallOutcome outcome = store.findCallOutcome(TENANT_A, v2.call().id()).orElseThrow();
    assertThat(outcome.disposition()).isEqualTo(interested);
    assertThat(outcome.conversation().summary()).isEqualTo("greeted");
    assertThat(store.dispositionCounts(TENANT_A, running.id())).containsEntry("interested", 1L);
    assertThat(store.findCall(TENANT_A, v2.call().id())).contains(v2.call());
  }

  @Test
  void aSchemaNewerThanTheJarIsRefusedNamingBothVersions() throws Exception {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build().migrate();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO "
              + PREFIX
              + "schema_version (version, description) VALUES ("
              + FUTURE
              + ", 'future')");
    }
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();

    assertThatThrownBy(store::migrate)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version " + FUTURE)
        .hasMessageContaining("supports versions 1 to " + JdbcCampaignStore.SCHEMA_VERSION);
    assertThatThrownBy(() -> store.listCampaigns(StoreFixtures.TENANT_A))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version " + FUTURE);
  }

  private static List<Integer> versions(DataSource ds) throws Exception {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT version FROM " + PREFIX + "schema_version ORDER BY version")) {
      while (r.next()) {
        versions.add(r.getInt(1));
      }
    }
    return versions;
  }

  private static int migrateAfter(CyclicBarrier start, DataSource ds) throws Exception {
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    start.await();
    return store.migrate();
  }

  /** A version newer than this jar's. */
  private static final int FUTURE = JdbcCampaignStore.SCHEMA_VERSION + 1;

  /** 1 to this jar's version: what a fully migrated database lists. */
  private static List<Integer> allVersions() {
    return java.util.stream.IntStream.rangeClosed(1, JdbcCampaignStore.SCHEMA_VERSION)
        .boxed()
        .toList();
  }
}
