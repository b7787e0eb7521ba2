package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.testkit.internal.SimulatedWebhookCodec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A repeated, reordered or late webhook never changes what the provider said. */
class CallTruthTest {
  private static final SimulatedWebhookCodec SIGNER =
      new SimulatedWebhookCodec(SimulatedCallProviderBuilder.DEFAULT_SIGNING_SECRET);

  /**
   * A rig whose provider accepts calls but whose own webhooks are all lost: the test sends them.
   */
  private static DialerRig silentRig(int calls) {
    return new DialerRig(
        ConcurrencyPolicy.builder().global(calls).perTenant(calls).build(),
        p -> p.lossProbability(1.0));
  }

  private static List<Call> placedCalls(DialerRig rig, CampaignId id, int n) {
    rig.scheduler.runUntil(
        () ->
            rig.store.findActiveCalls(DialerRig.TENANT, id).stream()
                    .filter(c -> c.providerCallId() != null)
                    .count()
                == n);
    return rig.store.findActiveCalls(DialerRig.TENANT, id);
  }

  /** A signed webhook for {@code call}, as the simulated provider would send it. */
  static WebhookRequest webhook(Call call, String status, long sequence, Instant at, String extra) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(Webhooks.PROVIDER_PARAMETER, call.provider());
    params.put(Webhooks.TENANT_PARAMETER, call.tenant().value());
    params.put(Webhooks.CALL_PARAMETER, call.id().value());
    URI url =
        CallbackUrls.withParameters(
            URI.create("https://dialkit.example/webhooks/simulated"), params);
    String body =
        "CallSid="
            + call.providerCallId()
            + "&CallStatus="
            + status
            + "&Timestamp="
            + at
            + "&SequenceNumber="
            + sequence
            + extra;
    return new WebhookRequest(
        "POST",
        url,
        Map.of(
            "Content-Type",
            List.of("application/x-www-form-urlencoded"),
            SimulatedCallProvider.SIGNATURE_HEADER,
            List.of(SIGNER.sign(url.toString(), body))),
        body);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 10})
  void theSameWebhookDeliveredManyTimesHasTheEffectOfOne(int deliveries) {
    try (DialerRig rig = silentRig(1)) {
      CampaignId id = rig.startCampaign("idempotent", 1, s -> s);
      Call call = placedCalls(rig, id, 1).get(0);
      Instant answered = DialerRig.START.plusSeconds(5);
      Instant ended = DialerRig.START.plusSeconds(47);
      WebhookRequest completed =
          webhook(
              call,
              "completed",
              3,
              ended,
              "&AnswerTime=" + answered + "&EndTime=" + ended + "&CallDuration=42");
      for (int i = 0; i < deliveries; i++) {
        assertThat(rig.dialer.webhooks().handle(completed).status()).isEqualTo(200);
      }

      Call stored = rig.dialer.calls().get(DialerRig.TENANT, call.id()).orElseThrow();
      assertThat(stored.status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(stored.duration()).isEqualTo(Duration.ofSeconds(42));
      var counters = rig.dialer.campaigns().get(DialerRig.TENANT, id).counters();
      assertThat(counters.get(Counter.CALLS_COMPLETED)).isEqualTo(1);
      assertThat(counters.get(Counter.LEADS_DONE)).isEqualTo(1);
      assertThat(counters.get(Counter.TALK_MILLIS)).isEqualTo(42_000);
      assertThat(rig.store.slotUsage(DialerRig.TENANT, id).global()).isZero();
      List<CallLogEntry> log = rig.fullLog(id);
      assertThat(log).filteredOn(e -> e.event() == CallLogEvent.STATUS_APPLIED).hasSize(1);
      assertThat(log)
          .filteredOn(e -> e.event() == CallLogEvent.STATUS_DUPLICATE)
          .as("every repeat is recorded as ignored")
          .hasSize(deliveries - 1);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only
  void aThousandCallsWithEveryUpdateDeliveredThreeTimesShuffledBySixteenThreads() throws Exception {
    int n = 1000;
    try (DialerRig rig = silentRig(n)) {
      CampaignId id = rig.startCampaign("storm", n, s -> s);
      List<Call> calls = placedCalls(rig, id, n);
      Random random = new Random(7);
      Map<String, CallStatus> expectedEnd = new HashMap<>();
      Map<String, Duration> expectedDuration = new HashMap<>();
      List<WebhookRequest> deliveries = new ArrayList<>();
      for (Call call : calls) {
        Instant t = DialerRig.START.plusSeconds(random.nextInt(60));
        List<WebhookRequest> script = new ArrayList<>();
        script.add(webhook(call, "initiated", 0, t, ""));
        script.add(webhook(call, "ringing", 1, t.plusSeconds(1), ""));
        if (random.nextInt(10) < 7) {
          Instant answered = t.plusMillis(4_000 + random.nextInt(10_000));
          Instant ended = answered.plusMillis(random.nextInt(120_000));
          script.add(webhook(call, "in-progress", 2, answered, ""));
          script.add(
              webhook(
                  call, "completed", 3, ended, "&AnswerTime=" + answered + "&EndTime=" + ended));
          expectedEnd.put(call.id().value(), CallStatus.COMPLETED);
          expectedDuration.put(call.id().value(), Duration.between(answered, ended));
        } else {
          script.add(webhook(call, "busy", 2, t.plusSeconds(3), "&SipResponseCode=486"));
          expectedEnd.put(call.id().value(), CallStatus.BUSY);
          expectedDuration.put(call.id().value(), Duration.ZERO);
        }
        for (int copy = 0; copy < 3; copy++) {
          deliveries.addAll(script);
        }
      }
      Collections.shuffle(deliveries, random);

      ExecutorService threads = Executors.newFixedThreadPool(16);
      try {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (WebhookRequest delivery : deliveries) {
          tasks.add(() -> rig.dialer.webhooks().handle(delivery).status());
        }
        for (Future<Integer> status : threads.invokeAll(tasks)) {
          assertThat(status.get()).isEqualTo(200);
        }
      } finally {
        threads.shutdown();
      }
      rig.scheduler.runDue(); // deliver the events the handlers published

      // final states equal the highest rank seen; durations are the provider's
      for (Call call : calls) {
        Call stored = rig.dialer.calls().get(DialerRig.TENANT, call.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(expectedEnd.get(call.id().value()));
        assertThat(stored.duration()).isEqualTo(expectedDuration.get(call.id().value()));
      }
      // no transition ever went backwards
      long backward =
          rig.events.stream()
              .filter(e -> e instanceof DialkitEvent.CallUpdated)
              .map(e -> (DialkitEvent.CallUpdated) e)
              .filter(u -> u.previousStatus() != null)
              .filter(u -> u.call().status().rank() < u.previousStatus().rank())
              .count();
      assertThat(backward).isZero();
      // one applied entry per distinct event at most, and exactly one end per call
      Map<String, Integer> applied = new HashMap<>();
      for (CallLogEntry e : rig.fullLog(id)) {
        if (e.event() == CallLogEvent.STATUS_APPLIED) {
          applied.merge(e.callId() + "|" + e.status(), 1, Integer::sum);
        }
      }
      assertThat(applied.values()).containsOnly(1);
      for (Call call : calls) {
        assertThat(applied).containsKey(call.id() + "|" + expectedEnd.get(call.id().value()));
      }
      var counters = rig.dialer.campaigns().get(DialerRig.TENANT, id).counters();
      long completed = expectedEnd.values().stream().filter(s -> s == CallStatus.COMPLETED).count();
      assertThat(counters.get(Counter.CALLS_COMPLETED)).isEqualTo(completed);
      assertThat(counters.get(Counter.CALLS_BUSY)).isEqualTo(n - completed);
      assertThat(counters.get(Counter.LEADS_IN_PROGRESS)).isZero();
      assertThat(rig.store.slotUsage(DialerRig.TENANT, id).global()).isZero();
    }
  }

  @Test
  void anUnknownStatusIsRecordedWithItsRawValueAndNeverApplied() {
    try (DialerRig rig = silentRig(1)) {
      CampaignId id = rig.startCampaign("unknown", 1, s -> s);
      Call call = placedCalls(rig, id, 1).get(0);
      for (int i = 0; i < 2; i++) {
        assertThat(
                rig.dialer
                    .webhooks()
                    .handle(webhook(call, "teleported", 5, DialerRig.START.plusSeconds(3), ""))
                    .status())
            .isEqualTo(200);
      }
      assertThat(rig.dialer.calls().get(DialerRig.TENANT, call.id()).orElseThrow().status())
          .isEqualTo(CallStatus.INITIATED);
      assertThat(rig.fullLog(id))
          .filteredOn(e -> e.event() == CallLogEvent.STATUS_UNKNOWN)
          .hasSize(2)
          .allSatisfy(e -> assertThat(e.detail()).contains("'teleported'"));
    }
  }
}
