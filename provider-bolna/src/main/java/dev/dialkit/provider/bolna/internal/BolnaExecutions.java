package dev.dialkit.provider.bolna.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.Untrusted;
import dev.dialkit.provider.bolna.internal.BolnaStatuses.Outcome;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads Bolna's execution object, the one shape of both the webhook body and {@code GET
 * /executions/{id}} (bolna.ai/docs/api-reference/executions/payload, bolna-ai/skills {@code
 * references/execution-payload.md}). Both names of each field that Bolna's docs spell two ways are
 * read, the newer first:
 *
 * <ul>
 *   <li>execution id: {@code execution_id}, else {@code id} (a UUID in the OpenAPI spec; one docs
 *       page shows an integer: read as text either way) → provider call id. Required.
 *   <li>{@code status}. Required.
 *   <li>talk time: {@code conversation_duration}, else {@code conversation_time} (seconds, may be
 *       fractional) → duration.
 *   <li>hangup: {@code telephony_data.hangup_reason}; code {@code hangup_provider_code}, else
 *       {@code hangup_code}; {@code hangup_by}: together → hangup cause.
 *   <li>{@code answered_by_voice_mail} → answered by MACHINE; {@code transcript} (non-blank shows
 *       an answer, as a talk time over 0 does).
 *   <li>recording: {@code telephony_data.recording_url}, else {@code recording_url}; a URL longer
 *       than Dialkit stores (presigned URLs run long) is left out.
 *   <li>{@code updated_at} → when it happened (ISO-8601; without an offset read as UTC,
 *       UNCONFIRMED).
 *   <li>Dialkit's call id: {@code context_details.recipient_data.dialkit_call} (the {@code
 *       user_data} Dialkit sent, as third-party integrations show Bolna echoing it; UNCONFIRMED in
 *       Bolna's docs). It lets Dialkit find the call even before the create response stored the
 *       execution id.
 * </ul>
 *
 * <p>A value that cannot be read (wrong type, not a number, not a date) is left out, never guessed;
 * one that reads but lies outside the bounds of {@link CallStatusUpdate}, and a missing id or
 * status, throw {@link IllegalArgumentException} (a webhook: 400 MALFORMED).
 */
public final class BolnaExecutions {
  /** The {@code user_data} key that carries Dialkit's call id: {@value}. */
  public static final String CALL_VARIABLE = Webhooks.CALL_PARAMETER;

  private BolnaExecutions() {}

  /**
   * The update an execution object reports.
   *
   * @param raw the text it was read from, kept as the update's raw payload
   * @throws IllegalArgumentException if the id or status is missing or a value is out of range
   */
  public static CallStatusUpdate parse(JsonNode execution, String raw) {
    return parse(execution, raw, null);
  }

  /**
   * The update of the execution Dialkit asked for by {@code executionId}: that id is the update's
   * provider call id whatever the body calls it (one docs page shows an integer {@code id}).
   */
  public static CallStatusUpdate parse(JsonNode execution, String raw, String executionId) {
    if (execution == null || !execution.isObject()) {
      throw new IllegalArgumentException("the execution is not a JSON object");
    }
    String id =
        executionId != null ? executionId : BolnaJson.firstText(execution, "execution_id", "id");
    if (id == null) {
      throw new IllegalArgumentException("the execution has no execution_id or id");
    }
    String status = BolnaJson.text(execution, "status");
    if (status == null) {
      throw new IllegalArgumentException("the execution has no status");
    }
    within("id", id, CallStatusUpdate.MAX_ID_LENGTH);
    within("status", status, CallStatusUpdate.MAX_ID_LENGTH);
    JsonNode telephony = BolnaJson.object(execution, "telephony_data");
    Duration talk = seconds(execution, "conversation_duration");
    if (talk == null) {
      talk = seconds(execution, "conversation_time");
    }
    String transcript = BolnaJson.text(execution, "transcript");
    boolean answered = (talk != null && !talk.isZero()) || transcript != null;
    boolean voicemail = "true".equals(BolnaJson.text(execution, "answered_by_voice_mail"));
    String reason = BolnaJson.text(telephony, "hangup_reason");
    String code = BolnaJson.firstText(telephony, "hangup_provider_code", "hangup_code");
    String by = BolnaJson.text(telephony, "hangup_by");
    Outcome outcome =
        BolnaStatuses.status(
            status, answered, voicemail, reason, code, BolnaJson.text(execution, "error_message"));
    String recording = BolnaJson.text(telephony, "recording_url");
    if (recording == null) {
      recording = BolnaJson.text(execution, "recording_url");
    }
    if (recording != null && recording.length() > CallStatusUpdate.MAX_RECORDING_URL_LENGTH) {
      recording = null;
    }
    return CallStatusUpdate.builder(outcome.status(), status)
        .callId(callId(execution))
        .providerCallId(id)
        .occurredAt(time(execution, "updated_at"))
        .duration(talk)
        .failureReason(outcome.reason())
        .hangupCause(cause(code, reason, by))
        .answeredBy(voicemail ? AnsweredBy.MACHINE : null)
        .recordingUrl(recording)
        .rawPayload(raw)
        .build();
  }

  /** Dialkit's call id from the echoed {@code user_data}, or {@code null}. */
  private static CallId callId(JsonNode execution) {
    JsonNode context = BolnaJson.object(execution, "context_details");
    String value = BolnaJson.text(BolnaJson.object(context, "recipient_data"), CALL_VARIABLE);
    if (value == null) {
      return null;
    }
    try {
      return CallId.of(value);
    } catch (IllegalArgumentException e) {
      return null; // not one of Dialkit's ids: the execution id finds the call
    }
  }

  /** {@code 4000 Call recipient hung up (Callee)}, as much of it as there is; capped as stored. */
  private static String cause(String code, String reason, String by) {
    StringBuilder s = new StringBuilder();
    if (code != null) {
      s.append(code);
    }
    if (reason != null) {
      s.append(s.length() > 0 ? " " : "").append(reason);
    }
    if (by != null) {
      s.append(s.length() > 0 ? " (" + by + ")" : by);
    }
    if (s.length() == 0) {
      return null;
    }
    int max = CallStatusUpdate.MAX_HANGUP_CAUSE_LENGTH;
    return s.length() <= max ? s.toString() : s.substring(0, max);
  }

  /**
   * A figure in seconds, whole or fractional, rounded up to the millisecond; unreadable: {@code
   * null}.
   *
   * @throws IllegalArgumentException if it is below 0 or over 7 days
   */
  private static Duration seconds(JsonNode execution, String field) {
    String value = BolnaJson.text(execution, field);
    if (value == null || value.length() > 40) {
      return null;
    }
    double s;
    try {
      s = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (Double.isNaN(s)) {
      return null;
    }
    long max = CallStatusUpdate.MAX_DURATION.getSeconds();
    if (s < 0 || s > max) {
      throw outOfRange(field, "0 to " + max + " s", value);
    }
    return Duration.ofMillis((long) Math.ceil(s * 1000));
  }

  /**
   * An ISO-8601 time; unreadable: {@code null}.
   *
   * @throws IllegalArgumentException if it is outside {@link CallStatusUpdate#INSTANT_RANGE}
   */
  private static Instant time(JsonNode execution, String field) {
    String value = BolnaJson.text(execution, field);
    if (value == null || value.length() > 64) {
      return null;
    }
    Instant t;
    try {
      t = OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeException e) {
      try {
        t = LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e2) {
        return null;
      }
    }
    if (!CallStatusUpdate.instantInRange(t)) {
      throw outOfRange(field, CallStatusUpdate.INSTANT_RANGE, value);
    }
    return t;
  }

  private static void within(String field, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(
          "the execution's " + field + " is longer than " + max + " characters");
    }
  }

  private static IllegalArgumentException outOfRange(String field, String range, String value) {
    return new IllegalArgumentException(
        "the execution's " + field + " is out of range (" + range + "): " + Untrusted.quote(value));
  }
}
