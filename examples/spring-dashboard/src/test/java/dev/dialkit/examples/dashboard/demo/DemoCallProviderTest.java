package dev.dialkit.examples.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo provider against a bare HTTP server standing in for the app's webhook endpoint. */
class DemoCallProviderTest {
  private static final Duration RING = Duration.ofSeconds(30);

  private HttpServer server;
  private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>(); // {query, body}
  private DemoCallProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/dialkit/webhooks/demo",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(new String[] {exchange.getRequestURI().getRawQuery(), body});
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void tearDown() {
    provider.close();
    server.stop(0);
  }

  @Test
  void aPlacedCallCallsBackOverHttpWithItsParametersUntilItEnds() throws Exception {
    provider = provider(1000);
    PlacedCall placed =
        provider.place(request("ld-a")).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(placed.providerCallId()).startsWith("DEMO-");
    // posted one by one, they may arrive out of order, as a real provider's do
    List<Map<String, List<String>>> callbacks = new ArrayList<>();
    String[] callback;
    while ((callback = received.poll(2, TimeUnit.SECONDS)) != null) {
      assertThat(callback[0]).contains("dialkit_call=ld-a.1", "dialkit_token=t0k3n");
      callbacks.add(WebhookRequest.decodeForm(callback[1]));
    }
    List<Long> sequence =
        callbacks.stream().map(f -> number(f, "SequenceNumber")).sorted().toList();
    assertThat(sequence).isNotEmpty();
    assertThat(sequence)
        .containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
    assertThat(callbacks)
        .allSatisfy(f -> assertThat(f.get("CallSid")).containsExactly(placed.providerCallId()));
    Map<String, List<String>> last =
        callbacks.stream()
            .filter(f -> number(f, "SequenceNumber") == sequence.size() - 1)
            .findFirst()
            .orElseThrow();
    assertThat(last.get("CallStatus").get(0)).isIn("completed", "busy", "no-answer", "failed");
  }

  private static long number(Map<String, List<String>> form, String field) {
    return Long.parseLong(form.get(field).get(0));
  }

  @Test
  void aHangUpEndsTheCallAtOnce() throws Exception {
    provider = provider(1); // real time: the call would ring for seconds
    PlacedCall placed =
        provider.place(request("ld-b")).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(received.poll(5, TimeUnit.SECONDS)[1]).contains("CallStatus=initiated");

    provider
        .hangUp(call("ld-b", placed.providerCallId()))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    String end = received.poll(5, TimeUnit.SECONDS)[1];
    assertThat(end).contains("CallStatus=canceled", "SipResponseCode=487");
  }

  @Test
  void aCallOfAnEarlierRunIsReportedFailed() throws Exception {
    provider = provider(20);

    var update =
        provider
            .queryStatus(call("ld-c", "DEMO-old-7"))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(update).get().satisfies(u -> assertThat(u.status()).isEqualTo(CallStatus.FAILED));
  }

  @Test
  void beforeTheServerListensAPlacementIsRetryable() {
    provider = new DemoCallProvider(20, 10, () -> null);

    assertThatThrownBy(() -> provider.place(request("ld-d")).toCompletableFuture().join())
        .hasCauseInstanceOf(ProviderException.class)
        .satisfies(e -> assertThat(((ProviderException) e.getCause()).isRetryable()).isTrue());
  }

  private DemoCallProvider provider(double speed) {
    URI url =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dialkit/webhooks/demo");
    return new DemoCallProvider(speed, 100, () -> url);
  }

  private static DialRequest request(String lead) {
    return new DialRequest(
        dev.dialkit.campaign.CallId.of(lead + ".1"),
        dev.dialkit.campaign.TenantId.of("demo"),
        CampaignId.of("cmp-1"),
        PhoneNumber.of("+14155550100"),
        PhoneNumber.of("+12123000000"),
        Agent.answerUrl("https://agent.example.com/a"),
        Map.of("dialkit_call", lead + ".1", "dialkit_token", "t0k3n"),
        RING,
        Duration.ofMinutes(5),
        false,
        false);
  }

  private static Call call(String lead, String providerCallId) {
    Lead queued =
        Lead.queued(
            LeadId.of(lead),
            dev.dialkit.campaign.TenantId.of("demo"),
            CampaignId.of("cmp-1"),
            NewLead.of("+12123000000"),
            Instant.now());
    return Call.initiated(queued, 1, "demo", PhoneNumber.of("+14155550100"), Instant.now())
        .toBuilder()
        .providerCallId(providerCallId)
        .build();
  }
}
