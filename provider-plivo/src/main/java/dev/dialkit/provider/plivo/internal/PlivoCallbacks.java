package dev.dialkit.provider.plivo.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.FormFields;
import dev.dialkit.campaign.spi.Untrusted;
import dev.dialkit.provider.plivo.internal.PlivoHangupCauses.Outcome;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Parses Plivo's ring, hangup and machine-detection callbacks (and an answer request a host hands
 * on) into {@link CallStatusUpdate}s. The signature has been verified before.
 *
 * <p>Fields read: {@code CallUUID} (required), {@code RequestUUID}, {@code CallStatus} (required,
 * except on a machine-detection callback), {@code Machine}, {@code Event}, {@code HangupCauseCode},
 * {@code HangupCauseName}, {@code HangupSource}, {@code HangupCause} (legacy name, kept only when
 * there is no code), {@code Duration}, {@code BillDuration} (whole seconds), {@code AnswerTime},
 * {@code StartTime}, {@code EndTime} ({@link PlivoStatuses#time}). Where a name is repeated, its
 * first value is read.
 *
 * <p>Ranges (those {@link CallStatusUpdate} enforces): the times from 2000-01-01 to before
 * 2200-01-01 UTC, {@code Duration} and {@code BillDuration} 0 to 7 days, {@code CallUUID}, {@code
 * RequestUUID} and {@code CallStatus} at most 255 characters, the hangup cause 1,000; outside, the
 * callback is MALFORMED and nothing of it is applied. Values appear in messages only through {@link
 * Untrusted#quote}.
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

  private PlivoCallbacks() {}

  /**
   * @param zone the zone of times without an offset
   * @throws WebhookRejectedException {@link Reason#MALFORMED} if the body is not a form, a required
   *     field is missing, or a field cannot be parsed or is out of range
   */
  public static CallStatusUpdate parse(WebhookRequest request, ZoneId zone) {
    FormFields form = FormFields.ofCallback(request, "Plivo");
    String callUuid = text(form, "CallUUID", CallStatusUpdate.MAX_ID_LENGTH);
    if (callUuid == null) {
      throw malformed("missing field CallUUID");
    }
    String raw = text(form, "CallStatus", CallStatusUpdate.MAX_ID_LENGTH);
    String machine = text(form, "Machine", CallStatusUpdate.MAX_ID_LENGTH - AMD_PREFIX.length());
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
      String code = text(form, "HangupCauseCode", CallStatusUpdate.MAX_HANGUP_CAUSE_LENGTH);
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
              .hangupCause(
                  code != null
                      ? code
                      : text(form, "HangupCause", CallStatusUpdate.MAX_HANGUP_CAUSE_LENGTH));
    }
    update
        .providerCallId(callUuid)
        .providerRequestId(text(form, "RequestUUID", CallStatusUpdate.MAX_ID_LENGTH))
        .answeredBy(answeredBy)
        .rawPayload(request.body().isEmpty() ? request.url().getRawQuery() : request.body());
    try {
      return update.build();
    } catch (IllegalArgumentException e) {
      // every range is checked above; should the core's checks ever be wider, still a 400
      throw malformed(e.getMessage());
    }
  }

  private static Instant time(FormFields form, String field, ZoneId zone) {
    String value = first(form, field);
    if (value == null) {
      return null;
    }
    Instant t;
    try {
      t = PlivoStatuses.time(value, zone);
    } catch (DateTimeException | ArithmeticException e) {
      throw malformed(field + " must be a yyyy-MM-dd HH:mm:ss time, was " + Untrusted.quote(value));
    }
    if (!CallStatusUpdate.instantInRange(t)) {
      throw malformed(
          field + " must be " + CallStatusUpdate.INSTANT_RANGE + ", was " + Untrusted.quote(value));
    }
    return t;
  }

  private static Long seconds(FormFields form, String field) {
    String value = first(form, field);
    long s;
    try {
      if (value == null) {
        return null;
      }
      s = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw malformed(field + " must be a whole number of seconds, was " + Untrusted.quote(value));
    }
    if (!CallStatusUpdate.durationInRange(Duration.ofSeconds(s))) {
      throw malformed(
          field
              + " must be 0 to "
              + CallStatusUpdate.MAX_DURATION.getSeconds()
              + " seconds, was "
              + s);
    }
    return s;
  }

  private static String first(FormFields form, String field) {
    String v = form.first(field);
    return v == null || v.isBlank() ? null : v;
  }

  /** The first value of {@code field}, which must not be longer than {@code max}. */
  private static String text(FormFields form, String field, int max) {
    String v = first(form, field);
    if (v != null && v.length() > max) {
      throw malformed(field + " must be at most " + max + " characters, was " + v.length());
    }
    return v;
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(Reason.MALFORMED, "Plivo webhook: " + message);
  }
}
