package dev.dialkit.store.mongo;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import dev.dialkit.testkit.StoreFixtures;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crashes between two writes, simulated by writing to the collections what a crashed instance would
 * have left, and the repair ({@code releaseOrphanSlots()}) putting slots, leads and counters right;
 * run twice, the repair changes nothing more.
 */
class MongoStoreRepairTest {
  private static InProcessMongo mongo;
  private MongoDatabase database;
  private MongoCampaignStore store;
  private Campaign campaign;

  @BeforeAll
  static void startServer() {
    mongo = new InProcessMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @BeforeEach
  void newStore() {
    database = mongo.freshDatabase("repair");
    store = MongoCampaignStore.create(database);
    Campaign draft = StoreFixtures.draft(TENANT_A, "c1");
    store.createCampaign(draft);
    campaign =
        store
            .transitionCampaign(
                TENANT_A, draft.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0)
            .orElseThrow();
    store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL);
    store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, 3));
  }

  @Test
  void aSlotHeldByATerminalCallIsReleasedOnceWithItsCounts() {
    Call call = claim().call();
    // a crash after the call's terminal write, before its slot was freed: the same as a
    // terminal transition that did not ask for the release
    Call ended = StoreFixtures.moved(call, CallStatus.COMPLETED, seconds(5));
    assertThat(
            store
                .applyTransition(
                    new CallTransition(ended, 1, "end", false, null, CounterDelta.NONE, List.of()))
                .outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(store.slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(1, 1, 1));

    assertThat(store.releaseOrphanSlots()).isEqualTo(1);
    assertThat(store.slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(0, 0, 0));
    assertThat(store.releaseOrphanSlots()).isZero();
  }

  @Test
  void aSlotHeldByACallThatWasNeverStoredIsReleased() {
    claim();
    // a holder whose call does not exist (as if the call had been deleted by hand)
    slots()
        .updateOne(
            Filters.eq("_id", "slots"),
            Updates.combine(
                Updates.inc("g", 1),
                Updates.inc("t.tenant-a", 1),
                Updates.inc("c.c1", 1),
                Updates.set("h.ghost~1", new Document("t", "tenant-a").append("c", "c1"))));
    assertThat(store.slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(2, 2, 2));

    assertThat(store.releaseOrphanSlots()).isEqualTo(1);
    assertThat(store.slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(1, 1, 1));
  }

  @Test
  void anUnfinishedTransitionIsFinishedOnceByTheRepair() {
    Call call = claim().call();
    Call ended = StoreFixtures.moved(call, CallStatus.COMPLETED, seconds(5));
    CallTransition transition =
        StoreFixtures.end(
            call, CallStatus.COMPLETED, LeadOutcome.finalState(LeadState.DONE), "end", seconds(5));
    // the call's own write happened (status, dedupe key, outbox); nothing after it
    Document pending =
        new Document("kind", "transition")
            .append("version", 2L)
            .append("release", true)
            .append(
                "lead",
                new Document("state", "DONE").append("nextAttemptAt", null).append("refund", false))
            .append(
                "counters",
                new Document("LEADS_IN_PROGRESS", -1L)
                    .append("LEADS_DONE", 1L)
                    .append("CALLS_COMPLETED", 1L))
            .append(
                "log",
                List.of(
                    new Document("_id", 900L)
                        .append("tenant", "tenant-a")
                        .append("campaignId", "c1")
                        .append("callId", call.id().value())
                        .append("at", java.util.Date.from(seconds(5)))
                        .append("event", "STATUS_APPLIED")
                        .append("status", "COMPLETED")
                        .append("detail", "status COMPLETED")
                        .append("provider", "sim")
                        .append("raw", "{}")));
    calls()
        .updateOne(
            Filters.eq("_id", call.id().value()),
            Updates.combine(
                Updates.set("status", "COMPLETED"),
                Updates.set("terminal", true),
                Updates.set("endedAt", java.util.Date.from(seconds(5))),
                Updates.set("version", 2L),
                Updates.set("updatedAt", java.util.Date.from(seconds(5))),
                Updates.push("dedupe", "end"),
                Updates.set("pending", pending)));
    assertThat(store.findCall(TENANT_A, call.id())).contains(ended);

    assertThat(store.releaseOrphanSlots()).isEqualTo(1);
    assertThat(store.releaseOrphanSlots()).isZero();

    assertThat(store.slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(0, 0, 0));
    Lead lead = store.findLead(TENANT_A, call.leadId()).orElseThrow();
    assertThat(lead.state()).isEqualTo(LeadState.DONE);
    assertThat(lead.lastOutcome()).isEqualTo(CallStatus.COMPLETED);
    Campaign reloaded = store.findCampaign(TENANT_A, campaign.id()).orElseThrow();
    assertThat(reloaded.counters().get(Counter.LEADS_DONE)).isEqualTo(1);
    assertThat(reloaded.counters().get(Counter.LEADS_IN_PROGRESS)).isZero();
    assertThat(reloaded.counters().get(Counter.CALLS_COMPLETED)).isEqualTo(1);
    assertThat(store.callLog(TENANT_A, call.id(), PageRequest.of(0, 10)).items()).hasSize(1);
    assertThat(calls().find(Filters.exists("pending", true)).first()).isNull();
    assertThat(store.applyTransition(transition).outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void aLeadClaimedByAnInstanceThatCrashedBeforeStoringTheCallGetsItsCallBack() {
    Lead lead = StoreFixtures.lead(campaign, 0);
    // the claim's lead write happened; the call insert, slot and counters did not
    leads()
        .updateOne(
            Filters.eq("_id", lead.id().value()),
            Updates.combine(
                Updates.set("state", "IN_PROGRESS"),
                Updates.inc("attempts", 1),
                Updates.inc("calls", 1),
                Updates.set(
                    "claim",
                    new Document("provider", StoreFixtures.PROVIDER)
                        .append("from", StoreFixtures.FROM.e164())
                        .append("at", java.util.Date.from(seconds(3))))));

    assertThat(store.releaseOrphanSlots()).isZero();

    CallId id = CallId.forAttempt(lead.id(), 1);
    Call recreated = store.findCall(TENANT_A, id).orElseThrow();
    assertThat(recreated.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(recreated.createdAt()).isEqualTo(seconds(3));
    assertThat(store.findActiveCalls(TENANT_A, campaign.id())).containsExactly(recreated);
    assertThat(store.slotUsage(TENANT_A, campaign.id())).isEqualTo(new SlotUsage(0, 0, 0));

    // the dialer's reconciliation ends it; the claim's counters are applied first, then the end's
    CallTransition putBack =
        new CallTransition(
            StoreFixtures.moved(recreated, CallStatus.FAILED, seconds(9)),
            1,
            null,
            true,
            LeadOutcome.putBack(seconds(10)),
            CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1).plus(Counter.LEADS_QUEUED, 1),
            List.of());
    assertThat(store.applyTransition(putBack).outcome()).isEqualTo(Outcome.APPLIED);
    Campaign reloaded = store.findCampaign(TENANT_A, campaign.id()).orElseThrow();
    assertThat(reloaded.counters().get(Counter.LEADS_QUEUED)).isEqualTo(3);
    assertThat(reloaded.counters().get(Counter.LEADS_IN_PROGRESS)).isZero();
    assertThat(reloaded.counters().get(Counter.CALLS_PLACED)).isEqualTo(1);
    Lead back = store.findLead(TENANT_A, lead.id()).orElseThrow();
    assertThat(back.state()).isEqualTo(LeadState.QUEUED);
    assertThat(back.attempts()).isZero();
    assertThat(store.releaseOrphanSlots()).isZero();
  }

  @Test
  void aClaimWhoseCountersWereNotWrittenIsFinishedOnceItHoldsItsSlot() {
    Call call = claim().call();
    long placed = counter(Counter.CALLS_PLACED);
    // as if the claim crashed after taking the slot, before the counters: put its outbox back
    // and take the counters back
    calls()
        .updateOne(
            Filters.eq("_id", call.id().value()),
            Updates.set(
                "pending",
                new Document("kind", "claim")
                    .append("version", 1L)
                    .append("release", false)
                    .append("lead", null)
                    .append(
                        "counters",
                        new Document("LEADS_QUEUED", -1L)
                            .append("LEADS_IN_PROGRESS", 1L)
                            .append("CALLS_PLACED", 1L))
                    .append("log", List.of())));
    // the claim's counters live in a counter shard under the call's marker: take both back
    String marker = "applied." + call.id().value().replace('.', '~');
    assertThat(
            database
                .getCollection("dialkit_counters")
                .updateOne(
                    Filters.and(Filters.eq("campaignId", "c1"), Filters.exists(marker)),
                    Updates.combine(
                        Updates.inc("counters.LEADS_QUEUED", 1L),
                        Updates.inc("counters.LEADS_IN_PROGRESS", -1L),
                        Updates.inc("counters.CALLS_PLACED", -1L),
                        Updates.unset(marker)))
                .getModifiedCount())
        .isEqualTo(1);
    assertThat(counter(Counter.CALLS_PLACED)).isEqualTo(placed - 1);

    store.releaseOrphanSlots();
    store.releaseOrphanSlots();

    assertThat(counter(Counter.CALLS_PLACED)).isEqualTo(placed);
    assertThat(counter(Counter.LEADS_IN_PROGRESS)).isEqualTo(1);
    assertThat(counter(Counter.LEADS_QUEUED)).isEqualTo(2);
  }

  private ClaimResult.Claimed claim() {
    ClaimResult result =
        store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS));
    assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
    return (ClaimResult.Claimed) result;
  }

  private long counter(Counter counter) {
    return store.findCampaign(TENANT_A, campaign.id()).orElseThrow().counters().get(counter);
  }

  private MongoCollection<Document> calls() {
    return database.getCollection("dialkit_calls");
  }

  private MongoCollection<Document> leads() {
    return database.getCollection("dialkit_leads");
  }

  private MongoCollection<Document> slots() {
    return database.getCollection("dialkit_slots");
  }
}
