package dev.dialkit.examples.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.provider.twilio.TwilioProvider;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The dialer the crash test kills: one {@link CampaignDialer} on the shared database, dialing
 * through {@link TwilioProvider} at the fake Twilio, with its webhook route on the fixed port the
 * test chose, and short timings so that recovery after a kill takes seconds. It runs until the
 * campaign is completed, then closes the dialer and exits 0.
 *
 * <p>Arguments, as {@code name=value}: {@code twilio} (the fake's base URL), {@code port} (the
 * webhook port), {@code instance} (the dialer's instance id), {@code campaign}, {@code prefix} (the
 * table prefix). The JDBC URL comes in {@value #JDBC_URL_ENV}, so that no password is on a command
 * line.
 */
final class CrashChildMain {
  static final String JDBC_URL_ENV = "DIALKIT_CRASH_JDBC_URL";
  static final TenantId TENANT = TenantId.of("crash");
  static final int CONCURRENCY = 5;

  private static final String ROUTE = "/webhooks/twilio";

  /** Exit codes besides 0 (completed): something went wrong, the log says what. */
  private static final int FAILED = 1;

  private static final int TOO_LONG = 3;
  private static final int ORPHANED = 4;
  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

  private CrashChildMain() {}

  /** The provider every process uses: the fake Twilio, calling back to {@code webhookPort}. */
  static TwilioProvider provider(String twilioUrl, int webhookPort) {
    return TwilioProvider.builder()
        .accountSid(FakeTwilio.ACCOUNT_SID)
        .authToken(FakeTwilio.AUTH_TOKEN)
        .baseUrl(twilioUrl)
        .callbackBaseUrl("http://127.0.0.1:" + webhookPort + ROUTE)
        .callsPerSecond(20)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  public static void main(String[] args) {
    // a child whose test JVM is gone must not dial on: nobody would ever kill it
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHANED)));
    try {
      System.exit(run(arguments(args)));
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(FAILED);
    }
  }

  private static int run(Map<String, String> args) throws Exception {
    String instance = args.get("instance");
    int port = Integer.parseInt(args.get("port"));
    CampaignId campaign = CampaignId.of(args.get("campaign"));
    String jdbcUrl = System.getenv(JDBC_URL_ENV);
    JdbcConnectionPool pool = CrashDatabase.pool(jdbcUrl);
    JdbcCampaignStore store = CrashDatabase.store(pool, args.get("prefix"));
    CountDownLatch completed = new CountDownLatch(1);
    ExecutorService webhookThreads = Executors.newFixedThreadPool(4);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    try (CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store)
            .provider(provider(args.get("twilio"), port))
            .concurrency(
                ConcurrencyPolicy.builder()
                    .global(CONCURRENCY)
                    .perTenant(CONCURRENCY)
                    .perCampaign(CONCURRENCY)
                    .build())
            .instanceId(instance)
            .pollInterval(Duration.ofMillis(200))
            .heartbeatInterval(Duration.ofMillis(500))
            .leaseTtl(Duration.ofSeconds(2))
            .watchdogInterval(Duration.ofSeconds(1))
            .watchdogGrace(Duration.ofSeconds(1))
            .reconcileDelay(Duration.ofSeconds(2))
            .permitTimeout(Duration.ofSeconds(1))
            .recoveryGrace(Duration.ofSeconds(1))
            .placeRetryDelay(Duration.ofSeconds(1))
            .listener(
                event -> {
                  if (event instanceof DialkitEvent.CampaignCompleted done
                      && done.progress().campaignId().equals(campaign)) {
                    completed.countDown();
                  }
                })
            .build()) {
      server.setExecutor(webhookThreads);
      server.createContext(ROUTE, exchange -> webhook(exchange, dialer, port));
      server.start();
      dialer.start();
      System.out.println("child " + instance + " (pid " + ProcessHandle.current().pid() + ") up");
      long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
      while (!completed.await(500, TimeUnit.MILLISECONDS)) {
        // a campaign completed before this child started sends no event here
        if (store.findCampaign(TENANT, campaign).orElseThrow().status()
            == CampaignStatus.COMPLETED) {
          break;
        }
        if (System.nanoTime() > deadline) {
          System.out.println("campaign not completed after " + RUN_LIMIT + "; giving up");
          return TOO_LONG;
        }
      }
      System.out.println("campaign " + campaign + " completed; child " + instance + " exits");
    } finally {
      server.stop(0);
      webhookThreads.shutdownNow();
      CrashDatabase.close(pool, jdbcUrl.startsWith("jdbc:postgresql:"));
    }
    return 0;
  }

  /** Hands a callback to Dialkit with the URL exactly as the provider called it. */
  private static void webhook(HttpExchange exchange, CampaignDialer dialer, int port) {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI url = URI.create("http://127.0.0.1:" + port + exchange.getRequestURI());
      WebhookResponse response;
      try {
        response =
            dialer
                .webhooks()
                .handle(
                    new WebhookRequest(
                        exchange.getRequestMethod(), url, exchange.getRequestHeaders(), body));
      } catch (StoreException e) {
        response = new WebhookResponse(503, "text/plain", "store unavailable");
      }
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      // the provider hung up; nothing to answer
    }
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> map = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      map.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return map;
  }
}
