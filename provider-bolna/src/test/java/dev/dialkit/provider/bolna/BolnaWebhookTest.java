package dev.dialkit.provider.bolna;

import static dev.dialkit.provider.bolna.BolnaPayloads.EXECUTION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bolna's execution webhook, parsed: the status table of providers.md sections 4, 7 and 11, both
 * spellings of the renamed fields, and hostile bodies that may only ever be rejected.
 */
class BolnaWebhookTest {
  private static final URI URL =
      URI.create(
          "https://calls.example.com/webhooks?dialkit_provider=bolna&dialkit_tenant=acme"
              + "&dialkit_token=t0k3n");
  private final BolnaProvider provider =
      BolnaProvider.builder().apiKey(BolnaPayloads.API_KEY).build();

  private CallStatusUpdate parse(ObjectNode execution) {
    List<CallStatusUpdate> updates = provider.parseWebhook(BolnaPayloads.webhook(URL, execution));
    assertThat(updates).hasSize(1);
    return updates.get(0);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "scheduled, QUEUED,",
    "queued, QUEUED,",
    "rescheduled, QUEUED,",
    "initiated, INITIATED,",
    "ringing, RINGING,",
    "in-progress, ANSWERED,",
    "busy, BUSY,",
    "no-answer, NO_ANSWER,",
    "balance-low, FAILED, ACCOUNT_OR_PERMISSION",
    "balance_low, FAILED, ACCOUNT_OR_PERMISSION",
    "canceled, CANCELED,",
    "stopped, FAILED, PROVIDER_ERROR",
    "error, FAILED, PROVIDER_ERROR",
    "failed, FAILED, UNKNOWN",
    "teleported, UNKNOWN,"
  })
  void everyDocumentedStatusMapsAsTheTableSays(
      String raw, CallStatus status, FailureReason reason) {
    CallStatusUpdate u = parse(BolnaPayloads.execution(EXECUTION_ID, raw));
    assertThat(u.status()).isEqualTo(status);
    assertThat(u.failureReason()).isEqualTo(reason);
    assertThat(u.rawStatus()).isEqualTo(raw);
    assertThat(u.providerCallId()).isEqualTo(EXECUTION_ID);
  }

  @Test
  void stoppedIsAFailureNotACancel() {
    CallStatusUpdate u = parse(BolnaPayloads.execution(EXECUTION_ID, "stopped"));
    assertThat(u.status()).isEqualTo(CallStatus.FAILED);
    assertThat(u.status()).isNotEqualTo(CallStatus.CANCELED);
  }

  @Test
  void anAnsweredCompletedCallCarriesItsTalkTimeRecordingAndHangup() {
    CallStatusUpdate u = parse(BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED));
    assertThat(u.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(u.failureReason()).isNull();
    assertThat(u.duration()).isEqualTo(Duration.ofMillis(42_500));
    assertThat(u.occurredAt()).isEqualTo(Instant.parse(BolnaPayloads.UPDATED_AT));
    assertThat(u.recordingUrl()).startsWith("https://bolna-call-recordings.s3");
    assertThat(u.hangupCause()).isEqualTo("4000 Call recipient hung up (Callee)");
    assertThat(u.answeredBy()).isNull();
    assertThat(u.rawPayload()).contains("\"status\":\"completed\"");
  }

  @Test
  void completedIsNoProofOfAnAnswer() {
    // a rejected call can arrive as completed, without talk time (executions/payload)
    ObjectNode rejected =
        BolnaPayloads.ended(
            EXECUTION_ID, "completed", 0, "Callee", "Call recipient rejected", 3020);
    assertThat(parse(rejected).status()).isEqualTo(CallStatus.FAILED);
    assertThat(parse(rejected).failureReason()).isEqualTo(FailureReason.REJECTED);

    ObjectNode nothingShown =
        BolnaPayloads.ended(EXECUTION_ID, "completed", 0, "Unknown", "Call ended", 0);
    assertThat(parse(nothingShown).status()).isEqualTo(CallStatus.NO_ANSWER);

    ObjectNode busyDespiteTalkTime =
        BolnaPayloads.ended(EXECUTION_ID, "completed", 3, "Callee", "Call recipient was busy", 0);
    assertThat(parse(busyDespiteTalkTime).status()).isEqualTo(CallStatus.BUSY);

    ObjectNode unansweredByCode =
        BolnaPayloads.ended(EXECUTION_ID, "completed", 0, "Carrier", "", 3050);
    assertThat(parse(unansweredByCode).status()).isEqualTo(CallStatus.FAILED);
    assertThat(parse(unansweredByCode).failureReason()).isEqualTo(FailureReason.CARRIER_ERROR);
  }

  @Test
  void aTranscriptShowsAnAnswerEvenWithoutTalkTime() {
    // call-statuses.md: completed with zero duration "usually means ... the callee hung up
    // immediately" after the agent spoke
    ObjectNode e =
        BolnaPayloads.ended(EXECUTION_ID, "completed", 0, "Callee", "Call recipient hung up", 4000);
    e.put("transcript", "assistant: Hello Ada!");
    assertThat(parse(e).status()).isEqualTo(CallStatus.COMPLETED);
  }

  @Test
  void voicemailIsReportedAsAMachine() {
    CallStatusUpdate u = parse(BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.VOICEMAIL));
    assertThat(u.status()).isEqualTo(CallStatus.VOICEMAIL);
    assertThat(u.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
  }

  @Test
  void callDisconnectedIsNeverTerminal() {
    ObjectNode talked =
        BolnaPayloads.ended(EXECUTION_ID, "call-disconnected", 30, "Callee", "Call ended", 4000);
    assertThat(parse(talked).status()).isEqualTo(CallStatus.ANSWERED);
    ObjectNode silent = BolnaPayloads.execution(EXECUTION_ID, "call-disconnected");
    assertThat(parse(silent).status()).isEqualTo(CallStatus.INITIATED);
    assertThat(parse(talked).status().isTerminal()).isFalse();
    assertThat(parse(silent).status().isTerminal()).isFalse();
  }

  @Test
  void failedTakesItsReasonFromTheHangupOrTheErrorMessage() {
    assertThat(parse(BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.FAILED)).failureReason())
        .isEqualTo(FailureReason.INVALID_NUMBER);
    ObjectNode e = BolnaPayloads.execution(EXECUTION_ID, "failed");
    e.put("error_message", "Network Congestion From Carrier");
    assertThat(parse(e).failureReason()).isEqualTo(FailureReason.CARRIER_ERROR);
  }

  @Test
  void theOlderFieldNamesAreReadToo() {
    // bolna.ai/docs/list-phone-call-status: integer id, conversation_time; hangup_code
    ObjectNode e = BolnaPayloads.execution(EXECUTION_ID, "completed");
    e.put("id", 7432382142914L);
    e.remove("conversation_duration");
    e.put("conversation_time", 123);
    ((ObjectNode) e.get("telephony_data")).put("hangup_code", 4000);
    ((ObjectNode) e.get("telephony_data")).put("hangup_reason", "Call recipient hung up");
    e.put("recording_url", "https://example.com/r.mp3");
    CallStatusUpdate u = parse(e);
    assertThat(u.providerCallId()).isEqualTo("7432382142914");
    assertThat(u.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(u.duration()).isEqualTo(Duration.ofSeconds(123));
    assertThat(u.hangupCause()).startsWith("4000 ");
    assertThat(u.recordingUrl()).isEqualTo("https://example.com/r.mp3");
  }

  @Test
  void anExecutionIdFieldWinsOverId() {
    ObjectNode e = BolnaPayloads.execution("7432382142914", "ringing");
    e.put("execution_id", EXECUTION_ID);
    assertThat(parse(e).providerCallId()).isEqualTo(EXECUTION_ID);
  }

  @Test
  void dialkitsCallIdIsReadFromTheEchoedUserData() {
    CallId call = CallId.of("lead-7-1");
    ObjectNode e = BolnaPayloads.execution(EXECUTION_ID, "ringing");
    ((ObjectNode) e.get("context_details").get("recipient_data"))
        .put(Webhooks.CALL_PARAMETER, call.value());
    assertThat(parse(e).callId()).isEqualTo(call);
    ((ObjectNode) e.get("context_details").get("recipient_data"))
        .put(Webhooks.CALL_PARAMETER, "not a\nvalid id " + "x".repeat(500));
    assertThat(parse(e).callId()).isNull();
    e.remove("context_details");
    assertThat(parse(e).callId()).isNull();
  }

  @Test
  void valuesOfTheWrongTypeAreLeftOutNotGuessed() {
    ObjectNode e = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED);
    e.put("updated_at", "yesterday");
    e.putObject("conversation_duration").put("x", 1);
    e.putArray("answered_by_voice_mail");
    CallStatusUpdate u = parse(e);
    assertThat(u.occurredAt()).isNull();
    assertThat(u.answeredBy()).isNull();
    assertThat(u.status()).isEqualTo(CallStatus.COMPLETED); // the transcript shows the answer
  }

  @Test
  void aTimeWithoutOffsetIsReadAsUtc() {
    ObjectNode e = BolnaPayloads.execution(EXECUTION_ID, "ringing");
    e.put("updated_at", "2025-03-03T10:01:22.123456");
    assertThat(parse(e).occurredAt()).isEqualTo(Instant.parse("2025-03-03T10:01:22.123456Z"));
  }

  @Test
  void anOverlongRecordingUrlIsLeftOut() {
    ObjectNode e = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED);
    ((ObjectNode) e.get("telephony_data"))
        .put("recording_url", "https://s3.example.com/" + "a".repeat(3000));
    assertThat(parse(e).recordingUrl()).isNull();
  }

  @Test
  void malformedBodiesAreRejectedAsMalformed() {
    for (String body :
        List.of(
            "",
            "not json",
            "[1,2]",
            "\"completed\"",
            "{}",
            "{\"status\":\"completed\"}",
            "{\"id\":\"" + EXECUTION_ID + "\"}",
            "{\"id\":{\"x\":1},\"status\":\"completed\"}",
            "{\"id\":\"" + EXECUTION_ID + "\",\"status\":[\"completed\"]}",
            "{\"id\":\"" + "x".repeat(300) + "\",\"status\":\"completed\"}",
            "[".repeat(5000))) {
      assertMalformed(body);
    }
  }

  @Test
  void valuesOutOfRangeAreRejectedAsMalformed() {
    ObjectNode negative = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED);
    negative.put("conversation_duration", -1);
    assertMalformed(negative.toString());
    ObjectNode huge = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED);
    huge.put("conversation_duration", "1e300");
    assertMalformed(huge.toString());
    ObjectNode ancient = BolnaPayloads.execution(EXECUTION_ID, "ringing");
    ancient.put("updated_at", "1970-01-01T00:00:00Z");
    assertMalformed(ancient.toString());
  }

  @Test
  void randomlyBentPayloadsAreParsedOrRejectedNeverAnythingElse() {
    Random random = new Random(42);
    String base = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED).toString();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder body = new StringBuilder(base);
      for (int k = random.nextInt(4); k >= 0; k--) {
        int at = random.nextInt(body.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> body.insert(at, (char) random.nextInt(0x3000));
          case 1 -> body.delete(at, Math.min(body.length(), at + random.nextInt(8)));
          default ->
              body.insert(
                  at, List.of("null", "-1", "[]", "{}", "\"", "1e999").get(random.nextInt(6)));
        }
      }
      try {
        provider.parseWebhook(BolnaPayloads.webhook(URL, body.toString()));
      } catch (WebhookRejectedException e) {
        assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED);
      }
    }
  }

  private void assertMalformed(String body) {
    assertThatThrownBy(() -> provider.parseWebhook(BolnaPayloads.webhook(URL, body)))
        .as(body.length() > 80 ? body.substring(0, 80) : body)
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED));
  }
}
