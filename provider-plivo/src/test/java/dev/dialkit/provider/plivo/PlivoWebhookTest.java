package dev.dialkit.provider.plivo;

import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.plivo.PlivoPayloads.MAIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Callbacks: the hangup-code table, the answered rule, times, AMD, signatures. */
class PlivoWebhookTest {
  private static final URI URL =
      URI.create(
          "https://dialer.example.com/webhooks/plivo?dialkit_call=lead-1-1&dialkit_tenant=t");
  private final PlivoWireMockFixture fx = new PlivoWireMockFixture();
  private final PlivoProvider provider = fx.builder().build();

  @AfterEach
  void stop() {
    fx.close();
  }

  private CallStatusUpdate parse(Map<String, String> fields) {
    return provider.parseWebhook(PlivoPayloads.signed(URL, fields, AUTH_TOKEN)).get(0);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          completed | 1000 | Canceled                     | CANCELED  | -
          completed | 1010 | Canceled (Out Of Credits)    | FAILED    | ACCOUNT_OR_PERMISSION
          completed | 1020 | Simultaneous dial limit      | FAILED    | RATE_LIMITED
          failed    | 2000 | Invalid Destination Address  | FAILED    | INVALID_NUMBER
          failed    | 2010 | Destination Out Of Service   | FAILED    | INVALID_NUMBER
          failed    | 2020 | Endpoint Not Registered      | FAILED    | UNREACHABLE
          failed    | 2030 | Destination Country Barred   | FAILED    | ACCOUNT_OR_PERMISSION
          failed    | 2060 | Loop Detected                | FAILED    | PROVIDER_ERROR
          completed | 3000 | Busy Line                    | BUSY      | -
          completed | 3010 | Rejected                     | FAILED    | REJECTED
          completed | 3020 | No Answer                    | NO_ANSWER | -
          failed    | 3040 | Network Error                | FAILED    | CARRIER_ERROR
          completed | 4000 | Normal Hangup                | NO_ANSWER | -
          failed    | 5030 | Concurrency Limit Breached   | FAILED    | RATE_LIMITED
          failed    | 6000 | Internal Error               | FAILED    | PROVIDER_ERROR
          failed    | 0    | Unknown                      | FAILED    | UNKNOWN
          completed | 0    | Unknown                      | NO_ANSWER | -
          timeout   | 0    | Unknown                      | FAILED    | CARRIER_ERROR
          timeout   | 3020 | No Answer                    | NO_ANSWER | -
          busy      | 0    | Unknown                      | BUSY      | -
          no-answer | 4000 | Normal Hangup                | NO_ANSWER | -
          cancel    | 1000 | Canceled                     | CANCELED  | -
          """)
  void unansweredHangupsFollowTheCodeTable(
      String raw, int code, String name, CallStatus status, FailureReason reason) {
    CallStatusUpdate u = parse(PlivoPayloads.hangup("uuid-1", raw, null, 0, code, name));
    assertThat(u.status()).isEqualTo(status);
    assertThat(u.failureReason()).isEqualTo(reason);
    assertThat(u.rawStatus()).isEqualTo(raw);
    assertThat(u.hangupCause()).isEqualTo(String.valueOf(code));
  }

  @Test
  void aCancelByTheCalleeIsARejection() {
    Map<String, String> f = PlivoPayloads.hangup("uuid-1", "cancel", null, 0, 3010, "Rejected");
    f.put("HangupSource", "Call recipient");
    CallStatusUpdate u = parse(f);
    assertThat(u.status()).isEqualTo(CallStatus.FAILED);
    assertThat(u.failureReason()).isEqualTo(FailureReason.REJECTED);
  }

  @Test
  void answeredIffAnswerTimeOrBilledTime() {
    // a 'failed' or 'busy' status with an answer time still was a conversation
    CallStatusUpdate byTime =
        parse(PlivoPayloads.hangup("u", "failed", "2025-03-03 10:00:18", 0, 4000, "Normal Hangup"));
    assertThat(byTime.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(byTime.answeredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:18Z"));

    CallStatusUpdate byBill =
        parse(PlivoPayloads.hangup("u", "completed", null, 12, 4000, "Normal Hangup"));
    assertThat(byBill.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(byBill.billedDuration()).isEqualTo(Duration.ofSeconds(12));

    CallStatusUpdate neither =
        parse(PlivoPayloads.hangup("u", "completed", null, 0, 4000, "Normal Hangup"));
    assertThat(neither.status()).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(neither.answeredAt()).isNull();
  }

  @Test
  void aHangupCarriesPlivoTimesAndIds() {
    CallStatusUpdate u =
        parse(
            PlivoPayloads.hangup(
                "uuid-9", "completed", "2025-03-03 10:00:18", 42, 4000, "Normal Hangup"));
    assertThat(u.providerCallId()).isEqualTo("uuid-9");
    assertThat(u.providerRequestId()).isEqualTo(PlivoPayloads.REQUEST_UUID);
    assertThat(u.answeredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:18Z"));
    assertThat(u.endedAt()).isEqualTo(Instant.parse("2025-03-03T10:01:00Z"));
    assertThat(u.occurredAt()).isEqualTo(u.endedAt());
    assertThat(u.duration()).isEqualTo(Duration.ofSeconds(42));
    assertThat(u.rawPayload()).contains("CallUUID=uuid-9");
  }

  @Test
  void timesWithoutOffsetAreInTheConfiguredZone() {
    PlivoProvider kolkata = fx.builder().timeZone(ZoneId.of("Asia/Kolkata")).build();
    CallStatusUpdate u =
        kolkata
            .parseWebhook(
                PlivoPayloads.signed(
                    URL,
                    PlivoPayloads.hangup(
                        "u", "completed", "2025-03-03 15:30:18", 42, 4000, "Normal Hangup"),
                    AUTH_TOKEN))
            .get(0);
    assertThat(u.answeredAt()).isEqualTo(Instant.parse("2025-03-03T10:00:18Z"));
  }

  @Test
  void completedWithMachineIsVoicemailAndAmdCallbackIsAnswered() {
    Map<String, String> done =
        PlivoPayloads.hangup("u", "completed", "2025-03-03 10:00:18", 17, 4000, "Normal Hangup");
    done.put("Machine", "true");
    assertThat(parse(done).status()).isEqualTo(CallStatus.VOICEMAIL);

    Map<String, String> amd = PlivoPayloads.callbackFields("u", "in-progress");
    amd.put("Event", "MachineDetection");
    amd.put("Machine", "false");
    CallStatusUpdate u = parse(amd);
    assertThat(u.status()).isEqualTo(CallStatus.ANSWERED);
    assertThat(u.rawStatus()).isEqualTo("amd-false");
    assertThat(u.answeredBy()).isEqualTo(AnsweredBy.HUMAN);
  }

  @Test
  void unreadableFieldsAreMalformed() {
    Map<String, String> f = PlivoPayloads.hangup("u", "completed", "yesterday", 1, 4000, "x");
    assertThatThrownBy(() -> parse(f))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED));
    Map<String, String> g = PlivoPayloads.hangup("u", "completed", null, 0, 4000, "x");
    g.put("BillDuration", "-3");
    assertThatThrownBy(() -> parse(g)).isInstanceOf(WebhookRejectedException.class);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Duration     | 9223372036854775807
          Duration     | -1
          Duration     | 604801
          BillDuration | 9223372036854775807
          BillDuration | 99999999999999999999
          BillDuration | -3
          AnswerTime   | 0001-01-01 00:00:00
          AnswerTime   | 1999-12-31 23:59:59
          EndTime      | 2200-01-01 00:00:00
          EndTime      | 999999999-12-31 23:59:59
          EndTime      | +999999999-12-31 23:59:59
          StartTime    | 1000000000-01-01 00:00:00
          StartTime    | 2025-03-03 10:00:01+99:00
          """)
  void aValueOutOfRangeIsMalformedAndYieldsNoUpdate(String field, String value) {
    Map<String, String> f =
        PlivoPayloads.hangup("u", "completed", "2025-03-03 10:00:18", 42, 4000, "Normal Hangup");
    f.put(field, value);
    assertThatThrownBy(() -> parse(f))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED);
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).contains(field).hasSizeLessThan(200);
            });
  }

  @ParameterizedTest(name = "{0} of {1} characters")
  @CsvSource({"CallUUID, 256", "RequestUUID, 256", "CallStatus, 256", "HangupCauseCode, 1001"})
  void aFieldTooLongIsMalformed(String field, int length) {
    Map<String, String> f = PlivoPayloads.hangup("u", "failed", null, 0, 2000, "Invalid");
    f.put(field, "9".repeat(length));
    assertThatThrownBy(() -> parse(f))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED);
              assertThat(e.getMessage()).contains(field).doesNotContain("9999");
            });
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    Map<String, String> f =
        PlivoPayloads.hangup(
            "u", "completed", "2000-01-01 00:00:00", 604_800, 4000, "Normal Hangup");
    f.put("StartTime", "2000-01-01 00:00:00");
    f.put("EndTime", "2199-12-31 23:59:59");
    CallStatusUpdate u = parse(f);
    assertThat(u.answeredAt()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    assertThat(u.endedAt()).isEqualTo(Instant.parse("2199-12-31T23:59:59Z"));
    assertThat(u.billedDuration()).isEqualTo(Duration.ofDays(7));
    f.put("Duration", "0");
    f.put("BillDuration", "0");
    assertThat(parse(f).duration()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aRejectedValueIsQuotedShortAndEscapedInTheMessage() {
    Map<String, String> f = PlivoPayloads.hangup("u", "completed", null, 0, 4000, "x");
    f.put("EndTime", "2025\r\nFAKE LOG LINE " + "x".repeat(500));
    assertThatThrownBy(() -> parse(f))
        .isInstanceOf(WebhookRejectedException.class)
        // Untrusted.quote: CR and LF written \r and \n, cut after 80 escaped characters
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\n")
        .hasMessageContaining("'2025\\r\\nFAKE LOG LINE " + "x".repeat(58) + "…'")
        .hasMessageNotContaining("x".repeat(59));
  }

  @Test
  void aBrokenEscapeInAnUnsignedBodyIs403NotMalformed() {
    WebhookRequest forged =
        WebhookRequest.formPost(
            URL,
            Map.of(
                PlivoSignatureV3.HEADER, java.util.List.of("bm90LWl0"),
                PlivoSignatureV3.NONCE_HEADER, java.util.List.of(PlivoPayloads.NONCE)),
            "CallUUID=u&CallStatus=%ZZ");
    assertThatThrownBy(() -> provider.parseWebhook(forged))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
  }

  @Test
  void aRepeatedFieldIsReadAtItsFirstValueWhichTheSignatureCovers() {
    WebhookRequest ringing =
        PlivoPayloads.signed(URL, PlivoPayloads.fields("u", CallStatus.RINGING), AUTH_TOKEN);
    // plivo-go's reading (first value) accepts a value appended later: Dialkit reads the first
    WebhookRequest appended =
        WebhookRequest.formPost(URL, ringing.headers(), ringing.body() + "&CallStatus=completed");
    assertThat(provider.parseWebhook(appended).get(0).status()).isEqualTo(CallStatus.RINGING);
    WebhookRequest prepended =
        WebhookRequest.formPost(URL, ringing.headers(), "CallStatus=completed&" + ringing.body());
    assertThatThrownBy(() -> provider.parseWebhook(prepended))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
  }

  @Test
  void theMainAccountSignatureIsAccepted() {
    WebhookRequest request =
        PlivoPayloads.signed(
            URL,
            PlivoPayloads.fields("u", CallStatus.RINGING),
            MAIN_TOKEN,
            PlivoSignatureV3.MAIN_ACCOUNT_HEADER);
    assertThat(provider.parseWebhook(request).get(0).status()).isEqualTo(CallStatus.RINGING);
    PlivoProvider noMain =
        PlivoProvider.builder()
            .authId(PlivoPayloads.AUTH_ID)
            .authToken(AUTH_TOKEN)
            .callbackBaseUrl(PlivoPayloads.CALLBACK_BASE)
            .build();
    assertThatThrownBy(() -> noMain.parseWebhook(request))
        .isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void severalSignaturesAndAPortAreTolerated() {
    URI withPort =
        URI.create(
            "https://dialer.example.com:443/webhooks/plivo?dialkit_call=lead-1-1&dialkit_tenant=t");
    WebhookRequest signed =
        PlivoPayloads.signed(URL, PlivoPayloads.fields("u", CallStatus.RINGING), AUTH_TOKEN);
    String sig = signed.header(PlivoSignatureV3.HEADER);
    WebhookRequest received =
        WebhookRequest.formPost(
            withPort,
            Map.of(
                PlivoSignatureV3.HEADER, java.util.List.of("bm90LWl0," + sig),
                PlivoSignatureV3.NONCE_HEADER, java.util.List.of(PlivoPayloads.NONCE)),
            signed.body());
    assertThat(provider.parseWebhook(received)).hasSize(1);
  }

  @Test
  void behindAProxyThePublicBaseUrlIsChecked() {
    PlivoProvider proxied = fx.builder().publicBaseUrl("https://dialer.example.com").build();
    WebhookRequest signed =
        PlivoPayloads.signed(URL, PlivoPayloads.fields("u", CallStatus.RINGING), AUTH_TOKEN);
    WebhookRequest seen =
        new WebhookRequest(
            "POST",
            URI.create("http://10.0.0.5:8080" + URL.getRawPath() + "?" + URL.getRawQuery()),
            signed.headers(),
            signed.body());
    assertThat(proxied.parseWebhook(seen)).hasSize(1);
  }
}
