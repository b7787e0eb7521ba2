package dev.dialkit.testkit;

import static dev.dialkit.testkit.Fixtures.request;
import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SimulatedWebhookTest {
  private static final String SECRET = "s3cret";

  private final Harness h = new Harness(b -> b.signingSecret(SECRET));

  @Test
  void webhooksAreSignedFormPostsThatVerify() throws Exception {
    h.provider.place(request(1));
    h.scheduler.runUntilIdle();

    assertThat(h.webhooks.requests).isNotEmpty();
    for (WebhookRequest r : h.webhooks.snapshot()) {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.mediaType()).isEqualTo("application/x-www-form-urlencoded");
      assertThat(r.header(SimulatedCallProvider.SIGNATURE_HEADER))
          .isEqualTo(hmac(SECRET, r.url() + r.body()));
      assertThat(r.formParameters().get("From")).containsExactly(Fixtures.FROM.e164());
      assertThat(r.formParameters().get("To")).containsExactly(Fixtures.TO.e164());
      assertThat(r.formParameters().get("Timestamp").get(0)).matches(".*T.*\\.\\d{3}Z");
      CallStatusUpdate u = h.provider.parseWebhook(r).get(0);
      assertThat(u.providerCallId()).isEqualTo("SIM1");
      assertThat(u.rawPayload()).isEqualTo(r.body());
    }
  }

  @Test
  void theCallbackUrlCarriesTheCallbackParameters() {
    h.provider.place(request(1));
    h.scheduler.runUntilIdle();

    WebhookRequest r = h.webhooks.requests.get(0);
    assertThat(r.url())
        .isEqualTo(
            URI.create(
                "https://dialkit.example/webhooks/simulated"
                    + "?dialkit_call=lead-1.1&dialkit_tenant=tenant-1"));
    assertThat(r.queryParameter(Webhooks.CALL_PARAMETER)).isEqualTo("lead-1.1");
  }

  @Test
  void aBaseUrlWithAQueryKeepsIt() {
    Harness custom =
        new Harness(b -> b.callbackBaseUrl(URI.create("https://hooks.example/cb?account=7")));
    custom.provider.place(request(1));
    custom.scheduler.runUntilIdle();

    assertThat(custom.webhooks.requests.get(0).url().toString())
        .isEqualTo(
            "https://hooks.example/cb?account=7&dialkit_call=lead-1.1&dialkit_tenant=tenant-1");
  }

  @Test
  void aTamperedWebhookIsRejectedForItsSignature() {
    h.provider.place(request(1));
    h.scheduler.runUntilIdle();
    WebhookRequest genuine = h.webhooks.requests.get(0);
    String signature = genuine.header(SimulatedCallProvider.SIGNATURE_HEADER);

    WebhookRequest body =
        post(genuine.url(), genuine.body().replace("initiated", "completed"), signature);
    WebhookRequest url =
        post(URI.create(genuine.url() + "&dialkit_call=other"), genuine.body(), signature);
    WebhookRequest unsigned = post(genuine.url(), genuine.body(), null);
    WebhookRequest otherSecret =
        post(genuine.url(), genuine.body(), hmac("other", genuine.url() + genuine.body()));

    for (WebhookRequest forged : List.of(body, url, unsigned, otherSecret)) {
      assertThatThrownBy(() -> h.provider.parseWebhook(forged))
          .isInstanceOfSatisfying(
              WebhookRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
    }
  }

  @Test
  void aWebhookMissingARequiredFieldIsMalformed() throws Exception {
    for (String body : List.of("CallStatus=ringing", "CallSid=SIM1", "CallSid=SIM1&CallStatus=")) {
      assertRejected(signed(body), Reason.MALFORMED);
    }
    assertRejected(signed("CallSid=SIM1&CallStatus=ringing&Timestamp=yesterday"), Reason.MALFORMED);
    assertRejected(signed("CallSid=SIM1&CallStatus=ringing&SequenceNumber=x"), Reason.MALFORMED);
  }

  @Test
  void aWebhookOfAnotherContentTypeIsMalformed() throws Exception {
    URI url = URI.create("https://dialkit.example/webhooks/simulated");
    String body = "{\"CallSid\":\"SIM1\"}";
    WebhookRequest json =
        new WebhookRequest(
            "POST",
            url,
            Map.of(
                "Content-Type",
                List.of("application/json"),
                SimulatedCallProvider.SIGNATURE_HEADER,
                List.of(hmac(SECRET, url + body))),
            body);

    assertRejected(json, Reason.MALFORMED);
  }

  @Test
  void anUnknownStatusKeepsItsRawValue() throws Exception {
    CallStatusUpdate u =
        h.provider.parseWebhook(signed("CallSid=SIM1&CallStatus=on-hold&SequenceNumber=5")).get(0);

    assertThat(u.status()).isEqualTo(CallStatus.UNKNOWN);
    assertThat(u.rawStatus()).isEqualTo("on-hold");
    assertThat(u.sequence()).isEqualTo(5L);
  }

  @Test
  void duplicatesFollowTheirOdds() {
    Harness dup = new Harness(b -> b.seed(11).duplicateProbability(0.2));
    dup.placeMany(2000);
    dup.scheduler.runUntilIdle();

    WebhookDeliveryCounts c = dup.provider.webhookCounts();
    assertThat((double) c.duplicated() / c.events()).isCloseTo(0.2, within(0.03));
    assertThat(c.sent()).isEqualTo(c.events() + c.duplicated());
    assertThat(dup.webhooks.requests).hasSize((int) c.sent());
    assertThat(c.dropped()).isZero();
    assertThat(c.reordered()).isZero();
  }

  @Test
  void lossesFollowTheirOddsAndTerminalWebhooksAreLostToo() {
    Harness lossy = new Harness(b -> b.seed(12).lossProbability(0.1));
    lossy.placeMany(2000);
    lossy.scheduler.runUntilIdle();

    WebhookDeliveryCounts c = lossy.provider.webhookCounts();
    assertThat((double) c.dropped() / c.events()).isCloseTo(0.1, within(0.02));
    assertThat(c.sent()).isEqualTo(c.events() - c.dropped());
    long endsHeard = lossy.updates().stream().filter(u -> u.status().isTerminal()).count();
    assertThat(endsHeard).isBetween(1600L, 1950L);
    assertThat(lossy.provider.calls()).noneMatch(SimulatedCall::isActive);
  }

  @Test
  void reorderingDeliversAnEventAfterTheNextOne() {
    Harness shuffled = new Harness(b -> b.seed(13).reorderProbability(0.2));
    shuffled.placeMany(2000);
    shuffled.scheduler.runUntilIdle();

    WebhookDeliveryCounts c = shuffled.provider.webhookCounts();
    long nonTerminal = c.events() - 2000;
    assertThat((double) c.reordered() / nonTerminal).isBetween(0.12, 0.22);
    assertThat(c.sent()).isEqualTo(c.events());
    Map<String, List<Long>> sequences = new HashMap<>();
    for (CallStatusUpdate u : shuffled.updates()) {
      sequences.computeIfAbsent(u.providerCallId(), k -> new ArrayList<>()).add(u.sequence());
    }
    long outOfOrder =
        sequences.values().stream().filter(s -> !s.equals(s.stream().sorted().toList())).count();
    assertThat(outOfOrder).isGreaterThan(c.reordered() / 2);
    assertThat(sequences.values()).allSatisfy(s -> assertThat(s).doesNotHaveDuplicates());
  }

  @Test
  void a5xxAnswerIsRedeliveredThreeTimesWithBackoff() {
    Harness failing =
        new Harness(
            b -> b.outcomeOdds(0, 1, 0, 0).webhookDelay(ofMillis(100), ofMillis(100)),
            r -> new WebhookResponse(503, null, "down"));
    failing.provider.place(request(1));
    failing.scheduler.runUntilIdle();

    // two events (initiated, busy), each delivered 1 + 3 times
    assertThat(failing.webhooks.requests).hasSize(8);
    List<Duration> initiated = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      if (failing.webhooks.requests.get(i).body().contains("CallStatus=initiated")) {
        initiated.add(Duration.between(Fixtures.START, failing.webhooks.receivedAt.get(i)));
      }
    }
    // created at 50 ms, delivered 100 ms later, then after 1 s, 2 s and 4 s
    assertThat(initiated)
        .containsExactly(ofMillis(150), ofMillis(1150), ofMillis(3150), ofMillis(7150));
    WebhookDeliveryCounts c = failing.provider.webhookCounts();
    assertThat(c.redelivered()).isEqualTo(6);
    assertThat(c.rejected()).isEqualTo(2);
  }

  @Test
  void a4xxAnswerIsNotRedelivered() {
    Harness rejecting =
        new Harness(b -> b.outcomeOdds(0, 1, 0, 0), r -> new WebhookResponse(404, null, "who?"));
    rejecting.provider.place(request(1));
    rejecting.scheduler.runUntilIdle();

    assertThat(rejecting.webhooks.requests).hasSize(2);
    assertThat(rejecting.provider.webhookCounts().rejected()).isEqualTo(2);
    assertThat(rejecting.provider.webhookCounts().redelivered()).isZero();
  }

  @Test
  void aStoreFailureCountsAsA5xx() {
    AtomicInteger calls = new AtomicInteger();
    Harness flaky =
        new Harness(
            b -> b.outcomeOdds(0, 1, 0, 0),
            r -> {
              if (calls.incrementAndGet() % 2 == 1) {
                throw new StoreException("database down", true);
              }
              return WebhookResponse.ok();
            });
    flaky.provider.place(request(1));
    flaky.scheduler.runUntilIdle();

    assertThat(flaky.webhooks.requests).hasSize(4);
    assertThat(flaky.provider.webhookCounts().redelivered()).isEqualTo(2);
  }

  @Test
  void anyOtherExceptionFromTheTargetFailsTheTest() {
    IllegalStateException bug = new IllegalStateException("bug in the handler");
    Harness buggy =
        new Harness(
            b -> b,
            r -> {
              throw bug;
            });
    buggy.provider.place(request(1));

    assertThatThrownBy(buggy.scheduler::runUntilIdle)
        .isInstanceOf(ScheduledTaskFailure.class)
        .hasCause(bug);
  }

  private void assertRejected(WebhookRequest request, Reason reason) {
    assertThatThrownBy(() -> h.provider.parseWebhook(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static WebhookRequest signed(String body) throws Exception {
    URI url = URI.create("https://dialkit.example/webhooks/simulated?dialkit_call=lead-1.1");
    return post(url, body, hmac(SECRET, url + body));
  }

  private static WebhookRequest post(URI url, String body, String signature) {
    return WebhookRequest.formPost(
        url,
        signature == null
            ? Map.of()
            : Map.of(SimulatedCallProvider.SIGNATURE_HEADER, List.of(signature)),
        body);
  }

  private static String hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
