package dev.dialkit.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Claims, dial permits and webhook updates per second of {@link MongoCampaignStore},
 * single-threaded: against mongo-java-server in this JVM (functional, not representative: an
 * in-memory backend without real indexes), and against a real server when {@code MONGODB_URI} is
 * set. A call takes one claim, one dial permit (the fenced grant right before the provider request)
 * and three webhook updates, each one {@code applyTransition}: ringing, answered, then the terminal
 * one that frees the slot, moves the lead and the counters and appends to the log.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am exec:java
 * -Dexec.mainClass=dev.dialkit.benchmarks.MongoStoreBenchmark [-Dexec.args=2000]}
 */
public final class MongoStoreBenchmark {
  private static final TenantId TENANT = TenantId.of("bench");
  private static final PhoneNumber FROM = PhoneNumber.of("+14155550100");
  private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

  private MongoStoreBenchmark() {}

  public static void main(String[] args) {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    TextTable table =
        new TextTable("server", "leads", "claims/s", "permits/s", "webhook updates/s");
    MongoServer server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    try (MongoClient client =
        MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
      double[] r = run(client.getDatabase("bench"), leads);
      table.row("mongo-java-server (functional only)", "" + leads, fmt(r[0]), fmt(r[1]), fmt(r[2]));
    } finally {
      server.shutdownNow();
    }
    String uri = System.getenv("MONGODB_URI");
    if (uri != null && !uri.isBlank()) {
      try (MongoClient client = MongoClients.create(uri)) {
        MongoDatabase db =
            client.getDatabase("dialkit_bench_" + UUID.randomUUID().toString().substring(0, 8));
        try {
          double[] r = run(db, leads);
          table.row("MONGODB_URI", "" + leads, fmt(r[0]), fmt(r[1]), fmt(r[2]));
        } finally {
          db.drop();
        }
      }
    }
    System.out.println("MongoCampaignStore, one thread, majority/journaled writes");
    System.out.println(
        "mongo-java-server figures show the store works end to end; they are NOT representative"
            + " of MongoDB (set MONGODB_URI to measure a real server)");
    System.out.print(table.render());
  }

  private static double[] run(MongoDatabase db, int count) {
    MongoCampaignStore store = MongoCampaignStore.create(db);
    LeasedCampaign leased = MongoThroughputRound.benchCampaign(store, count);
    Campaign campaign = leased.campaign();
    long epoch = leased.epoch();
    SlotLimits limits = new SlotLimits(100_000, 100_000, 100_000);

    List<Call> calls = new ArrayList<>(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      ClaimResult result =
          store.claimNext(
              new ClaimRequest(TENANT, campaign.id(), "bench", T0, limits, "sim", FROM, null));
      calls.add(((ClaimResult.Claimed) result).call());
    }
    double claimsPerSecond = count / seconds(start);

    start = System.nanoTime();
    List<Call> sent = new ArrayList<>(count);
    for (Call call : calls) {
      Instant at = T0.plusSeconds(1);
      DialPermit permit =
          store.requestDialPermit(
              new PermitRequest(
                  TENANT,
                  call.id(),
                  "bench",
                  epoch,
                  at,
                  null,
                  List.of(
                      CallLogEntry.draft(
                          call,
                          at,
                          CallLogEvent.CALL_INITIATED,
                          CallStatus.INITIATED,
                          "attempt 1",
                          null))));
      sent.add(((DialPermit.Granted) permit).call());
    }
    double permitsPerSecond = count / seconds(start);

    start = System.nanoTime();
    int updates = 0;
    for (Call call : sent) {
      Call ringing = apply(store, call, CallStatus.RINGING, false, null, CounterDelta.NONE);
      Call answered = apply(store, ringing, CallStatus.ANSWERED, false, null, CounterDelta.NONE);
      apply(
          store,
          answered,
          CallStatus.COMPLETED,
          true,
          LeadOutcome.finalState(LeadState.DONE),
          CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1)
              .plus(Counter.LEADS_DONE, 1)
              .plus(Counter.CALLS_COMPLETED, 1));
      updates += 3;
    }
    return new double[] {claimsPerSecond, permitsPerSecond, updates / seconds(start)};
  }

  private static Call apply(
      MongoCampaignStore store,
      Call call,
      CallStatus status,
      boolean release,
      LeadOutcome outcome,
      CounterDelta counters) {
    Instant at = T0.plusSeconds(call.version());
    Call next = call.toBuilder().status(status).nextVersion(at).build();
    CallLogEntry log =
        CallLogEntry.draft(next, at, CallLogEvent.STATUS_APPLIED, status, "status " + status, "{}");
    store.applyTransition(
        new CallTransition(
            next, call.version(), status.name(), release, outcome, counters, List.of(log)));
    return next;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String fmt(double perSecond) {
    return String.format(Locale.ROOT, "%.0f", perSecond);
  }
}
