package dev.dialkit.provider.twilio.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Parses Twilio's status callbacks (and async AMD callbacks) into {@link CallStatusUpdate}s. The
 * signature has been verified before.
 *
 * <p>Fields read: {@code CallSid} (required), {@code CallStatus} (required, except on an async AMD
 * callback), {@code Timestamp} (RFC 2822), {@code SequenceNumber}, {@code CallDuration} (seconds),
 * {@code AnsweredBy}, {@code SipResponseCode}, {@code ErrorCode}, {@code RecordingUrl}.
 *
 * <p>Times: Twilio's callbacks carry no answer or end time of their own, so {@code answeredAt} and
 * {@code endedAt} stay {@code null} and {@code occurredAt} is the event's {@code Timestamp}. On the
 * {@code in-progress} event that timestamp is the answer time, and Dialkit's state machine takes it
 * as such; on a terminal event it is the end time.
 *
 * <p>An async AMD callback ({@code AnsweredBy} without {@code CallStatus}) becomes an {@link
 * CallStatus#ANSWERED} update carrying {@code answeredBy}, with raw status {@code amd-<AnsweredBy>}
 * (for example {@code amd-machine_start}) so that it is deduplicated apart from the {@code
 * in-progress} event; it carries no time.
 */
public final class TwilioCallbacks {
  /** The raw-status prefix of an async AMD callback's update. */
  public static final String AMD_PREFIX = "amd-";

  private static final String FORM = "application/x-www-form-urlencoded";

  private TwilioCallbacks() {}

  /**
   * @throws WebhookRejectedException {@link Reason#MALFORMED} if the body is not a form, a required
   *     field is missing or a field cannot be parsed
   */
  public static CallStatusUpdate parse(WebhookRequest request) {
    Map<String, List<String>> form = fields(request);
    String sid = first(form, "CallSid");
    if (sid == null) {
      throw malformed("missing field CallSid");
    }
    String raw = first(form, "CallStatus");
    String rawAnsweredBy = first(form, "AnsweredBy");
    AnsweredBy answeredBy = TwilioStatuses.answeredBy(rawAnsweredBy);
    CallStatusUpdate.Builder update;
    if (raw == null) {
      if (answeredBy == null) {
        throw malformed("missing field CallStatus (and no AnsweredBy of an AMD callback)");
      }
      update = CallStatusUpdate.builder(CallStatus.ANSWERED, AMD_PREFIX + rawAnsweredBy);
    } else {
      CallStatus status = TwilioStatuses.status(raw, answeredBy);
      update = CallStatusUpdate.builder(status, raw);
      String sip = first(form, "SipResponseCode");
      String error = first(form, "ErrorCode");
      if (status == CallStatus.FAILED) {
        update.failureReason(TwilioStatuses.failureReason(sip, error));
      }
      Long seconds = number(form, "CallDuration");
      if (seconds != null && seconds < 0) {
        throw malformed("CallDuration must be >= 0, was " + seconds);
      }
      update
          .occurredAt(timestamp(first(form, "Timestamp")))
          .sequence(number(form, "SequenceNumber"))
          .duration(seconds == null ? null : Duration.ofSeconds(seconds))
          .hangupCause(error)
          .sipCode(sip)
          .recordingUrl(first(form, "RecordingUrl"));
    }
    return update
        .providerCallId(sid)
        .answeredBy(answeredBy)
        .rawPayload(request.body().isEmpty() ? request.url().getRawQuery() : request.body())
        .build();
  }

  private static Map<String, List<String>> fields(WebhookRequest request) {
    try {
      if (request.method().equals("GET")) {
        return request.queryParameters(); // StatusCallbackMethod=GET puts the fields in the URL
      }
      if (!FORM.equals(request.mediaType())) {
        throw malformed("content type must be " + FORM + ", was '" + request.mediaType() + "'");
      }
      return request.formParameters();
    } catch (IllegalArgumentException e) {
      throw malformed("body is not valid form encoding");
    }
  }

  private static java.time.Instant timestamp(String value) {
    try {
      return value == null ? null : TwilioStatuses.rfc2822(value);
    } catch (DateTimeParseException e) {
      throw malformed("Timestamp must be an RFC 2822 date, was '" + value + "'");
    }
  }

  private static String first(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    String v = values == null || values.isEmpty() ? null : values.get(0);
    return v == null || v.isBlank() ? null : v;
  }

  private static Long number(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    try {
      return value == null ? null : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw malformed(field + " must be a whole number, was '" + value + "'");
    }
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(Reason.MALFORMED, "Twilio webhook: " + message);
  }
}
