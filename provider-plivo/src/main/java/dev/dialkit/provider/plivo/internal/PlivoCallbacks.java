package dev.dialkit.provider.plivo.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.provider.plivo.internal.PlivoHangupCauses.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Parses Plivo's ring, hangup and machine-detection callbacks (and an answer request a host hands
 * on) into {@link CallStatusUpdate}s. The signature has been verified before.
 *
 * <p>Fields read: {@code CallUUID} (required), {@code RequestUUID}, {@code CallStatus} (required,
 * except on a machine-detection callback), {@code Machine}, {@code Event}, {@code HangupCauseCode},
 * {@code HangupCauseName}, {@code HangupSource}, {@code HangupCause} (legacy name, kept only when
 * there is no code), {@code Duration}, {@code BillDuration} (whole seconds), {@code AnswerTime},
 * {@code StartTime}, {@code EndTime} ({@link PlivoStatuses#time}).
 *
 * <p>Times: {@code answeredAt} is {@code AnswerTime}, {@code endedAt} is {@code EndTime}; {@code
 * occurredAt} is the end time on a hangup and the answer time on {@code in-progress}. A ring
 * callback carries no ringing time, so its {@code occurredAt} stays {@code null}.
 *
 * <p>A machine-detection callback ({@code Event=MachineDetection}, or {@code Machine} without
 * {@code CallStatus}) becomes an ANSWERED update carrying {@code answeredBy}, with raw status
 * {@code amd-<Machine>} so that it is deduplicated apart from {@code in-progress}.
 */
public final class PlivoCallbacks {
  /** The raw-status prefix of a machine-detection callback's update. */
  public static final String AMD_PREFIX = "amd-";

  private static final String FORM = "application/x-www-form-urlencoded";

  private PlivoCallbacks() {}

  /**
   * @param zone the zone of times without an offset
   * @throws WebhookRejectedException {@link Reason#MALFORMED} if the body is not a form, a required
   *     field is missing or a field cannot be parsed
   */
  public static CallStatusUpdate parse(WebhookRequest request, ZoneId zone) {
    Map<String, List<String>> form = fields(request);
    String callUuid = first(form, "CallUUID");
    if (callUuid == null) {
      throw malformed("missing field CallUUID");
    }
    String raw = first(form, "CallStatus");
    String machine = first(form, "Machine");
    AnsweredBy answeredBy = PlivoStatuses.answeredBy(machine);
    boolean amdEvent = "MachineDetection".equalsIgnoreCase(first(form, "Event"));
    CallStatusUpdate.Builder update;
    if (amdEvent || (raw == null && machine != null)) {
      if (machine == null) {
        throw malformed("machine detection callback without Machine");
      }
      update = CallStatusUpdate.builder(CallStatus.ANSWERED, AMD_PREFIX + machine);
    } else {
      if (raw == null) {
        throw malformed("missing field CallStatus");
      }
      Instant answerTime = time(form, "AnswerTime", zone);
      Instant endTime = time(form, "EndTime", zone);
      time(form, "StartTime", zone); // checked only: Dialkit records its own creation time
      Long seconds = seconds(form, "Duration");
      Long billed = seconds(form, "BillDuration");
      boolean answered = answerTime != null || (billed != null && billed > 0);
      String code = first(form, "HangupCauseCode");
      Outcome outcome =
          PlivoStatuses.status(
              raw,
              answered,
              answeredBy,
              code,
              first(form, "HangupCauseName"),
              first(form, "HangupSource"));
      CallStatus status = outcome.status();
      update =
          CallStatusUpdate.builder(status, raw)
              .answeredAt(answerTime)
              .endedAt(status.isTerminal() ? endTime : null)
              .occurredAt(
                  status.isTerminal() ? endTime : status == CallStatus.ANSWERED ? answerTime : null)
              .duration(seconds == null ? null : Duration.ofSeconds(seconds))
              .billedDuration(billed == null ? null : Duration.ofSeconds(billed))
              .failureReason(outcome.reason())
              .hangupCause(code != null ? code : first(form, "HangupCause"));
    }
    return update
        .providerCallId(callUuid)
        .providerRequestId(first(form, "RequestUUID"))
        .answeredBy(answeredBy)
        .rawPayload(request.body().isEmpty() ? request.url().getRawQuery() : request.body())
        .build();
  }

  private static Map<String, List<String>> fields(WebhookRequest request) {
    try {
      if (request.method().equals("GET")) {
        return request.queryParameters(); // ring_method / hangup_method GET
      }
      if (!FORM.equals(request.mediaType())) {
        throw malformed("content type must be " + FORM + ", was '" + request.mediaType() + "'");
      }
      return request.formParameters();
    } catch (IllegalArgumentException e) {
      throw malformed("body is not valid form encoding");
    }
  }

  private static Instant time(Map<String, List<String>> form, String field, ZoneId zone) {
    String value = first(form, field);
    try {
      return value == null ? null : PlivoStatuses.time(value, zone);
    } catch (DateTimeParseException e) {
      throw malformed(field + " must be a yyyy-MM-dd HH:mm:ss time, was '" + value + "'");
    }
  }

  private static Long seconds(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    try {
      Long s = value == null ? null : Long.parseLong(value.trim());
      if (s != null && s < 0) {
        throw malformed(field + " must be >= 0, was " + s);
      }
      return s;
    } catch (NumberFormatException e) {
      throw malformed(field + " must be a whole number of seconds, was '" + value + "'");
    }
  }

  private static String first(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    String v = values == null || values.isEmpty() ? null : values.get(0);
    return v == null || v.isBlank() ? null : v;
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(Reason.MALFORMED, "Plivo webhook: " + message);
  }
}
