package dev.dialkit.provider.twilio;

import static dev.dialkit.provider.twilio.TwilioPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.twilio.TwilioPayloads.callbackFields;
import static dev.dialkit.provider.twilio.TwilioWireMockFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioWebhookTest {
  private static final URI URL =
      URI.create(
          "https://dialer.example.com/webhooks/twilio?dialkit_call=lead-1.1&dialkit_tenant=t");

  private final TwilioProvider provider =
      TwilioProvider.builder()
          .accountSid(TwilioPayloads.ACCOUNT_SID)
          .authToken(AUTH_TOKEN)
          .callbackBaseUrl("https://dialer.example.com/webhooks/twilio")
          .build();

  private CallStatusUpdate parse(Map<String, String> fields) {
    List<CallStatusUpdate> updates = provider.parseWebhook(signed(URL, fields, AUTH_TOKEN));
    assertThat(updates).hasSize(1);
    return updates.get(0);
  }

  @Test
  void theRfc2822TimestampSequenceAndDurationAreParsed() {
    Map<String, String> f = callbackFields("CA1", "completed", 3);
    f.put("Timestamp", "Mon, 16 Aug 2010 03:45:01 +0000");
    f.put("CallDuration", "42");
    f.put("RecordingUrl", "https://api.twilio.com/rec/RE1");
    CallStatusUpdate u = parse(f);
    assertThat(u.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(u.rawStatus()).isEqualTo("completed");
    assertThat(u.providerCallId()).isEqualTo("CA1");
    assertThat(u.occurredAt()).isEqualTo(Instant.parse("2010-08-16T03:45:01Z"));
    assertThat(u.sequence()).isEqualTo(3L);
    assertThat(u.duration()).isEqualTo(Duration.ofSeconds(42));
    assertThat(u.billedDuration()).isEqualTo(Duration.ofSeconds(42));
    assertThat(u.recordingUrl()).isEqualTo("https://api.twilio.com/rec/RE1");
    assertThat(u.answeredAt()).isNull();
    assertThat(u.endedAt()).isNull();
  }

  @Test
  void aTimestampWithAnotherOffsetIsConvertedToUtc() {
    Map<String, String> f = callbackFields("CA1", "ringing", 1);
    f.put("Timestamp", "Mon, 3 Mar 2025 12:00:00 +0200");
    assertThat(parse(f).occurredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:00Z"));
  }

  @Test
  void anUnreadableTimestampIsMalformed() {
    Map<String, String> f = callbackFields("CA1", "ringing", 1);
    f.put("Timestamp", "2010-08-16T03:45:01Z");
    assertRejected(signed(URL, f, AUTH_TOKEN), Reason.MALFORMED);
  }

  @Test
  void inProgressIsAnsweredAtItsTimestampWhichTheStateMachineTakesAsTheAnswerTime() {
    Map<String, String> f = callbackFields("CA1", "in-progress", 2);
    f.put("Timestamp", "Mon, 03 Mar 2025 10:00:07 +0000");
    CallStatusUpdate u = parse(f);
    assertThat(u.status()).isEqualTo(CallStatus.ANSWERED);
    assertThat(u.occurredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:07Z"));
    assertThat(u.answeredAt()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "machine_start, VOICEMAIL, MACHINE",
    "machine_end_beep, VOICEMAIL, MACHINE",
    "machine_end_silence, VOICEMAIL, MACHINE",
    "machine_end_other, VOICEMAIL, MACHINE",
    "machine, VOICEMAIL, MACHINE",
    "fax, VOICEMAIL, FAX",
    "human, COMPLETED, HUMAN",
    "unknown, COMPLETED, UNKNOWN"
  })
  void completedIsVoicemailWhenAMachineOrFaxAnswered(
      String answeredBy, CallStatus status, AnsweredBy mapped) {
    Map<String, String> f = callbackFields("CA1", "completed", 4);
    f.put("AnsweredBy", answeredBy);
    CallStatusUpdate u = parse(f);
    assertThat(u.status()).isEqualTo(status);
    assertThat(u.answeredBy()).isEqualTo(mapped);
  }

  private static final URI AMD_URL = URI.create(URL + "&twilio_amd=1");

  /** The async AMD callback as Twilio documents it: AccountSid, AnsweredBy, CallSid, duration. */
  private static Map<String, String> amdFields(String answeredBy) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("AccountSid", TwilioPayloads.ACCOUNT_SID);
    f.put("AnsweredBy", answeredBy);
    f.put("CallSid", "CA1");
    f.put("MachineDetectionDuration", "2400");
    return f;
  }

  @ParameterizedTest(name = "AMD {0} -> {1}")
  @CsvSource({
    "human, HUMAN",
    "machine_start, MACHINE",
    "machine_end_beep, MACHINE",
    "machine_end_silence, MACHINE",
    "machine_end_other, MACHINE",
    "machine, MACHINE",
    "fax, FAX",
    "unknown, UNKNOWN"
  })
  void anAsyncAmdCallbackOnItsMarkedUrlIsAnAnsweredUpdateCarryingTheVerdict(
      String answeredBy, AnsweredBy mapped) {
    CallStatusUpdate u =
        provider.parseWebhook(signed(AMD_URL, amdFields(answeredBy), AUTH_TOKEN)).get(0);
    assertThat(u.status()).isEqualTo(CallStatus.ANSWERED);
    assertThat(u.rawStatus()).isEqualTo("amd-" + answeredBy);
    assertThat(u.answeredBy()).isEqualTo(mapped);
    assertThat(u.answeredBy().isMachine())
        .isEqualTo(mapped == AnsweredBy.MACHINE || mapped == AnsweredBy.FAX);
    assertThat(u.providerCallId()).isEqualTo("CA1");
    assertThat(u.occurredAt()).isNull();
    assertThat(u.duration()).isNull();
  }

  @Test
  void anAmdCallbackThatAlsoCarriesACallStatusIsStillTheVerdictNotAnotherInProgress() {
    Map<String, String> f = amdFields("machine_end_beep");
    f.put("CallStatus", "in-progress");
    CallStatusUpdate u = provider.parseWebhook(signed(AMD_URL, f, AUTH_TOKEN)).get(0);
    assertThat(u.status()).isEqualTo(CallStatus.ANSWERED);
    assertThat(u.rawStatus()).isEqualTo("amd-machine_end_beep");
    assertThat(u.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
  }

  @Test
  void anAmdCallbackWithoutAnsweredByIsMalformed() {
    Map<String, String> f = amdFields("human");
    f.remove("AnsweredBy");
    f.put("CallStatus", "in-progress");
    assertRejected(signed(AMD_URL, f, AUTH_TOKEN), Reason.MALFORMED);
  }

  @Test
  void theAmdMarkerIsCoveredByTheSignature() {
    // signed for the status callback URL, delivered with the marker added: not Twilio's request
    WebhookRequest signedForUrl = signed(URL, amdFields("machine_start"), AUTH_TOKEN);
    WebhookRequest moved =
        new WebhookRequest(
            signedForUrl.method(), AMD_URL, signedForUrl.headers(), signedForUrl.body());
    assertRejected(moved, Reason.SIGNATURE);
  }

  @Test
  void theAsyncAmdCallbackIsAnAnsweredUpdateCarryingAnsweredBy() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("AccountSid", TwilioPayloads.ACCOUNT_SID);
    f.put("AnsweredBy", "machine_start");
    f.put("CallSid", "CA1");
    f.put("MachineDetectionDuration", "2400");
    CallStatusUpdate u = parse(f);
    assertThat(u.status()).isEqualTo(CallStatus.ANSWERED);
    assertThat(u.rawStatus()).isEqualTo("amd-machine_start");
    assertThat(u.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
    assertThat(u.providerCallId()).isEqualTo("CA1");
    assertThat(u.occurredAt()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "404, , INVALID_NUMBER",
        "604, , INVALID_NUMBER",
        "403, , REJECTED",
        "603, , REJECTED",
        "607, , CALLER_ID_BLOCKED",
        "608, , CALLER_ID_BLOCKED",
        "503, 32011, CARRIER_ERROR",
        "500, , CARRIER_ERROR",
        ", 13224, INVALID_NUMBER",
        ", 21210, ACCOUNT_OR_PERMISSION",
        "480, , UNKNOWN",
        ", , UNKNOWN"
      })
  void aFailedCallsReasonComesFromItsSipResponseCodeThenItsErrorCode(
      String sip, String error, FailureReason reason) {
    Map<String, String> f = callbackFields("CA1", "failed", 2);
    if (sip != null) {
      f.put("SipResponseCode", sip);
    }
    if (error != null) {
      f.put("ErrorCode", error);
    }
    CallStatusUpdate u = parse(f);
    assertThat(u.status()).isEqualTo(CallStatus.FAILED);
    assertThat(u.failureReason()).isEqualTo(reason);
    assertThat(u.sipCode()).isEqualTo(sip);
    assertThat(u.hangupCause()).isEqualTo(error);
  }

  @Test
  void busyAndNoAnswerCarryNoFailureReasonOfTheirOwn() {
    Map<String, String> f = callbackFields("CA1", "busy", 2);
    f.put("SipResponseCode", "486");
    CallStatusUpdate u = parse(f);
    assertThat(u.status()).isEqualTo(CallStatus.BUSY);
    assertThat(u.failureReason()).isNull();
    assertThat(u.sipCode()).isEqualTo("486");
  }

  @Test
  void anUnknownStatusKeepsItsRawValue() {
    CallStatusUpdate u = parse(callbackFields("CA1", "transferred", 5));
    assertThat(u.status()).isEqualTo(CallStatus.UNKNOWN);
    assertThat(u.rawStatus()).isEqualTo("transferred");
  }

  @Test
  void missingCallStatusWithoutAnsweredByIsMalformed() {
    Map<String, String> f = callbackFields("CA1", "completed", 3);
    f.remove("CallStatus");
    assertRejected(signed(URL, f, AUTH_TOKEN), Reason.MALFORMED);
  }

  @Test
  void aNonNumericSequenceIsMalformed() {
    Map<String, String> f = callbackFields("CA1", "completed", 3);
    f.put("SequenceNumber", "three");
    assertRejected(signed(URL, f, AUTH_TOKEN), Reason.MALFORMED);
  }

  @Test
  void aJsonBodyIsRejectedBeforeParsing() {
    WebhookRequest json =
        new WebhookRequest(
            "POST",
            URL,
            Map.of("Content-Type", List.of("application/json")),
            "{\"CallSid\":\"CA1\"}");
    assertRejected(json, Reason.SIGNATURE); // no signature, no bodySHA256: refused before parsing
  }

  @Test
  void behindAProxyTheSignatureIsCheckedAgainstThePublicBaseUrl() {
    TwilioProvider proxied =
        TwilioProvider.builder()
            .accountSid(TwilioPayloads.ACCOUNT_SID)
            .authToken(AUTH_TOKEN)
            .callbackBaseUrl("https://calls.example.com/hooks/twilio")
            .publicBaseUrl("https://calls.example.com")
            .build();
    URI signedFor = URI.create("https://calls.example.com/hooks/twilio?dialkit_call=lead-1.1");
    WebhookRequest asSigned = signed(signedFor, callbackFields("CA1", "ringing", 1), AUTH_TOKEN);
    WebhookRequest asReceived =
        new WebhookRequest(
            "POST",
            URI.create("http://10.0.0.7:8080/hooks/twilio?dialkit_call=lead-1.1"),
            asSigned.headers(),
            asSigned.body());
    assertThat(proxied.parseWebhook(asReceived))
        .singleElement()
        .extracting(CallStatusUpdate::status)
        .isEqualTo(CallStatus.RINGING);
    // without the public base URL the same request fails
    TwilioProvider direct =
        TwilioProvider.builder()
            .accountSid(TwilioPayloads.ACCOUNT_SID)
            .authToken(AUTH_TOKEN)
            .callbackBaseUrl("https://other.example.com/hooks/twilio")
            .build();
    assertThatThrownBy(() -> direct.parseWebhook(asReceived))
        .isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void theSignatureIsAcceptedWithTheDefaultPortWrittenOut() {
    URI withPort =
        URI.create("https://dialer.example.com:443/webhooks/twilio?dialkit_call=lead-1.1");
    assertThat(
            provider.parseWebhook(
                signed(withPort, callbackFields("CA1", "ringing", 1), AUTH_TOKEN)))
        .hasSize(1);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CallDuration   | 9223372036854775807
          CallDuration   | 604801
          CallDuration   | -1
          CallDuration   | 99999999999999999999
          SequenceNumber | -1
          SequenceNumber | 1000000001
          SequenceNumber | 9223372036854775807
          Timestamp      | 01 Jan 0001 00:00:00 +0000
          Timestamp      | Fri, 31 Dec 1999 23:59:59 +0000
          Timestamp      | 01 Jan 2200 00:00:00 +0000
          Timestamp      | 01 Jan 999999999 00:00:00 +0000
          Timestamp      | 31 Dec 9999 23:59:59 -1800
          """)
  void aValueOutOfRangeIsMalformedAndYieldsNoUpdate(String field, String value) {
    Map<String, String> f = callbackFields("CA1", "completed", 3);
    f.put(field, value);
    assertThatThrownBy(() -> provider.parseWebhook(signed(URL, f, AUTH_TOKEN)))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).contains(field).hasSizeLessThan(200);
            });
  }

  @ParameterizedTest(name = "{0} of {1} characters")
  @CsvSource({"CallSid, 256", "CallStatus, 256", "SipResponseCode, 41", "ErrorCode, 1001"})
  void aFieldTooLongIsMalformed(String field, int length) {
    Map<String, String> f = callbackFields("CA1", "failed", 3);
    f.put(field, "9".repeat(length));
    assertThatThrownBy(() -> provider.parseWebhook(signed(URL, f, AUTH_TOKEN)))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
              assertThat(e.getMessage()).contains(field).doesNotContain("9999");
            });
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    Map<String, String> f = callbackFields("CA1", "completed", 1_000_000_000);
    f.put("CallDuration", "604800");
    f.put("Timestamp", "Sat, 01 Jan 2000 00:00:00 +0000");
    CallStatusUpdate u = parse(f);
    assertThat(u.duration()).isEqualTo(Duration.ofDays(7));
    assertThat(u.sequence()).isEqualTo(1_000_000_000L);
    f.put("Timestamp", "31 Dec 2199 23:59:59 +0000");
    f.put("CallDuration", "0");
    f.put("SequenceNumber", "0");
    assertThat(parse(f).occurredAt()).isEqualTo(Instant.parse("2199-12-31T23:59:59Z"));
  }

  @Test
  void aRejectedValueIsQuotedShortAndEscapedInTheMessage() {
    Map<String, String> f = callbackFields("CA1", "completed", 3);
    f.put("Timestamp", "Mon\r\nFAKE LOG LINE " + "x".repeat(500));
    assertThatThrownBy(() -> provider.parseWebhook(signed(URL, f, AUTH_TOKEN)))
        .isInstanceOf(WebhookRejectedException.class)
        // Untrusted.quote: CR and LF written \r and \n, cut after 80 escaped characters
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\n")
        .hasMessageContaining("'Mon\\r\\nFAKE LOG LINE " + "x".repeat(59) + "…'")
        .hasMessageNotContaining("x".repeat(60));
  }

  @Test
  void aBrokenEscapeInAnUnsignedBodyIs403NotMalformed() {
    WebhookRequest forged =
        WebhookRequest.formPost(
            URL,
            Map.of(TwilioSignature.HEADER, List.of("bm90IGEgc2lnbmF0dXJl")),
            "CallSid=CA1&CallStatus=%ZZ");
    assertRejected(forged, Reason.SIGNATURE);
  }

  @Test
  void aRepeatedFieldIsReadAtTheValueTheSignatureCovers() {
    WebhookRequest ringing = signed(URL, callbackFields("CA1", "ringing", 1), AUTH_TOKEN);
    // twilio-java would accept a value appended to a signed field: Dialkit reads the signed one
    WebhookRequest appended =
        WebhookRequest.formPost(URL, ringing.headers(), ringing.body() + "&CallStatus=completed");
    assertThat(provider.parseWebhook(appended).get(0).status()).isEqualTo(CallStatus.RINGING);
    // put first, the other value would be read: that request does not verify
    WebhookRequest prepended =
        WebhookRequest.formPost(URL, ringing.headers(), "CallStatus=completed&" + ringing.body());
    assertRejected(prepended, Reason.SIGNATURE);
  }

  private void assertRejected(WebhookRequest request, Reason reason) {
    assertThatThrownBy(() -> provider.parseWebhook(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
