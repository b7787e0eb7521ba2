package dev.dialkit.examples.crash;

import static dev.dialkit.examples.crash.CrashChildMain.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.examples.crash.KillPlan.Kill;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11, item 9: a real crash test. A dialer in a child JVM, on PostgreSQL ({@value
 * CrashDatabase#POSTGRES_ENV}) or an H2 file, dials a campaign through {@code TwilioProvider} at a
 * fake Twilio in this JVM, and is killed with SIGKILL at adversarial moments at least {@value
 * KillPlan#MIN_KILLS} times, restarted after each kill, then left to finish. The provider's record
 * must show no call id created twice, no number with two live calls at once, no more live calls
 * than the limit and no lead called more than its attempts; the database, a completed campaign with
 * every lead done or failed, every call the provider created stored terminal with the provider's
 * call id (or none), and every call whose create never reached the provider released (lead
 * requeued, attempt refunded) rather than ended.
 *
 * <p>The kill moments come from a seed, printed in every failure message; {@code
 * -Ddialkit.crash.seed=N} replays a run's kill plan and call scripts (timing still varies). Each
 * child's output is under {@code target/crash/}, and printed when the test fails.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard only; a run takes well under a minute
class DialerCrashTest {
  private static final int LEADS = 40;
  private static final int MAX_ATTEMPTS = 3;

  /**
   * Longer than Twilio's one-second time precision: the reconciliation of a create whose answer was
   * lost tells a lead's attempts apart by the previous one's end time.
   */
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(3);

  private static final String CALLER_ID = "+14155550100";

  /** Hang guards: how long a child may take to reach its kill point, and the last one to finish. */
  private static final Duration KILL_POINT_GUARD = Duration.ofSeconds(45);

  private static final Duration FINISH_GUARD = Duration.ofSeconds(90);

  @Test
  void aDialerKilledAtRandomMomentsSendsNoAttemptTwiceAndFinishesEveryLead() throws Exception {
    long seed = Long.getLong("dialkit.crash.seed", new SecureRandom().nextLong());
    String replay = "seed " + seed + " (replay with -Ddialkit.crash.seed=" + seed + ")";
    KillPlan plan = KillPlan.draw(new Random(seed));
    Path dir =
        Files.createDirectories(
            Path.of("target", "crash", "seed" + seed + "-" + System.currentTimeMillis()));
    CrashDatabase db = CrashDatabase.choose(dir);
    KillSwitch killSwitch = new KillSwitch();
    long startedAt = System.nanoTime();
    try (FakeTwilio twilio = FakeTwilio.start(killSwitch, seed)) {
      int port = freePort();
      CampaignId campaign = createCampaign(db, twilio.baseUrl(), port);
      ChildLauncher children = new ChildLauncher(dir, db, twilio.baseUrl(), port, campaign);
      List<String> moments = new ArrayList<>();
      try {
        killAndRestart(plan, killSwitch, children, moments, replay);

        ProviderRecord record = new ProviderRecord(twilio.calls());
        checkProviderRecord(record, replay);
        assertThat(twilio.player().answered().keySet())
            .as(
                "callbacks answered 4xx (signature, unknown call...): %s; %s",
                twilio.player().answered(), replay)
            .allMatch(code -> code < 400 || code >= 500);
        StoredCampaign stored = StoredCampaign.load(db, TENANT, campaign);
        checkStore(stored, record, replay);
        System.out.printf(
            "crash test on %s, %s, %.1f s:%n  %s%n  kill moments: %s%n",
            db.describe(),
            replay,
            (System.nanoTime() - startedAt) / 1e9,
            summary(plan, twilio, record, stored),
            moments);
      } catch (Throwable t) {
        children.killAll();
        System.out.printf(
            "crash test failed, %s%n  kills: %s%n  provider calls: %s%n  child output:%s%n",
            replay, moments, twilio.calls(), children.logs());
        throw t;
      }
    } finally {
      db.dropTables();
    }
  }

  /**
   * Starts a child for each kill of the plan and kills it at its moment, then starts the last child
   * and waits for it to finish the campaign. Adds each kill's moment to {@code moments}.
   */
  private static void killAndRestart(
      KillPlan plan,
      KillSwitch killSwitch,
      ChildLauncher children,
      List<String> moments,
      String replay)
      throws Exception {
    for (Kill kill : plan.kills()) {
      killSwitch.arm(kill.point(), kill.nth());
      Process child = children.start(kill.instance());
      moments.add(awaitKillPoint(child, killSwitch, kill, replay));
      ChildLauncher.kill(child);
      killSwitch.killed();
    }
    killSwitch.disarm();
    Process last = children.start(plan.lastInstance());
    assertThat(last.waitFor(FINISH_GUARD.toSeconds(), TimeUnit.SECONDS))
        .as("the last child finishes the campaign within %s; %s", FINISH_GUARD, replay)
        .isTrue();
    assertThat(last.exitValue()).as("the last child's exit code; %s", replay).isZero();
  }

  private static String summary(
      KillPlan plan, FakeTwilio twilio, ProviderRecord record, StoredCampaign stored) {
    CampaignProgress progress = stored.progress();
    return "%d kills %s; %d creates (%d calls placed by Dialkit's count), %d fetches, %d lists;"
            .formatted(
                plan.kills().size(),
                plan.kills(),
                record.creates(),
                progress.callsPlaced(),
                twilio.fetches(),
                twilio.lists())
        + " callbacks answered %s, %d refused, %d lost; leads %d done, %d failed %s"
            .formatted(
                twilio.player().answered(),
                twilio.player().refused(),
                twilio.player().lost(),
                progress.done(),
                progress.failed(),
                stored.failedLeads());
  }

  /**
   * The campaign, written from this JVM through the public API of a dialer that is never started:
   * {@value #LEADS} leads, {@value CrashChildMain#CONCURRENCY} at a time, busy and no-answer
   * retried up to {@value #MAX_ATTEMPTS} calls, {@link #RETRY_BACKOFF} apart. The database is
   * closed afterwards, so that the children can open an H2 file.
   */
  private static CampaignId createCampaign(CrashDatabase db, String twilioUrl, int port) {
    JdbcConnectionPool pool = CrashDatabase.pool(db.url);
    try {
      JdbcCampaignStore store = CrashDatabase.store(pool, db.tablePrefix);
      store.migrate();
      try (CampaignDialer setup =
          CampaignDialer.builder()
              .store(store)
              .provider(CrashChildMain.provider(twilioUrl, port))
              .instanceId("crash-setup")
              .build()) {
        CampaignId id =
            setup
                .campaigns()
                .create(
                    TENANT,
                    CampaignSpec.builder()
                        .name("crash test")
                        .agent(Agent.answerUrl("https://agent.example.com/answer"))
                        .callerIds(CALLER_ID)
                        .maxConcurrentCalls(CrashChildMain.CONCURRENCY)
                        // the shortest Dialkit allows: the watchdog's deadline is ring timeout +
                        // max duration + its grace, 8 s, and every fake call is over well before
                        .ringTimeout(Duration.ofSeconds(5))
                        .maxCallDuration(Duration.ofSeconds(2))
                        .retry(RetryPolicy.noAnswerAndBusy(MAX_ATTEMPTS, RETRY_BACKOFF))
                        .build());
        List<NewLead> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
          leads.add(NewLead.of("+1212555%04d".formatted(100 + i), "Lead " + i));
        }
        assertThat(setup.leads().add(TENANT, id, leads).inserted()).isEqualTo(LEADS);
        setup.campaigns().start(TENANT, id);
        return id;
      }
    } finally {
      CrashDatabase.close(pool, db.postgres);
    }
  }

  /** Waits until the fake Twilio reports the kill's moment; fails if the child ends first. */
  private static String awaitKillPoint(
      Process child, KillSwitch killSwitch, Kill kill, String replay) throws Exception {
    CompletableFuture<String> fired = killSwitch.fired();
    try {
      CompletableFuture.anyOf(fired, child.onExit())
          .get(KILL_POINT_GUARD.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      fail("no %s within %s of starting child %s; %s", kill, KILL_POINT_GUARD, child.pid(), replay);
    }
    if (!fired.isDone()) {
      fail(
          "child %s exited with %d before %s (campaign finished, or the child failed); %s",
          child.pid(), child.exitValue(), kill, replay);
    }
    return fired.get();
  }

  private static void checkProviderRecord(ProviderRecord record, String replay) {
    assertThat(record.callIdsCreatedTwice())
        .as("Dialkit call ids the provider was asked to create more than once; %s", replay)
        .isEmpty();
    assertThat(record.overlappingCallsToOneNumber())
        .as("numbers with two calls live at once at the provider; %s", replay)
        .isEmpty();
    assertThat(record.mostLiveAtOnce())
        .as("most calls live at once at the provider (the limit); %s", replay)
        .isLessThanOrEqualTo(CrashChildMain.CONCURRENCY);
    assertThat(record.mostCallsToOneNumber())
        .as("most calls the provider received for one lead (max attempts); %s", replay)
        .isLessThanOrEqualTo(MAX_ATTEMPTS);
  }

  /** The database after the last child finished. */
  private static void checkStore(StoredCampaign stored, ProviderRecord record, String replay) {
    assertThat(stored.campaign().status())
        .as("campaign status; %s", replay)
        .isEqualTo(CampaignStatus.COMPLETED);
    assertThat(stored.leads()).as("leads; %s", replay).hasSize(LEADS);
    assertThat(stored.unfinishedLeads()).as("leads neither done nor failed; %s", replay).isEmpty();

    Map<String, FakeCall> atProvider = record.byCallId();
    List<String> wrong = new ArrayList<>();
    for (FakeCall call : atProvider.values()) {
      Call mine = stored.calls().get(call.callId);
      if (mine == null || !mine.status().isTerminal()) {
        wrong.add(call + " is stored as " + (mine == null ? "nothing" : mine.status()));
      } else if (mine.failureReason() == FailureReason.NOT_DIALED) {
        wrong.add(call + " is stored as never dialed: " + mine);
      } else if (mine.providerCallId() != null && !mine.providerCallId().equals(call.sid)) {
        wrong.add(call + " is stored with another provider call: " + mine);
      }
    }
    // a call whose create never reached the provider can only have been released (its lead
    // requeued, its attempt refunded): any other end was concluded without the provider's word
    for (Call mine : stored.calls().values()) {
      if (!atProvider.containsKey(mine.id().value())
          && (mine.failureReason() != FailureReason.NOT_DIALED || mine.providerCallId() != null)) {
        wrong.add(
            mine.id()
                + " never reached the provider but is stored as "
                + mine.status()
                + "/"
                + mine.failureReason()
                + " (provider call "
                + mine.providerCallId()
                + ")");
      }
    }
    assertThat(wrong)
        .as("calls stored otherwise than the provider's record says; %s", replay)
        .isEmpty();
  }

  /** A port for the children's webhook server, the same for every child of the run. */
  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
