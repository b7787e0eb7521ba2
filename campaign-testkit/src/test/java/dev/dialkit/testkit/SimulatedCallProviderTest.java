package dev.dialkit.testkit;

import static dev.dialkit.testkit.Fixtures.START;
import static dev.dialkit.testkit.Fixtures.call;
import static dev.dialkit.testkit.Fixtures.failure;
import static dev.dialkit.testkit.Fixtures.request;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SimulatedCallProviderTest {
  private static final PhoneNumber BAD = PhoneNumber.of("+14155550000");

  @Test
  void placeBeforeConnectIsRefused() {
    VirtualClock clock = VirtualClock.at(START);
    SimulatedCallProvider provider =
        SimulatedCallProvider.builder().clock(clock).scheduler(new ManualScheduler(clock)).build();

    assertThatThrownBy(() -> provider.place(request(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connect");
  }

  @Test
  void aHumanCallGoesThroughEveryStatusWithProviderTimestamps() {
    Harness h = humans(b -> b.talkTime(ofSeconds(40), 0));

    CompletionStage<PlacedCall> stage = h.provider.place(request(1));
    h.scheduler.advance(ofMillis(99));
    assertThat(stage).isNotDone();
    h.scheduler.advance(ofMillis(1));
    assertThat(Harness.placed(stage)).isEqualTo(new PlacedCall("SIM1", null, "queued"));
    h.scheduler.runUntilIdle();

    List<CallStatusUpdate> updates = h.updates("SIM1");
    assertThat(updates)
        .extracting(CallStatusUpdate::status)
        .containsExactly(
            CallStatus.INITIATED, CallStatus.RINGING, CallStatus.ANSWERED, CallStatus.COMPLETED);
    assertThat(updates).extracting(CallStatusUpdate::sequence).containsExactly(0L, 1L, 2L, 3L);
    assertThat(updates)
        .extracting(CallStatusUpdate::occurredAt)
        .containsExactly(
            START.plusMillis(50),
            START.plusMillis(1050),
            START.plusMillis(6050),
            START.plusMillis(46050));
    CallStatusUpdate completed = updates.get(3);
    assertThat(completed.answeredAt()).isEqualTo(START.plusMillis(6050));
    assertThat(completed.endedAt()).isEqualTo(START.plusMillis(46050));
    assertThat(completed.duration()).isEqualTo(ofSeconds(40));
    assertThat(completed.answeredBy()).isNull();
    assertThat(completed.failureReason()).isNull();
    assertThat(h.webhooks.receivedAt.get(3)).isEqualTo(START.plusMillis(46150));

    SimulatedCall truth = h.provider.call("SIM1").orElseThrow();
    assertThat(truth.callId()).isEqualTo(request(1).callId());
    assertThat(truth.outcome()).isEqualTo(SimulatedOutcome.HUMAN);
    assertThat(truth.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(truth.placedAt()).isEqualTo(START);
    assertThat(truth.ringingAt()).isEqualTo(START.plusMillis(1050));
    assertThat(truth.talkTime()).isEqualTo(ofSeconds(40));
    assertThat(truth.hungUp()).isFalse();
    assertThat(h.provider.activeCalls()).isZero();
    assertThat(h.provider.maxActiveCalls()).isEqualTo(1);
  }

  @Test
  void aWebhookMayArriveBeforeThePlaceResponse() {
    Harness h = humans(b -> b.apiLatency(ofSeconds(1)).webhookDelay(ofMillis(0), ofMillis(0)));

    CompletionStage<PlacedCall> stage = h.provider.place(request(1));
    h.scheduler.advance(ofMillis(500));

    assertThat(h.updates()).extracting(CallStatusUpdate::rawStatus).containsExactly("initiated");
    assertThat(stage).isNotDone();
    h.scheduler.advance(ofMillis(500));
    assertThat(stage).isDone();
  }

  @Test
  void aSynchronousProviderAnswersBeforePlaceReturns() {
    Harness h = humans(b -> b.synchronousAnswers(true).invalidNumbers(BAD::equals));

    CompletionStage<PlacedCall> accepted = h.provider.place(request(1));
    CompletionStage<PlacedCall> refused =
        h.provider.place(request(2, BAD, ofSeconds(30), ofSeconds(60), false));

    assertThat(accepted.toCompletableFuture())
        .as("complete with nothing run on the scheduler")
        .isDone();
    assertThat(Harness.placed(accepted)).isEqualTo(new PlacedCall("SIM1", null, "queued"));
    assertThat(failure(refused).reason()).isEqualTo(FailureReason.INVALID_NUMBER);
    assertThat(h.provider.queryStatus(call(request(1), "SIM1")).toCompletableFuture()).isDone();
    h.scheduler.runUntilIdle();
    assertThat(h.updates("SIM1"))
        .extracting(CallStatusUpdate::status)
        .as("the call itself goes on as scripted")
        .containsExactly(
            CallStatus.INITIATED, CallStatus.RINGING, CallStatus.ANSWERED, CallStatus.COMPLETED);
  }

  @Test
  void theSameSeedGivesTheSameScripts() {
    Harness a = faulty(7);
    Harness b = faulty(7);
    Harness other = faulty(8);
    for (Harness h : List.of(a, b, other)) {
      h.placeMany(300);
      h.scheduler.runUntilIdle();
    }

    assertThat(a.provider.calls()).hasSizeGreaterThan(250).isEqualTo(b.provider.calls());
    assertThat(bodies(a)).isEqualTo(bodies(b));
    assertThat(a.webhooks.receivedAt).isEqualTo(b.webhooks.receivedAt);
    assertThat(a.provider.webhookCounts()).isEqualTo(b.provider.webhookCounts());
    assertThat(other.provider.calls()).isNotEqualTo(a.provider.calls());
  }

  @Test
  void outcomesFollowTheConfiguredOdds() {
    Harness h = new Harness(b -> b.seed(1).outcomeOdds(0.10, 0.20, 0.15, 0.05));
    h.placeMany(10_000);
    h.scheduler.runUntilIdle();

    Map<SimulatedOutcome, Integer> counts = new EnumMap<>(SimulatedOutcome.class);
    for (SimulatedCall c : h.provider.calls()) {
      counts.merge(c.outcome(), 1, Integer::sum);
      assertThat(c.status()).isEqualTo(c.outcome().expectedStatus());
    }
    assertThat(share(counts, SimulatedOutcome.HUMAN)).isCloseTo(0.50, within(0.02));
    assertThat(share(counts, SimulatedOutcome.MACHINE)).isCloseTo(0.10, within(0.015));
    assertThat(share(counts, SimulatedOutcome.BUSY)).isCloseTo(0.20, within(0.015));
    assertThat(share(counts, SimulatedOutcome.NO_ANSWER)).isCloseTo(0.15, within(0.015));
    assertThat(share(counts, SimulatedOutcome.FAILED)).isCloseTo(0.05, within(0.01));
    assertThat(h.provider.activeCalls()).isZero();
    assertThat(h.provider.maxActiveCalls()).isEqualTo(10_000);
  }

  @Test
  void talkTimeIsLognormalWithTheConfiguredMean() {
    Harness h = new Harness(b -> b.seed(3).outcomeOdds(0, 0, 0, 0));
    h.placeMany(10_000);
    h.scheduler.runUntilIdle();

    List<Double> talk = new ArrayList<>();
    for (SimulatedCall c : h.provider.calls()) {
      talk.add(c.talkTime().toMillis() / 1000.0);
      assertThat(Duration.between(c.ringingAt(), c.answeredAt()))
          .isBetween(ofSeconds(3), ofSeconds(20));
    }
    double mean = talk.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double median = talk.stream().sorted().toList().get(talk.size() / 2);
    assertThat(mean).isCloseTo(45, within(45 * 0.04));
    // lognormal: median = mean * exp(-sigma^2 / 2) = 45 * exp(-0.32)
    assertThat(median).isCloseTo(45 * Math.exp(-0.32), within(45 * Math.exp(-0.32) * 0.05));
  }

  @Test
  void theCallSetupTimeIsConfigurable() {
    Harness h = humans(b -> b.callSetup(Duration.ZERO).apiLatency(Duration.ZERO));
    h.provider.place(request(1));
    h.scheduler.runUntilIdle();

    SimulatedCall c = h.provider.calls().get(0);
    assertThat(c.ringingAt()).isEqualTo(START);
    assertThat(Duration.between(c.ringingAt(), c.answeredAt())).isEqualTo(ofSeconds(5));
  }

  @Test
  void theRequestCapsRingingAndTalking() {
    Harness h = humans(b -> b.ringTime(ofSeconds(20), ofSeconds(20)).talkTime(ofSeconds(600), 0));
    h.provider.place(request(1, Fixtures.TO, ofSeconds(10), ofSeconds(30), false));
    h.scheduler.runUntilIdle();

    SimulatedCall c = h.provider.calls().get(0);
    assertThat(Duration.between(c.ringingAt(), c.answeredAt())).isEqualTo(ofSeconds(10));
    assertThat(c.talkTime()).isEqualTo(ofSeconds(30));
  }

  @Test
  void anUnansweredCallRingsUntilTheRingTimeout() {
    Harness h = new Harness(b -> b.outcomeOdds(0, 0, 1, 0));
    h.provider.place(request(1, Fixtures.TO, ofSeconds(25), ofSeconds(60), false));
    h.scheduler.runUntilIdle();

    CallStatusUpdate end = last(h.updates("SIM1"));
    assertThat(end.status()).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(end.sipCode()).isEqualTo("480");
    assertThat(end.hangupCause()).isEqualTo("31480");
    assertThat(end.failureReason()).isNull();
    SimulatedCall c = h.provider.calls().get(0);
    assertThat(Duration.between(c.ringingAt(), c.endedAt())).isEqualTo(ofSeconds(25));
    assertThat(c.talkTime()).isZero();
  }

  @Test
  void busyAndFailedCallsEndWithoutRinging() {
    Harness busy = new Harness(b -> b.outcomeOdds(0, 1, 0, 0));
    Harness failed = new Harness(b -> b.outcomeOdds(0, 0, 0, 1));
    for (Harness h : List.of(busy, failed)) {
      h.provider.place(request(1));
      h.scheduler.runUntilIdle();
    }

    assertThat(busy.updates())
        .extracting(CallStatusUpdate::status)
        .containsExactly(CallStatus.INITIATED, CallStatus.BUSY);
    assertThat(last(busy.updates()).sipCode()).isEqualTo("486");
    assertThat(last(busy.updates()).failureReason()).isNull();
    assertThat(failed.updates())
        .extracting(CallStatusUpdate::status)
        .containsExactly(CallStatus.INITIATED, CallStatus.FAILED);
    assertThat(last(failed.updates()).sipCode()).isEqualTo("503");
    assertThat(last(failed.updates()).failureReason()).isEqualTo(FailureReason.CARRIER_ERROR);
    assertThat(last(failed.updates()).endedAt()).isEqualTo(START.plusMillis(1050));
  }

  @Test
  void aMachineAnswerEndsAsVoicemail() {
    Harness h = new Harness(b -> b.outcomeOdds(1, 0, 0, 0));
    h.provider.place(request(1));
    h.scheduler.runUntilIdle();

    List<CallStatusUpdate> updates = h.updates("SIM1");
    assertThat(updates.get(2).status()).isEqualTo(CallStatus.ANSWERED);
    assertThat(updates.get(2).answeredBy()).isEqualTo(AnsweredBy.MACHINE);
    assertThat(last(updates).status()).isEqualTo(CallStatus.VOICEMAIL);
    assertThat(last(updates).rawStatus()).isEqualTo("completed");
    assertThat(last(updates).rawPayload()).contains("AnsweredBy=machine_end_beep");
  }

  @Test
  void machineDetectionReportsHumansOnlyWhenAsked() {
    Harness h = humans(b -> b);
    h.provider.place(request(1, Fixtures.TO, ofSeconds(30), ofSeconds(600), true));
    h.provider.place(request(2, Fixtures.TO, ofSeconds(30), ofSeconds(600), false));
    h.scheduler.runUntilIdle();

    assertThat(last(h.updates("SIM1")).answeredBy()).isEqualTo(AnsweredBy.HUMAN);
    assertThat(last(h.updates("SIM1")).status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(last(h.updates("SIM2")).answeredBy()).isNull();
  }

  @Test
  void anInvalidNumberIsRefusedForGood() {
    Harness h = new Harness(b -> b.invalidNumbers(BAD::equals));
    CompletionStage<PlacedCall> stage =
        h.provider.place(request(1, BAD, ofSeconds(30), ofSeconds(60), false));
    h.scheduler.runUntilIdle();

    ProviderException e = failure(stage);
    assertThat(e.reason()).isEqualTo(FailureReason.INVALID_NUMBER);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.isAmbiguous()).isFalse();
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.providerCode()).isEqualTo("21211");
    assertThat(e.getMessage()).doesNotContain(BAD.e164());
    assertThat(h.provider.calls()).isEmpty();
    assertThat(h.webhooks.requests).isEmpty();
  }

  @Test
  void overTheCallsPerSecondLimitIsARetryable429() {
    Harness h = new Harness(b -> b.callsPerSecondLimit(2));
    assertThat(h.provider.callsPerSecond()).isEqualTo(2);

    List<CompletionStage<PlacedCall>> first = h.placeMany(3);
    h.scheduler.advance(ofMillis(500));
    CompletionStage<PlacedCall> refilled = h.provider.place(request(4));
    CompletionStage<PlacedCall> tooSoon = h.provider.place(request(5));
    h.scheduler.advance(ofMillis(100));

    assertThat(Harness.placed(first.get(0)).providerCallId()).isEqualTo("SIM1");
    assertThat(Harness.placed(first.get(1)).providerCallId()).isEqualTo("SIM2");
    ProviderException e = failure(first.get(2));
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED);
    assertThat(e.isRetryable()).isTrue();
    assertThat(Harness.placed(refilled).providerCallId()).isEqualTo("SIM3");
    assertThat(failure(tooSoon).httpStatus()).isEqualTo(429);
  }

  @Test
  void injectedUnavailabilityIsRetryableAndPlacesNothing() {
    Harness h = new Harness(b -> b.placeFailures(1, 0));
    CompletionStage<PlacedCall> stage = h.provider.place(request(1));
    h.scheduler.runUntilIdle();

    ProviderException e = failure(stage);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.isRetryable()).isTrue();
    assertThat(h.provider.calls()).isEmpty();
  }

  @Test
  void anInjectedTimeoutIsAmbiguousButTheCallWasPlaced() {
    Harness h = humans(b -> b.placeFailures(0, 1));
    DialRequest request = request(1);
    CompletionStage<PlacedCall> stage = h.provider.place(request);
    h.scheduler.advance(ofSeconds(9));
    assertThat(stage).isNotDone();
    h.scheduler.advance(ofSeconds(1));

    ProviderException e = failure(stage);
    assertThat(e.isAmbiguous()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.httpStatus()).isZero();
    // Dialkit reconciles by its own call id: the provider call id is unknown to it
    CompletionStage<Optional<CallStatusUpdate>> query = h.provider.queryStatus(call(request, null));
    h.scheduler.runUntilIdle();
    assertThat(query.toCompletableFuture().join().orElseThrow().providerCallId()).isEqualTo("SIM1");
    assertThat(h.provider.calls()).hasSize(1);
  }

  @Test
  void hangUpBeforeTheAnswerCancels() {
    Harness h = humans(b -> b.ringTime(ofSeconds(10), ofSeconds(10)));
    DialRequest request = request(1);
    h.provider.place(request);
    h.scheduler.advance(ofSeconds(3));

    CompletionStage<Void> hangUp = h.provider.hangUp(call(request, "SIM1"));
    h.scheduler.runUntilIdle();

    assertThat(hangUp.toCompletableFuture()).isCompletedWithValue(null);
    SimulatedCall c = h.provider.calls().get(0);
    assertThat(c.status()).isEqualTo(CallStatus.CANCELED);
    assertThat(c.hungUp()).isTrue();
    assertThat(c.endedAt()).isEqualTo(START.plusSeconds(3));
    assertThat(c.answeredAt()).isNull();
    assertThat(c.talkTime()).isZero();
    assertThat(h.updates())
        .extracting(CallStatusUpdate::status)
        .containsExactly(CallStatus.INITIATED, CallStatus.RINGING, CallStatus.CANCELED);
    assertThat(last(h.updates()).sequence()).isEqualTo(2L);
    assertThat(last(h.updates()).sipCode()).isEqualTo("487");
    assertThat(h.provider.activeCalls()).isZero();
  }

  @Test
  void hangUpAfterTheAnswerCompletes() {
    Harness h = humans(b -> b.ringTime(ofSeconds(5), ofSeconds(5)).talkTime(ofSeconds(600), 0));
    DialRequest request = request(1);
    h.provider.place(request);
    h.scheduler.advance(ofMillis(6050 + 30_000)); // answered at 6.05 s, then 30 s of talk

    h.provider.hangUp(call(request, "SIM1"));
    h.scheduler.runUntilIdle();

    SimulatedCall c = h.provider.calls().get(0);
    assertThat(c.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(c.talkTime()).isEqualTo(ofSeconds(30));
    assertThat(c.hungUp()).isTrue();
    List<CallStatusUpdate> updates = h.updates();
    assertThat(updates).hasSize(4);
    assertThat(last(updates).status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(last(updates).duration()).isEqualTo(ofSeconds(30));
    assertThat(Duration.between(last(updates).answeredAt(), last(updates).endedAt()))
        .isEqualTo(ofSeconds(30));
  }

  @Test
  void hangUpAfterTheEndChangesNothing() {
    Harness h = humans(b -> b);
    DialRequest request = request(1);
    h.provider.place(request);
    h.scheduler.runUntilIdle();
    SimulatedCall before = h.provider.calls().get(0);

    CompletionStage<Void> hangUp = h.provider.hangUp(call(request, "SIM1"));
    h.scheduler.runUntilIdle();

    assertThat(hangUp.toCompletableFuture()).isCompletedWithValue(null);
    assertThat(h.provider.calls().get(0)).isEqualTo(before);
    assertThat(h.webhooks.requests).hasSize(4);
  }

  @Test
  void hangUpOfAnUnknownCallIsA404() {
    Harness h = humans(b -> b);
    CompletionStage<Void> hangUp = h.provider.hangUp(call(request(9), "SIM9"));
    h.scheduler.runUntilIdle();

    assertThat(failure(hangUp).httpStatus()).isEqualTo(404);
  }

  @Test
  void queryStatusTellsTheTruthEvenWhenEveryWebhookIsLost() {
    Harness h = humans(b -> b.lossProbability(1).talkTime(ofSeconds(40), 0));
    DialRequest request = request(1);
    h.provider.place(request);

    assertThat(query(h, request).status()).isEqualTo(CallStatus.QUEUED);
    h.scheduler.advance(ofSeconds(2));
    CallStatusUpdate ringing = query(h, request);
    assertThat(ringing.status()).isEqualTo(CallStatus.RINGING);
    assertThat(ringing.sequence()).isEqualTo(1L);
    h.scheduler.runUntilIdle();
    CallStatusUpdate end = query(h, request);
    assertThat(end.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(end.endedAt()).isEqualTo(h.provider.calls().get(0).endedAt());
    assertThat(end.duration()).isEqualTo(ofSeconds(40));

    assertThat(h.webhooks.requests).isEmpty();
    assertThat(h.provider.webhookCounts().dropped()).isEqualTo(4);
    CompletionStage<Optional<CallStatusUpdate>> unknown =
        h.provider.queryStatus(call(request(2), "SIM2"));
    h.scheduler.runUntilIdle();
    assertThat(unknown.toCompletableFuture().join()).isEmpty();
  }

  @Test
  void callsMayBePlacedFromManyThreads() throws InterruptedException {
    Harness h = new Harness(b -> b);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int base = t * 250;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 1; i <= 250; i++) {
                  h.provider.place(request(base + i));
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    h.scheduler.runUntilIdle();

    assertThat(h.provider.calls()).hasSize(1000);
    assertThat(h.provider.calls()).extracting(SimulatedCall::callId).doesNotHaveDuplicates();
    assertThat(h.provider.calls()).noneMatch(SimulatedCall::isActive);
    assertThat(h.provider.webhookCounts().sent())
        .isEqualTo(h.provider.webhookCounts().events())
        .isEqualTo(h.webhooks.requests.size());
  }

  private static CallStatusUpdate query(Harness h, DialRequest request) {
    CompletionStage<Optional<CallStatusUpdate>> stage =
        h.provider.queryStatus(call(request, "SIM1"));
    h.scheduler.runUntil(() -> stage.toCompletableFuture().isDone());
    return stage.toCompletableFuture().join().orElseThrow();
  }

  /** Only humans answer; ring 5 s; webhooks take exactly 100 ms. */
  private static Harness humans(
      java.util.function.UnaryOperator<SimulatedCallProviderBuilder> more) {
    return new Harness(
        b ->
            more.apply(
                b.outcomeOdds(0, 0, 0, 0)
                    .ringTime(ofSeconds(5), ofSeconds(5))
                    .webhookDelay(ofMillis(100), ofMillis(100))));
  }

  private static Harness faulty(long seed) {
    return new Harness(
        b ->
            b.seed(seed)
                .duplicateProbability(0.1)
                .reorderProbability(0.1)
                .lossProbability(0.1)
                .placeFailures(0.05, 0.05));
  }

  private static List<String> bodies(Harness h) {
    return h.webhooks.snapshot().stream().map(r -> r.body()).toList();
  }

  private static double share(Map<SimulatedOutcome, Integer> counts, SimulatedOutcome o) {
    return counts.getOrDefault(o, 0) / 10_000.0;
  }

  private static CallStatusUpdate last(List<CallStatusUpdate> updates) {
    return updates.get(updates.size() - 1);
  }
}
