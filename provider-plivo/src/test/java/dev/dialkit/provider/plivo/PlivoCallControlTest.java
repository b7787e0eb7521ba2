package dev.dialkit.provider.plivo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.plivo.PlivoCreateCallTest.failure;
import static dev.dialkit.provider.plivo.PlivoCreateCallTest.join;
import static dev.dialkit.provider.plivo.PlivoWireMockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cancel before answer, hang up after, and status queries by each id. */
class PlivoCallControlTest {
  private static final String REQ = PlivoPayloads.REQUEST_UUID;
  private final PlivoWireMockFixture fx = new PlivoWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  static Call call(String callUuid, String requestUuid, CallStatus status) {
    Instant at = Instant.parse("2025-03-03T10:00:00Z");
    return new Call(
            CallId.forAttempt(LeadId.of("lead-1"), 1),
            TenantId.of("t"),
            CampaignId.of("c"),
            LeadId.of("lead-1"),
            1,
            "plivo",
            callUuid,
            requestUuid,
            PhoneNumber.of("+14155550100"),
            PhoneNumber.of("+14155550123"),
            CallStatus.INITIATED,
            at,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            1,
            at)
        .toBuilder().status(status).build();
  }

  @Test
  void beforeAnswerTheRequestIsCanceled() {
    fx.server.stubFor(
        delete(urlPathEqualTo(PlivoPayloads.requestPath(REQ)))
            .willReturn(aResponse().withStatus(204)));
    join(fx.provider().hangUp(call(null, REQ, CallStatus.INITIATED)));
    fx.server.verify(1, deleteRequestedFor(urlPathEqualTo(PlivoPayloads.requestPath(REQ))));
  }

  @Test
  void aFiredRequestFallsBackToHangingUpTheCall() {
    fx.server.stubFor(
        delete(urlPathEqualTo(PlivoPayloads.requestPath(REQ)))
            .willReturn(json(404, PlivoPayloads.error("not found"))));
    fx.server.stubFor(
        delete(urlPathEqualTo(PlivoPayloads.callPath("uuid-1")))
            .willReturn(aResponse().withStatus(204)));
    join(fx.provider().hangUp(call("uuid-1", REQ, CallStatus.RINGING)));
    fx.server.verify(1, deleteRequestedFor(urlPathEqualTo(PlivoPayloads.callPath("uuid-1"))));
  }

  @Test
  void afterAnswerTheCallIsHungUpAndAnEndedCallNeedsNoRequest() {
    fx.server.stubFor(
        delete(urlPathEqualTo(PlivoPayloads.callPath("uuid-1")))
            .willReturn(aResponse().withStatus(204)));
    join(fx.provider().hangUp(call("uuid-1", REQ, CallStatus.ANSWERED)));
    join(fx.provider().hangUp(call("uuid-1", REQ, CallStatus.COMPLETED)));
    fx.server.verify(1, deleteRequestedFor(urlPathEqualTo(PlivoPayloads.callPath("uuid-1"))));
    fx.server.verify(0, deleteRequestedFor(urlPathEqualTo(PlivoPayloads.requestPath(REQ))));
  }

  @Test
  void aHangUpRefusedIsAProviderError() {
    fx.server.stubFor(
        delete(urlPathEqualTo(PlivoPayloads.callPath("uuid-1")))
            .willReturn(json(401, PlivoPayloads.error("Authentication failed"))));
    ProviderException e = failure(fx.provider().hangUp(call("uuid-1", null, CallStatus.ANSWERED)));
    assertThat(e.httpStatus()).isEqualTo(401);
  }

  @Test
  void aQueuedRequestIsReportedQueued() {
    fx.server.stubFor(
        get(urlPathEqualTo(PlivoPayloads.callPath(REQ)))
            .withQueryParam("status", equalTo("queued"))
            .willReturn(
                json(
                    200,
                    "{\"api_id\":\"x\",\"call_status\":\"queued\",\"request_uuid\":\""
                        + REQ
                        + "\"}")));
    Optional<CallStatusUpdate> u =
        join(fx.provider().queryStatus(call(null, REQ, CallStatus.INITIATED)));
    assertThat(u).isPresent();
    assertThat(u.get().status()).isEqualTo(CallStatus.QUEUED);
    assertThat(u.get().providerRequestId()).isEqualTo(REQ);
  }

  @Test
  void aRequestNoLongerQueuedIsLookedForByNumberAndNothingIsGuessed() {
    fx.server.stubFor(
        get(urlPathEqualTo(PlivoPayloads.callPath(REQ)))
            .willReturn(json(404, PlivoPayloads.error("not found"))));
    fx.server.stubFor(
        get(urlPathEqualTo(PlivoPayloads.CALLS_PATH))
            .withQueryParam("status", equalTo("queued"))
            .willReturn(json(200, PlivoReconcileTest.ids())));
    fx.server.stubFor(
        get(urlPathEqualTo(PlivoPayloads.CALLS_PATH))
            .withQueryParam("status", equalTo("live"))
            .willReturn(json(200, PlivoReconcileTest.ids())));
    fx.server.stubFor(
        get(urlPathEqualTo(PlivoPayloads.CALLS_PATH))
            .withQueryParam("status", absent())
            .willReturn(json(200, PlivoReconcileTest.list())));
    assertThat(
            failure(fx.provider().queryStatus(call(null, REQ, CallStatus.INITIATED))).isAmbiguous())
        .isTrue();
    fx.server.verify(1, getRequestedFor(urlPathEqualTo(PlivoPayloads.callPath(REQ))));
  }

  @Test
  void anEndedCallIsReadFromItsRecordWithPlivoTimes() {
    fx.stubStatus("uuid-1", CallStatus.COMPLETED);
    CallStatusUpdate u =
        join(fx.provider().queryStatus(call("uuid-1", REQ, CallStatus.RINGING))).orElseThrow();
    assertThat(u.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(u.answeredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:18Z"));
    assertThat(u.endedAt()).isEqualTo(Instant.parse("2025-03-03T10:01:00Z"));
    assertThat(u.billedDuration()).isEqualTo(Duration.ofSeconds(42));
    assertThat(u.hangupCause()).isEqualTo("4000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bill_duration near Long.MAX_VALUE | "bill_duration": 42           | "bill_duration": 9223372036854775807
          call_duration over 7 days         | "call_duration": 42           | "call_duration": 604801
          negative call_duration            | "call_duration": 42           | "call_duration": -1
          end_time in year 1                | "2025-03-03 10:01:00+00:00"   | "0001-01-01 00:00:00+00:00"
          answer_time in 2200               | "2025-03-03 10:00:18+00:00"   | "2200-01-01 00:00:00+00:00"
          """)
  void aRecordOutOfRangeFailsTheQueryWithAProviderException(
      String what, String field, String outOfRange) {
    String record =
        PlivoPayloads.record(
                "uuid-1", "2025-03-03 10:00:18+00:00", 42, 4000, "Normal Hangup", "Callee")
            .replace(field, outOfRange);
    assertThat(record).as(what).contains(outOfRange);
    String path = PlivoPayloads.callPath("uuid-1");
    fx.server.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("status", equalTo("live"))
            .willReturn(json(404, PlivoPayloads.error("not found"))));
    fx.server.stubFor(
        get(urlPathEqualTo(path)).withQueryParam("status", absent()).willReturn(json(200, record)));
    ProviderException e =
        failure(fx.provider().queryStatus(call("uuid-1", REQ, CallStatus.RINGING)));
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("out of range");
  }
}
