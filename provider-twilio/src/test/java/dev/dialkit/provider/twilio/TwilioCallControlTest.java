package dev.dialkit.provider.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.twilio.TwilioPayloads.CALLS_PATH;
import static dev.dialkit.provider.twilio.TwilioPayloads.callPath;
import static dev.dialkit.provider.twilio.TwilioWireMockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AnsweredBy;
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
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioCallControlTest {
  private static final Instant CREATED = Instant.parse("2025-03-03T10:00:00Z");
  private final TwilioWireMockFixture fx = new TwilioWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  static Call call(String sid, CallStatus status) {
    LeadId lead = LeadId.of("lead-1");
    return new Call(
            CallId.forAttempt(lead, 1),
            TenantId.of("tenant-a"),
            CampaignId.of("campaign-1"),
            lead,
            1,
            "twilio",
            sid,
            null,
            PhoneNumber.of("+14155550100"),
            PhoneNumber.of("+14155550123"),
            CallStatus.INITIATED,
            CREATED,
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
            CREATED)
        .toBuilder().status(status).build();
  }

  @Test
  void aCancelThatFindsTheCallAnsweredCompletesIt() {
    String path = callPath("CA1");
    fx.server.stubFor(
        post(urlPathEqualTo(path))
            .withRequestBody(equalTo("Status=canceled"))
            .willReturn(json(200, TwilioPayloads.callIn("CA1", CallStatus.ANSWERED))));
    fx.server.stubFor(
        post(urlPathEqualTo(path))
            .withRequestBody(equalTo("Status=completed"))
            .willReturn(json(200, TwilioPayloads.callIn("CA1", CallStatus.COMPLETED))));
    fx.provider().hangUp(call("CA1", CallStatus.RINGING)).toCompletableFuture().join();
    assertThat(fx.server.findAll(postRequestedFor(urlPathEqualTo(path))))
        .extracting(r -> r.getBodyAsString())
        .containsExactly("Status=canceled", "Status=completed");
  }

  @Test
  void hangingUpACallNotFoundCompletesNormallyAndAnEndedCallSendsNothing() {
    fx.server.stubFor(
        post(urlPathEqualTo(callPath("CA1")))
            .willReturn(json(404, TwilioPayloads.error(20404, "not found", 404))));
    fx.provider().hangUp(call("CA1", CallStatus.ANSWERED)).toCompletableFuture().join();
    fx.provider().hangUp(call("CA1", CallStatus.COMPLETED)).toCompletableFuture().join();
    assertThat(fx.server.findAll(postRequestedFor(urlPathEqualTo(callPath("CA1"))))).hasSize(1);
  }

  @Test
  void aHangUpRefusedForAnotherReasonFails() {
    fx.server.stubFor(
        post(urlPathEqualTo(callPath("CA1")))
            .willReturn(json(401, TwilioPayloads.error(20003, "Authenticate", 401))));
    assertThatThrownBy(
            () ->
                fx.provider().hangUp(call("CA1", CallStatus.ANSWERED)).toCompletableFuture().join())
        .hasCauseInstanceOf(ProviderException.class);
  }

  @Test
  void theStatusQueryReadsTheCallResource() {
    fx.server.stubFor(
        get(urlPathEqualTo(callPath("CA1")))
            .willReturn(
                json(
                    200,
                    TwilioPayloads.callJson(
                        "CA1",
                        "completed",
                        "machine_end_beep",
                        "Mon, 03 Mar 2025 10:00:02 +0000",
                        "Mon, 03 Mar 2025 10:01:02 +0000",
                        "45"))));
    CallStatusUpdate u =
        fx.provider()
            .queryStatus(call("CA1", CallStatus.RINGING))
            .toCompletableFuture()
            .join()
            .orElseThrow();
    assertThat(u.status()).isEqualTo(CallStatus.VOICEMAIL);
    assertThat(u.rawStatus()).isEqualTo("completed");
    assertThat(u.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
    assertThat(u.endedAt()).isEqualTo(Instant.parse("2025-03-03T10:01:02Z"));
    assertThat(u.duration()).isEqualTo(Duration.ofSeconds(45));
    assertThat(u.billedDuration()).isEqualTo(Duration.ofSeconds(45));
    assertThat(u.answeredAt()).isNull(); // start_time is not the answer time
    assertThat(u.sequence()).isNull();
  }

  @Test
  void theCallResourcesPlainMachineIsAMachineSoTheCompletedCallIsVoicemail() {
    // twilio-oai api.v2010.account.call answered_by: "Either `human` or `machine`"
    fx.server.stubFor(
        get(urlPathEqualTo(callPath("CA1")))
            .willReturn(
                json(
                    200,
                    TwilioPayloads.callJson(
                        "CA1",
                        "completed",
                        "machine",
                        "Mon, 03 Mar 2025 10:00:02 +0000",
                        "Mon, 03 Mar 2025 10:00:40 +0000",
                        "37"))));
    CallStatusUpdate u =
        fx.provider()
            .queryStatus(call("CA1", CallStatus.ANSWERED))
            .toCompletableFuture()
            .join()
            .orElseThrow();
    assertThat(u.status()).isEqualTo(CallStatus.VOICEMAIL);
    assertThat(u.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
    assertThat(u.duration()).isEqualTo(Duration.ofSeconds(37));
  }

  @Test
  void afterAnAmbiguousCreateTheCallIsFoundByNumbersAndCreationTime() {
    fx.server.stubFor(
        get(urlPathEqualTo(CALLS_PATH))
            .willReturn(
                json(
                    200,
                    page(
                        // an earlier attempt to the same number, created before this call: not it
                        TwilioPayloads.callJson("CAold", "completed", null, null, null, "3")
                            .replace(
                                "Mon, 03 Mar 2025 10:00:01 +0000",
                                "Mon, 03 Mar 2025 09:00:00 +0000"),
                        TwilioPayloads.queuedCall("CAnew")))));
    Optional<CallStatusUpdate> u =
        fx.provider().queryStatus(call(null, CallStatus.INITIATED)).toCompletableFuture().join();
    assertThat(u).isPresent();
    assertThat(u.get().providerCallId()).isEqualTo("CAnew");
    assertThat(u.get().status()).isEqualTo(CallStatus.QUEUED);
    fx.server.verify(
        getRequestedFor(urlPathEqualTo(CALLS_PATH))
            .withQueryParam("To", equalTo("+14155550123"))
            .withQueryParam("From", equalTo("+14155550100"))
            .withQueryParam("PageSize", equalTo("50")));
  }

  @Test
  void anEarlierAttemptThatEndedBeforeThisCallWasClaimedIsNotIt() {
    fx.server.stubFor(
        get(urlPathEqualTo(CALLS_PATH))
            .willReturn(
                json(
                    200,
                    page(
                        // the lead's previous attempt: created within the window, but it ended
                        // two seconds before this call was claimed
                        TwilioPayloads.callJson(
                                "CAprev",
                                "busy",
                                null,
                                null,
                                "Mon, 03 Mar 2025 09:59:58 +0000",
                                "0")
                            .replace(
                                "Mon, 03 Mar 2025 10:00:01 +0000",
                                "Mon, 03 Mar 2025 09:59:40 +0000"),
                        TwilioPayloads.queuedCall("CAnew")))));
    Optional<CallStatusUpdate> u =
        fx.provider().queryStatus(call(null, CallStatus.INITIATED)).toCompletableFuture().join();
    assertThat(u).isPresent();
    assertThat(u.get().providerCallId()).isEqualTo("CAnew");
  }

  @Test
  void noMatchingCallIsEmpty() {
    fx.server.stubFor(get(urlPathEqualTo(CALLS_PATH)).willReturn(json(200, page())));
    assertThat(
            fx.provider()
                .queryStatus(call(null, CallStatus.INITIATED))
                .toCompletableFuture()
                .join())
        .isEmpty();
  }

  @Test
  void twoMatchingCallsAreAmbiguousNotAGuess() {
    fx.server.stubFor(
        get(urlPathEqualTo(CALLS_PATH))
            .willReturn(
                json(
                    200,
                    page(TwilioPayloads.queuedCall("CA1"), TwilioPayloads.queuedCall("CA2")))));
    assertThatThrownBy(
            () ->
                fx.provider()
                    .queryStatus(call(null, CallStatus.INITIATED))
                    .toCompletableFuture()
                    .join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.isAmbiguous()).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          duration near Long.MAX_VALUE | Mon, 03 Mar 2025 10:01:02 +0000 | 9223372036854775807
          duration over 7 days         | Mon, 03 Mar 2025 10:01:02 +0000 | 604801
          negative duration            | Mon, 03 Mar 2025 10:01:02 +0000 | -5
          end_time in year 1           | 01 Jan 0001 00:00:00 +0000      | 45
          end_time in 2200             | 01 Jan 2200 00:00:00 +0000      | 45
          """)
  void aCallResourceOutOfRangeFailsTheQueryWithAProviderException(
      String what, String endTime, String duration) {
    fx.server.stubFor(
        get(urlPathEqualTo(callPath("CA1")))
            .willReturn(
                json(
                    200,
                    TwilioPayloads.callJson(
                        "CA1",
                        "completed",
                        null,
                        "Mon, 03 Mar 2025 10:00:02 +0000",
                        endTime,
                        duration))));
    assertThatThrownBy(
            () ->
                fx.provider()
                    .queryStatus(call("CA1", CallStatus.RINGING))
                    .toCompletableFuture()
                    .join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.isRetryable()).isFalse();
              assertThat(e.getMessage()).contains("out of range");
            });
  }

  @Test
  void aListedCallCreatedOutOfRangeFailsTheReconciliationWithAProviderException() {
    fx.server.stubFor(
        get(urlPathEqualTo(CALLS_PATH))
            .willReturn(
                json(
                    200,
                    page(
                        TwilioPayloads.queuedCall("CAnew")
                            .replace(
                                "Mon, 03 Mar 2025 10:00:01 +0000",
                                "01 Jan 0001 00:00:00 +0000")))));
    assertThatThrownBy(
            () ->
                fx.provider()
                    .queryStatus(call(null, CallStatus.INITIATED))
                    .toCompletableFuture()
                    .join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("date_created");
  }

  private static String page(String... calls) {
    return """
        {"calls": [%s], "end": %d, "first_page_uri": "%s?PageSize=50&Page=0", "next_page_uri": null,
         "page": 0, "page_size": 50, "previous_page_uri": null, "start": 0, "uri": "%s?PageSize=50&Page=0"}
        """
        .formatted(String.join(",", calls), Math.max(0, calls.length - 1), CALLS_PATH, CALLS_PATH);
  }
}
