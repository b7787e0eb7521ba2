package dev.dialkit.provider.plivo;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.plivo.PlivoCreateCallTest.failure;
import static dev.dialkit.provider.plivo.PlivoCreateCallTest.join;
import static dev.dialkit.provider.plivo.PlivoPayloads.CALLS_PATH;
import static dev.dialkit.provider.plivo.PlivoWireMockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reconciling an ambiguous create (no request_uuid) and a request whose CallUUID never came, by
 * destination and caller id in Plivo's queued, live and ended call lists. Payload shapes: the
 * live/queued id lists and the live call as in plivo-python's {@code liveCallListGetResponse.json}
 * and {@code liveCallGetResponse.json} (plivo-java has the same), the queued call as plivo-go's
 * {@code QueuedCall}, the call list as plivo-java's {@code callListResponse.json}.
 */
class PlivoReconcileTest {
  private static final Instant CREATED = Instant.parse("2025-03-03T10:00:00Z");
  private static final Instant SENT = Instant.parse("2025-03-03T10:00:01Z");
  private static final String FROM = "14155550100";
  private static final String TO = "14155550123";
  private static final String REQ = PlivoPayloads.REQUEST_UUID;

  private final VirtualClock clock = VirtualClock.at(SENT.plusSeconds(30));
  private final PlivoWireMockFixture fx = new PlivoWireMockFixture();
  private final PlivoProvider provider = fx.builder().clock(clock).build();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** A call permitted at {@link #SENT} whose create failed ambiguously (no ids). */
  static Call ambiguous() {
    return PlivoCallControlTest.call(null, null, CallStatus.INITIATED).toBuilder()
        .sentAt(SENT)
        .build();
  }

  // ---- payloads -------------------------------------------------------------------------------

  static String ids(String... ids) {
    return "{\"api_id\": \"b251cbd6-3ef0-11e7-a51d-0245fa790d9e\", \"calls\": ["
        + java.util.Arrays.stream(ids).map(i -> "\"" + i + "\"").collect(Collectors.joining(", "))
        + "]}";
  }

  /** plivo-python's liveCallGetResponse.json, with this test's numbers. */
  static String live(String callUuid, String requestUuid, String from, String to, String status) {
    return """
        {
          "api_id": "18f3bbb0-3ef1-11e7-a68e-02d2f90c026e",
          "call_status": "%s",
          "call_uuid": "%s",
          "caller_name": "",
          "direction": "outbound",
          "from": "%s",
          "request_uuid": "%s",
          "session_start": "2025-03-03 10:00:02.050872",
          "to": "%s"
        }
        """
        .formatted(status, callUuid, from, requestUuid, to);
  }

  /** A queued call, with plivo-go's QueuedCall fields. */
  static String queuedCall(String callUuid, String requestUuid, String to) {
    return """
        {
          "api_id": "45223222-74f8-11e1-8ea7-1231400389e2",
          "call_status": "queued",
          "call_uuid": "%s",
          "caller_name": "+14155550100",
          "direction": "outbound",
          "from": "14155550100",
          "request_uuid": "%s",
          "to": "%s"
        }
        """
        .formatted(callUuid, requestUuid, to);
  }

  /** One object of plivo-java's callListResponse.json; {@code extra} adds fields. */
  static String record(
      String callUuid,
      String from,
      String to,
      String answerTime,
      long bill,
      String endTime,
      int code,
      String name,
      String extra) {
    return """
        {
          "answer_time": %s,
          "api_id": "06ae0f8f-dc72-11e5-b56c-22000ae90795",
          "bill_duration": %d,
          "billed_duration": %d,
          "call_direction": "outbound",
          "call_duration": %d,
          "call_uuid": "%s",
          "end_time": "%s",
          "from_number": "%s",
          "initiation_time": "2025-03-03 10:00:02+00:00",
          "parent_call_uuid": null,
          "resource_uri": "/v1/Account/MAZDJ0ZTC4NTMWNMY5NZ/Call/%s/",
          "to_number": "%s",
          "total_amount": "0.13600",
          "total_rate": "0.00850",
          "hangup_cause_name": "%s",
          "hangup_cause_code": %d,
          "hangup_source": "Plivo",
          "voice_network_group": "USA All Networks",
          "source_ip": "127.0.0.1",
          "cnam_lookup": "disabled"%s
        }
        """
        .formatted(
            answerTime == null ? "null" : "\"" + answerTime + "\"",
            bill,
            bill == 0 ? 0 : 60,
            bill,
            callUuid,
            endTime,
            from,
            callUuid,
            to,
            name,
            code,
            extra == null ? "" : ",\n  " + extra);
  }

  static String answered(String callUuid) {
    return record(
        callUuid,
        "+" + FROM,
        TO,
        "2025-03-03 10:00:18+00:00",
        42,
        "2025-03-03 10:01:00+00:00",
        4010,
        "End Of XML Instructions",
        null);
  }

  static String list(String... objects) {
    return """
        {
          "api_id": "8299d094-dc72-11e5-b56c-22000ae90795",
          "meta": {"limit": 20, "next": null, "offset": 0, "previous": null, "total_count": %d},
          "objects": [%s]
        }
        """
        .formatted(objects.length, String.join(",", objects));
  }

  // ---- stubs ----------------------------------------------------------------------------------

  private MappingBuilder listOf(String status) {
    return get(urlPathEqualTo(CALLS_PATH))
        .withQueryParam("status", status == null ? absent() : equalTo(status));
  }

  private void queue(String body) {
    fx.server.stubFor(listOf("queued").willReturn(json(200, body)));
  }

  private void liveList(String body) {
    fx.server.stubFor(
        listOf("live")
            .withQueryParam("call_direction", equalTo("outbound"))
            .withQueryParam("from_number", equalTo(FROM))
            .withQueryParam("to_number", equalTo(TO))
            .willReturn(json(200, body)));
  }

  private void records(String body) {
    fx.server.stubFor(
        listOf(null)
            .withQueryParam("call_direction", equalTo("outbound"))
            .withQueryParam("from_number", equalTo(FROM))
            .withQueryParam("to_number", equalTo(TO))
            .withQueryParam("end_time__gte", equalTo("2025-03-03 09:58:01"))
            .willReturn(json(200, body)));
  }

  private void resource(String id, String status, int code, String body) {
    fx.server.stubFor(
        get(urlPathEqualTo(PlivoPayloads.callPath(id)))
            .withQueryParam("status", equalTo(status))
            .willReturn(json(code, body)));
  }

  private void nothingAnywhere() {
    queue(ids());
    liveList(ids());
    records(list());
  }

  private Optional<CallStatusUpdate> ask(Call call) {
    return join(provider.queryStatus(call));
  }

  // ---- tests ----------------------------------------------------------------------------------

  @Test
  void aRingingCallIsFoundInTheLiveListByDestinationAndCallerId() {
    queue(ids());
    liveList(ids("uuid-live"));
    resource("uuid-live", "live", 200, live("uuid-live", REQ, "+" + FROM, TO, "ringing"));
    records(list());

    CallStatusUpdate u = ask(ambiguous()).orElseThrow();

    assertThat(u.status()).isEqualTo(CallStatus.RINGING);
    assertThat(u.providerCallId()).isEqualTo("uuid-live");
    assertThat(u.providerRequestId()).isEqualTo(REQ);
    // queued, then live, then the records: the order a call moves in
    List<String> lists =
        new ArrayList<>(
            fx.server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl())
                .filter(url -> url.startsWith(CALLS_PATH + "?"))
                .toList());
    Collections.reverse(lists); // WireMock lists the newest first
    assertThat(lists)
        .containsExactly(
            CALLS_PATH + "?status=queued&limit=20&offset=0",
            CALLS_PATH
                + "?status=live&call_direction=outbound&from_number=14155550100"
                + "&to_number=14155550123&limit=20&offset=0",
            CALLS_PATH
                + "?call_direction=outbound&from_number=14155550100&to_number=14155550123"
                + "&end_time__gte=2025-03-03%2009%3A58%3A01&limit=20&offset=0");
    fx.server.verify(0, postRequestedFor(urlPathEqualTo(CALLS_PATH)));
  }

  @Test
  void aRequestStillInPlivosQueueIsFoundAndOnlyItsRequestUuidTaken() {
    queue(ids("q-other", "q-ours"));
    resource("q-other", "queued", 200, queuedCall("q-other", "r-other", "14155550999"));
    resource("q-ours", "queued", 200, queuedCall("q-ours", "r-ours", TO));
    liveList(ids());
    records(list());

    CallStatusUpdate u = ask(ambiguous()).orElseThrow();

    // INITIATED (already Dialkit's state, so the request id is recorded), raw "queued"
    assertThat(u.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(u.rawStatus()).isEqualTo("queued");
    assertThat(u.providerRequestId()).isEqualTo("r-ours");
    assertThat(u.providerCallId()).isNull();
  }

  @Test
  void anEndedCallIsFoundInTheRecordsAndAPrefixMatchIsNotIt() {
    nothingAnywhere();
    records(
        list(
            record(
                "uuid-longer",
                FROM,
                TO + "4",
                null,
                0,
                "2025-03-03 10:00:40+00:00",
                3000,
                "Busy Line",
                null),
            answered("uuid-ended")));

    CallStatusUpdate u = ask(ambiguous()).orElseThrow();

    assertThat(u.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(u.providerCallId()).isEqualTo("uuid-ended");
    assertThat(u.answeredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:18Z"));
    assertThat(u.endedAt()).isEqualTo(Instant.parse("2025-03-03T10:01:00Z"));
    assertThat(u.hangupCause()).isEqualTo("4010");
  }

  @Test
  void aCallSeenLiveAndThenEndedDuringOneSearchIsOneCall() {
    queue(ids());
    liveList(ids("uuid-1"));
    resource("uuid-1", "live", 200, live("uuid-1", REQ, FROM, TO, "in-progress"));
    records(list(answered("uuid-1")));

    CallStatusUpdate u = ask(ambiguous()).orElseThrow();

    assertThat(u.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(u.providerCallId()).isEqualTo("uuid-1");
  }

  @Test
  void aLiveCallThatEndedBeforeItWasReadIsLookedForInTheRecords() {
    queue(ids());
    liveList(ids("uuid-1"));
    resource("uuid-1", "live", 404, PlivoPayloads.error("not found"));
    records(list(answered("uuid-1")));

    assertThat(ask(ambiguous()).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
  }

  @Test
  void twoMatchingCallsAreNeverGuessedBetween() {
    queue(ids());
    liveList(ids("uuid-a"));
    resource("uuid-a", "live", 200, live("uuid-a", "req-a", FROM, TO, "ringing"));
    records(list(answered("uuid-b")));

    ProviderException e = failure(provider.queryStatus(ambiguous()));
    assertThat(e.isAmbiguous()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("2 Plivo calls match");
    // asked again: still no guess
    assertThat(failure(provider.queryStatus(ambiguous())).isAmbiguous()).isTrue();
  }

  @Test
  void anEarlierAttemptIsLeftOutOnlyWhenItsEndTimeProvesIt() {
    nothingAnywhere();
    String earlierWithOffset =
        record(
            "uuid-earlier",
            FROM,
            TO,
            null,
            0,
            "2025-03-03 15:29:50+05:30",
            3020,
            "No Answer",
            null); // 09:59:50Z: ended before this call was created
    records(list(earlierWithOffset, answered("uuid-ours")));
    assertThat(ask(ambiguous()).orElseThrow().providerCallId()).isEqualTo("uuid-ours");

    // the same time without an offset is read in the console's zone, which may be wrong: kept
    String earlierWithoutOffset =
        record("uuid-earlier", FROM, TO, null, 0, "2025-03-03 09:59:50", 3020, "No Answer", null);
    records(list(earlierWithoutOffset, answered("uuid-ours")));
    assertThat(failure(provider.queryStatus(ambiguous())).isAmbiguous()).isTrue();
  }

  @Test
  void notFoundIsNeverPlacedOnlyAfterTwoSearchesAWindowApart() {
    nothingAnywhere();
    Call call = ambiguous();

    // 30 s after the permit: the request may still be on its way
    assertThat(failure(provider.queryStatus(call)).getMessage()).contains("on its way");
    // past the window: first empty sighting, remembered, still unknown
    clock.set(SENT.plus(PlivoProviderBuilder.DEFAULT_RECONCILE_WINDOW));
    assertThat(failure(provider.queryStatus(call)).isAmbiguous()).isTrue();
    clock.advance(Duration.ofSeconds(60));
    assertThat(failure(provider.queryStatus(call)).getMessage()).contains("second search");
    // a window after the first sighting: Plivo's lists are trusted
    clock.advance(Duration.ofSeconds(60));
    assertThat(ask(call)).isEmpty();
  }

  @Test
  void aCallThatAppearsBetweenTheTwoSearchesIsFound() {
    nothingAnywhere();
    clock.set(SENT.plus(PlivoProviderBuilder.DEFAULT_RECONCILE_WINDOW));
    assertThat(failure(provider.queryStatus(ambiguous())).isAmbiguous()).isTrue();
    records(list(answered("uuid-late")));
    clock.advance(PlivoProviderBuilder.DEFAULT_RECONCILE_WINDOW);
    assertThat(ask(ambiguous()).orElseThrow().providerCallId()).isEqualTo("uuid-late");
  }

  @Test
  void aQueueTooLongToReadIsInconclusive() {
    for (int page = 0; page < 3; page++) {
      int first = page * 20;
      String[] pageIds =
          IntStream.range(first, first + 20).mapToObj(i -> "q-" + i).toArray(String[]::new);
      fx.server.stubFor(
          listOf("queued")
              .withQueryParam("offset", equalTo(String.valueOf(first)))
              .willReturn(json(200, ids(pageIds))));
      for (String id : pageIds) {
        resource(id, "queued", 200, queuedCall(id, id, "14155550999"));
      }
    }
    liveList(ids());
    records(list());
    clock.set(SENT.plus(Duration.ofHours(1)));

    ProviderException e = failure(provider.queryStatus(ambiguous()));
    assertThat(e.isAmbiguous()).isTrue();
    assertThat(e.getMessage()).contains("more than 40 queued and live calls");
  }

  @Test
  void aFailingListFailsTheQueryAndConcludesNothing() {
    queue(ids());
    fx.server.stubFor(listOf("live").willReturn(json(500, PlivoPayloads.error("oops"))));
    clock.set(SENT.plus(Duration.ofHours(1)));
    ProviderException e = failure(provider.queryStatus(ambiguous()));
    assertThat(e.httpStatus()).isEqualTo(500);
  }

  @Test
  void withARequestUuidTheLiveCallOfThatRequestIsChosen() {
    Call call =
        PlivoCallControlTest.call(null, REQ, CallStatus.INITIATED).toBuilder().sentAt(SENT).build();
    resource(REQ, "queued", 404, PlivoPayloads.error("not found"));
    queue(ids());
    liveList(ids("uuid-other", "uuid-ours"));
    resource("uuid-other", "live", 200, live("uuid-other", "req-other", FROM, TO, "ringing"));
    resource("uuid-ours", "live", 200, live("uuid-ours", REQ, FROM, TO, "in-progress"));
    records(list());

    CallStatusUpdate u = ask(call).orElseThrow();
    assertThat(u.status()).isEqualTo(CallStatus.ANSWERED);
    assertThat(u.providerCallId()).isEqualTo("uuid-ours");

    // none of its request anywhere: Plivo accepted it, so never "not placed"
    liveList(ids("uuid-other"));
    clock.set(SENT.plus(Duration.ofHours(1)));
    assertThat(failure(provider.queryStatus(call)).isAmbiguous()).isTrue();
    assertThat(failure(provider.queryStatus(call)).isAmbiguous()).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          call_state  | BUSY      | 3000 | Busy Line            | BUSY      |
          call_state  | NO ANSWER | 3020 | No Answer            | NO_ANSWER |
          call_state  | CANCEL    | 1000 | Canceled             | CANCELED  |
          call_state  | FAILED    | 0    | Unknown              | FAILED    | UNKNOWN
          call_status | ANSWER    | 4010 | End Of XML Instructions | COMPLETED |
          call_state  | WEIRD     | 3000 | Busy Line            | BUSY      |
          call_state  | WEIRD     | 2000 | Invalid Destination  | FAILED    | INVALID_NUMBER
          """)
  void theRecordsStateIsReadWhenPresent(
      String field,
      String state,
      int code,
      String name,
      CallStatus expected,
      FailureReason reason) {
    // no answer time, no billed time: only the state or the code says how it ended
    String record =
        record(
            "uuid-1",
            FROM,
            TO,
            null,
            0,
            "2025-03-03 10:00:40+00:00",
            code,
            name,
            "\"" + field + "\": \"" + state + "\"");
    nothingAnywhere();
    records(list(record));

    CallStatusUpdate u = ask(ambiguous()).orElseThrow();

    assertThat(u.status()).isEqualTo(expected);
    assertThat(u.failureReason()).isEqualTo(reason);
    assertThat(u.rawStatus()).isEqualTo(state.equals("WEIRD") ? "completed" : state);
  }
}
