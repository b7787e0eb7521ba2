package dev.dialkit.benchmarks;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claims per second of {@link MongoCampaignStore}, one lead at a time ({@code claimNext}) against
 * batches ({@code claimBatch}), and webhook updates per second, in one run on one thread, with the
 * store commands each costs (counted by a driver command listener, so independent of the load).
 * Against mongo-java-server in this JVM, and a real server too when {@code MONGODB_URI} is set.
 *
 * <p>mongo-java-server figures are functional only: its in-memory backend has no secondary indexes
 * (every query scans) and runs its commands one after the other, so only the ratios between the
 * rows of one run and the commands per lead mean something, not the rates.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks exec:java
 * -Dbenchmark=dev.dialkit.benchmarks.MongoThroughput [-Dexec.args="2000 10"]} (leads per
 * measurement, batch size).
 */
public final class MongoThroughput {
  /** The databases this program makes (and drops on a real server) are named from this. */
  private static final String PREFIX = "dialkit_tp_";

  private MongoThroughput() {}

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    AtomicLong commands = new AtomicLong();
    TextTable table =
        new TextTable("server", "measured", "per second", "x single", "commands/item", "loadavg");
    MongoServer server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    String local = "mongodb://" + address.getHostString() + ":" + address.getPort();
    try (MongoClient client = client(local, commands)) {
      measure(table, "mongo-java-server", client, commands, leads, batch);
    } finally {
      server.shutdownNow();
    }
    String uri = System.getenv("MONGODB_URI");
    if (uri != null && !uri.isBlank()) {
      try (MongoClient client = client(uri, commands)) {
        try {
          measure(table, "MONGODB_URI", client, commands, leads, batch);
        } finally {
          for (String name : client.listDatabaseNames()) {
            if (name.startsWith(PREFIX)) {
              client.getDatabase(name).drop();
            }
          }
        }
      }
    }
    System.out.println(
        "MongoCampaignStore, one thread, "
            + leads
            + " leads per measurement, batches of "
            + batch
            + "; mongo-java-server rates are functional only (no secondary indexes, commands run"
            + " one at a time): compare the ratios and commands, not the rates");
    System.out.print(table.render());
  }

  private static void measure(
      TextTable table,
      String server,
      MongoClient client,
      AtomicLong commands,
      int leads,
      int batch) {
    // warm the JIT and the driver on a small campaign first; its figures are dropped
    MongoThroughputRound.of(database(client), 200).claimSingly();
    MongoThroughputRound.of(database(client), 200).claimInBatches(batch);

    MongoThroughputRound single = MongoThroughputRound.of(database(client), leads);
    long before = commands.get();
    double singlePerSecond = single.claimSingly();
    double singleCommands = (commands.get() - before) / (double) leads;
    table.row(server, "claimNext", fmt(singlePerSecond), "1.00", fmt2(singleCommands), load());

    MongoThroughputRound batched = MongoThroughputRound.of(database(client), leads);
    before = commands.get();
    double batchPerSecond = batched.claimInBatches(batch);
    double batchCommands = (commands.get() - before) / (double) leads;
    table.row(
        server,
        "claimBatch(" + batch + ")",
        fmt(batchPerSecond),
        fmt2(batchPerSecond / singlePerSecond),
        fmt2(batchCommands),
        load());

    before = commands.get();
    double ongoing = updates(single, false);
    table.row(
        server,
        "webhook, call goes on",
        fmt(ongoing),
        "-",
        fmt2((commands.get() - before) / (double) leads),
        load());
    before = commands.get();
    double ending = updates(single, true);
    table.row(
        server,
        "webhook, call ends",
        fmt(ending),
        "-",
        fmt2((commands.get() - before) / (double) leads),
        load());
  }

  /** One webhook update per claimed call: ringing, or the end that frees the slot. */
  private static double updates(MongoThroughputRound round, boolean end) {
    long start = System.nanoTime();
    for (int i = 0; i < round.calls().size(); i++) {
      Call call = round.calls().get(i);
      Instant at = MongoThroughputRound.T0.plusSeconds(call.version());
      CallStatus status = end ? CallStatus.COMPLETED : CallStatus.RINGING;
      Call next = call.toBuilder().status(status).nextVersion(at).build();
      CallLogEntry log =
          CallLogEntry.draft(next, at, CallLogEvent.STATUS_APPLIED, status, "s", "{}");
      CallTransition transition =
          end
              ? new CallTransition(
                  next,
                  call.version(),
                  "end",
                  true,
                  LeadOutcome.finalState(LeadState.DONE),
                  CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1)
                      .plus(Counter.LEADS_DONE, 1)
                      .plus(Counter.CALLS_COMPLETED, 1),
                  List.of(log))
              : new CallTransition(
                  next, call.version(), "ring", false, null, CounterDelta.NONE, List.of(log));
      round.apply(i, transition);
    }
    return round.calls().size() / ((System.nanoTime() - start) / 1e9);
  }

  private static MongoClient client(String uri, AtomicLong commands) {
    CommandListener counting =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            commands.incrementAndGet();
          }
        };
    return MongoClients.create(
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .addCommandListener(counting)
            .build());
  }

  private static MongoDatabase database(MongoClient client) {
    return client.getDatabase(PREFIX + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The 1-minute load average, printed beside every figure (the machine is shared). */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "n/a";
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String fmt2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
