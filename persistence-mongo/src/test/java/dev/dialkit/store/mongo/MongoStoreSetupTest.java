package dev.dialkit.store.mongo;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.AutoPause;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallerIdRotation;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import dev.dialkit.store.mongo.internal.Errors;
import dev.dialkit.testkit.StoreFixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Setup errors, error mapping, exact round trips and duplicate-key races. */
class MongoStoreSetupTest {
  private static InProcessMongo mongo;

  @BeforeAll
  static void startServer() {
    mongo = new InProcessMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @Test
  void indexesAreCreatedIdempotently() {
    MongoDatabase db = mongo.freshDatabase("idx");
    MongoCampaignStore store = MongoCampaignStore.create(db);
    store.ensureIndexes();
    MongoCampaignStore.create(db).ensureIndexes();
    List<String> names = new ArrayList<>();
    db.getCollection("dialkit_leads").listIndexes().forEach(d -> names.add(d.getString("name")));
    assertThat(names).contains("dialkit_lead_phone", "dialkit_lead_claim");
  }

  @Test
  void aMissingIndexIsTheSchemaProblemUntilEnsureIndexesRuns() {
    MongoDatabase db = mongo.freshDatabase("schema");
    MongoCampaignStore store = MongoCampaignStore.create(db);
    assertThat(store.schemaProblem()).isEmpty();
    db.getCollection("dialkit_leads").dropIndex("dialkit_lead_claim");

    assertThat(store.schemaProblem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("dialkit_leads.dialkit_lead_claim")
                    .contains("ensureIndexes()"));
    store.ensureIndexes();
    assertThat(store.schemaProblem()).isEmpty();
  }

  @Test
  void aConflictingIndexIsAClearErrorNamingIt() {
    MongoDatabase db = mongo.freshDatabase("conflict");
    db.getCollection("dialkit_leads")
        .createIndex(new Document("phone", 1), new IndexOptions().name("dialkit_lead_phone"));

    assertThatThrownBy(() -> MongoCampaignStore.create(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("index 'dialkit_lead_phone' on collection 'dialkit_leads'")
        .hasMessageContaining("already exists with other keys or options")
        .satisfies(e -> assertThat(((StoreException) e).isTransient()).isFalse());
  }

  @Test
  void theSameKeysWithoutUniquenessAreAConflictToo() {
    MongoDatabase db = mongo.freshDatabase("conflict");
    db.getCollection("dialkit_leads")
        .createIndex(
            new Document("campaignId", 1).append("phone", 1), new IndexOptions().name("by_phone"));

    assertThatThrownBy(() -> MongoCampaignStore.create(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("index 'by_phone'");
  }

  @Test
  void theServersIndexConflictCodesAreTranslatedWithTheIndexName() {
    StoreException e =
        Errors.indexConflict(
            "dialkit_leads",
            "dialkit_lead_phone",
            "{campaignId: 1, phone: 1} unique",
            commandError(86, "IndexKeySpecsConflict"));
    assertThat(e).hasMessageContaining("'dialkit_lead_phone'").hasMessageContaining("code 86");
  }

  @Test
  void aWrongDatabaseNameIsAClearError() {
    assertThatThrownBy(() -> MongoCampaignStore.create(mongo.client(), "dial kit/prod"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("database")
        .hasMessageContaining("'dial kit/prod'");
    assertThatThrownBy(() -> MongoCampaignStore.create(mongo.client(), ""))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThatThrownBy(
            () ->
                MongoCampaignStore.builder(mongo.freshDatabase("p")).collectionPrefix("bad-prefix"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("collectionPrefix");
  }

  /** mongo-java-server has no authentication: the mapping of code 13 is tested on its own. */
  @Test
  void missingPermissionsAreAClearNonTransientError() {
    StoreException e =
        Errors.translate("create the indexes", "dialkit", commandError(13, "Unauthorized"));
    assertThat(e)
        .hasMessageContaining("not authorised on database 'dialkit'")
        .hasMessageContaining("readWrite");
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void aLostConnectionIsTransient() {
    StoreException e =
        Errors.translate(
            "claim", "dialkit", new MongoSocketReadException("reset", new ServerAddress()));
    assertThat(e.isTransient()).isTrue();
  }

  @Test
  void theDefaultsAreMajorityJournaledWritesAndMajorityReads() {
    assertThat(MongoCampaignStore.DEFAULT_WRITE_CONCERN.getWString()).isEqualTo("majority");
    assertThat(MongoCampaignStore.DEFAULT_WRITE_CONCERN.getJournal()).isTrue();
    assertThat(MongoCampaignStore.DEFAULT_READ_CONCERN.getLevel())
        .isEqualTo(com.mongodb.ReadConcernLevel.MAJORITY);
  }

  @Test
  void everyFieldOfACampaignAndACallRoundTripsExactly() {
    MongoCampaignStore store = MongoCampaignStore.create(mongo.freshDatabase("roundtrip"));
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("every field")
            .agent(Agent.hosted("agent-7").withVariables(Map.of("a.b", "1", "_c.d-e", "2")))
            .callerIds("+14155550100", "+14155550101")
            .provider("twilio")
            .maxConcurrentCalls(7)
            .ringTimeout(Duration.ofMillis(25_500))
            .maxCallDuration(Duration.ofMinutes(17))
            .machineDetection(true)
            .record(true)
            .retry(RetryPolicy.noAnswerAndBusy(4, Duration.ofSeconds(90)))
            .callingWindow(
                CallingWindow.overnight("20:30", "02:15")
                    .on(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                    .in("Asia/Kolkata"))
            .callerIdRotation(CallerIdRotation.LEAST_RECENTLY_USED)
            .autoPause(new AutoPause(50, 0.25))
            .build();
    Instant created = Instant.parse("2025-03-03T10:00:00.123Z");
    Campaign campaign =
        new Campaign(
            CampaignId.of("c.1"),
            TENANT_A,
            spec,
            CampaignStatus.RUNNING,
            CampaignCounters.ZERO.plus(CounterDelta.of(Counter.TALK_MILLIS, 12_345)),
            created,
            created.plusMillis(1),
            null,
            created.plusMillis(2));
    store.createCampaign(campaign);
    assertThat(store.findCampaign(TENANT_A, campaign.id())).contains(campaign);
    assertThat(store.findCampaign(TENANT_A, campaign.id()).orElseThrow().spec().callingWindow())
        .isEqualTo(spec.callingWindow());

    store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL);
    store.insertLeads(TENANT_A, campaign.id(), List.of(StoreFixtures.lead(campaign, 1)));
    Call call =
        ((ClaimResult.Claimed)
                store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS)))
            .call();
    Instant at = Instant.parse("2025-03-03T10:00:07.456Z");
    Call full =
        call.toBuilder()
            .providerCallId("CA-1")
            .providerRequestId("req-1")
            .status(CallStatus.VOICEMAIL)
            .sentAt(at.minusMillis(2_345))
            .ringingAt(at)
            .answeredAt(at.plusMillis(1500))
            .endedAt(at.plusMillis(61_789))
            .duration(Duration.ofMillis(60_289))
            .billedDuration(Duration.ofSeconds(61))
            .failureReason(FailureReason.UNKNOWN)
            .hangupCause("NORMAL_CLEARING")
            .sipCode("200")
            .answeredBy(AnsweredBy.MACHINE)
            .recordingUrl("https://rec.example/1.mp3")
            .rawStatus("machine-end")
            .lastSequence(42L)
            .nextVersion(at.plusMillis(61_790))
            .build();
    TransitionResult result =
        store.applyTransition(
            new CallTransition(full, 1, "k", true, null, CounterDelta.NONE, List.of()));
    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(store.findCall(TENANT_A, call.id())).contains(full);
    assertThat(store.findCallByProviderId(call.provider(), "CA-1")).contains(full);
  }

  @Test
  void duplicateKeyRacesAreAlreadyDoneNeverErrors() throws Exception {
    MongoCampaignStore store = MongoCampaignStore.create(mongo.freshDatabase("races"));
    Campaign campaign = StoreFixtures.draft(TENANT_A, "c1");
    store.createCampaign(campaign);
    store.transitionCampaign(
        TENANT_A, campaign.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0);
    store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL);
    store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, 1));
    Call call =
        ((ClaimResult.Claimed)
                store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS)))
            .call();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<TransitionResult>> sameUpdate = new ArrayList<>();
      List<Future<?>> others = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        sameUpdate.add(
            pool.submit(
                () ->
                    store.applyTransition(
                        StoreFixtures.update(call, CallStatus.RINGING, "ringing", T0))));
        others.add(pool.submit(() -> store.heartbeat("fresh-instance", T0.plusSeconds(n))));
        others.add(
            pool.submit(
                () ->
                    store.insertLeads(
                        TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 100, 5))));
      }
      for (Future<?> f : others) {
        f.get();
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<TransitionResult> f : sameUpdate) {
        outcomes.add(f.get().outcome());
      }
      assertThat(outcomes).containsOnlyOnce(Outcome.APPLIED);
      assertThat(outcomes).filteredOn(o -> o != Outcome.APPLIED).containsOnly(Outcome.DUPLICATE);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.liveInstances(T0.plusSeconds(8), Duration.ofSeconds(30)))
        .containsExactly("fresh-instance");
    assertThat(
            store
                .findCampaign(TENANT_A, campaign.id())
                .orElseThrow()
                .counters()
                .get(Counter.LEADS_TOTAL))
        .isEqualTo(6);
  }

  private static MongoCommandException commandError(int code, String name) {
    return new MongoCommandException(
        new BsonDocument("ok", new BsonInt32(0))
            .append("code", new BsonInt32(code))
            .append("codeName", new BsonString(name))
            .append("errmsg", new BsonString(name)),
        new ServerAddress());
  }
}
