package dev.dialkit.examples.dashboard.demo;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo provider's wire format: a Twilio-like form body ({@code CallSid}, {@code CallStatus},
 * {@code Timestamp}, {@code SequenceNumber}, {@code AnsweredBy}, {@code CallDuration}, {@code
 * SipResponseCode}). No phone number travels in it. The body is network input when it comes back:
 * every field is checked, and a bad one is a {@code MALFORMED} rejection naming it.
 */
final class DemoWebhookForm {
  static final String FORM = "application/x-www-form-urlencoded";

  private DemoWebhookForm() {}

  static String encode(String sid, long sequence, DemoEvent event, Instant at) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("CallSid", sid);
    fields.put("CallStatus", event.status());
    fields.put("Timestamp", at.toString());
    fields.put("SequenceNumber", Long.toString(sequence));
    if (event.answeredBy() != null) {
      fields.put("AnsweredBy", event.answeredBy());
    }
    if (event.talkSeconds() != null) {
      fields.put("CallDuration", Long.toString(event.talkSeconds()));
    }
    if (event.sipCode() != null) {
      fields.put("SipResponseCode", event.sipCode());
    }
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  static CallStatusUpdate parse(WebhookRequest request) {
    if (!request.mediaType().equals(FORM)) {
      throw malformed("content type must be " + FORM);
    }
    Map<String, List<String>> form;
    try {
      form = request.formParameters();
    } catch (IllegalArgumentException e) {
      throw malformed("body is not valid form encoding");
    }
    return toUpdate(form, request.body());
  }

  static CallStatusUpdate toUpdate(Map<String, List<String>> form, String body) {
    String raw = required(form, "CallStatus");
    String answeredBy = first(form, "AnsweredBy");
    AnsweredBy by = answeredBy == null ? null : answeredBy(answeredBy);
    Long seconds = number(form, "CallDuration");
    if (seconds != null && !CallStatusUpdate.durationInRange(Duration.ofSeconds(seconds))) {
      throw malformed("CallDuration is out of range");
    }
    try {
      return CallStatusUpdate.builder(status(raw, by), raw)
          .providerCallId(required(form, "CallSid"))
          .occurredAt(instant(form, "Timestamp"))
          .sequence(number(form, "SequenceNumber"))
          .duration(seconds == null ? null : Duration.ofSeconds(seconds))
          .failureReason(raw.equals("failed") ? FailureReason.CARRIER_ERROR : null)
          .sipCode(first(form, "SipResponseCode"))
          .answeredBy(by)
          .rawPayload(body)
          .build();
    } catch (IllegalArgumentException e) {
      // a field out of the ranges CallStatusUpdate allows; its message names the field
      throw malformed(e.getMessage());
    }
  }

  private static CallStatus status(String raw, AnsweredBy by) {
    return switch (raw) {
      case "queued" -> CallStatus.QUEUED;
      case "initiated" -> CallStatus.INITIATED;
      case "ringing" -> CallStatus.RINGING;
      case "in-progress" -> CallStatus.ANSWERED;
      case "completed" ->
          by != null && by.isMachine() ? CallStatus.VOICEMAIL : CallStatus.COMPLETED;
      case "busy" -> CallStatus.BUSY;
      case "no-answer" -> CallStatus.NO_ANSWER;
      case "failed" -> CallStatus.FAILED;
      case "canceled" -> CallStatus.CANCELED;
      default -> CallStatus.UNKNOWN; // kept with its raw value, never applied
    };
  }

  private static AnsweredBy answeredBy(String raw) {
    if (raw.equals("human")) {
      return AnsweredBy.HUMAN;
    }
    return raw.startsWith("machine_") ? AnsweredBy.MACHINE : AnsweredBy.UNKNOWN;
  }

  private static String first(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String required(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    if (value == null || value.isBlank()) {
      throw malformed("missing field " + field);
    }
    return value;
  }

  private static Long number(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    try {
      return value == null ? null : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed(field + " must be a whole number");
    }
  }

  private static Instant instant(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw malformed(field + " must be an ISO-8601 instant");
    }
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(Reason.MALFORMED, message);
  }
}
