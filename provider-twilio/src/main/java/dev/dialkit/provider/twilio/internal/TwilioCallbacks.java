package dev.dialkit.provider.twilio.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.FormFields;
import dev.dialkit.campaign.spi.Untrusted;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Parses Twilio's status callbacks (and async AMD callbacks) into {@link CallStatusUpdate}s. The
 * signature has been verified before.
 *
 * <p>Fields read: {@code CallSid} (required), {@code CallStatus} (required, except on an async AMD
 * callback), {@code Timestamp} (RFC 2822), {@code SequenceNumber}, {@code CallDuration} (seconds),
 * {@code AnsweredBy}, {@code SipResponseCode}, {@code ErrorCode}, {@code RecordingUrl}. Where a
 * name is repeated, its first value is read: the one twilio-java's validator vouches for.
 *
 * <p>Ranges (those {@link CallStatusUpdate} enforces): {@code Timestamp} from 2000-01-01 to before
 * 2200-01-01 UTC, {@code CallDuration} 0 to 7 days, {@code SequenceNumber} 0 to one billion, {@code
 * CallSid} and {@code CallStatus} at most 255 characters, {@code ErrorCode} 1,000, {@code
 * SipResponseCode} 40, {@code RecordingUrl} 2,000; outside, the callback is MALFORMED and nothing
 * of it is applied. Values appear in messages only through {@link Untrusted#quote}.
 *
 * <p>Times: Twilio's callbacks carry no answer or end time of their own, so {@code answeredAt} and
 * {@code endedAt} stay {@code null} and {@code occurredAt} is the event's {@code Timestamp}. On the
 * {@code in-progress} event that timestamp is the answer time, and Dialkit's state machine takes it
 * as such; on a terminal event it is the end time.
 *
 * <p>Duration: {@code CallDuration} (whole seconds, on the terminal callback) is both the update's
 * {@code duration} and its {@code billedDuration}: it is the figure Twilio bills, and Twilio's
 * one-second timestamps can disagree with it by a second.
 *
 * <p>An async AMD callback becomes an {@link CallStatus#ANSWERED} update carrying {@code
 * answeredBy}, with raw status {@code amd-<AnsweredBy>} (for example {@code amd-machine_start}) so
 * that it is deduplicated apart from the {@code in-progress} event; it carries no time. It is known
 * by the {@value #AMD_MARKER} parameter Dialkit puts on the {@code AsyncAmdStatusCallback} URL
 * (covered by the signature), whatever else the body holds; a callback without the marker that has
 * {@code AnsweredBy} but no {@code CallStatus} (a call placed by an older Dialkit) is one too. A
 * machine or fax verdict makes the call's {@code completed} end {@link CallStatus#VOICEMAIL}.
 */
public final class TwilioCallbacks {
  /** The raw-status prefix of an async AMD callback's update. */
  public static final String AMD_PREFIX = "amd-";

  /**
   * The query parameter ({@code twilio_amd=1}) that marks the {@code AsyncAmdStatusCallback} URL,
   * so that its callback is known for an AMD verdict even if Twilio adds a {@code CallStatus}.
   */
  public static final String AMD_MARKER = "twilio_amd";

  private TwilioCallbacks() {}

  /**
   * @throws WebhookRejectedException {@link Reason#MALFORMED} if the body is not a form, a required
   *     field is missing, or a field cannot be parsed or is out of range
   */
  public static CallStatusUpdate parse(WebhookRequest request) {
    FormFields form = FormFields.ofCallback(request, "Twilio");
    String sid = text(form, "CallSid", CallStatusUpdate.MAX_ID_LENGTH);
    if (sid == null) {
      throw malformed("missing field CallSid");
    }
    String raw = text(form, "CallStatus", CallStatusUpdate.MAX_ID_LENGTH);
    String rawAnsweredBy =
        text(form, "AnsweredBy", CallStatusUpdate.MAX_ID_LENGTH - AMD_PREFIX.length());
    AnsweredBy answeredBy = TwilioStatuses.answeredBy(rawAnsweredBy);
    CallStatusUpdate.Builder update;
    if (isAmdCallback(request) || raw == null) {
      if (answeredBy == null) {
        throw malformed(
            raw == null
                ? "missing field CallStatus (and no AnsweredBy of an AMD callback)"
                : "missing field AnsweredBy of an AMD callback");
      }
      update = CallStatusUpdate.builder(CallStatus.ANSWERED, AMD_PREFIX + rawAnsweredBy);
    } else {
      CallStatus status = TwilioStatuses.status(raw, answeredBy);
      update = CallStatusUpdate.builder(status, raw);
      String sip = text(form, "SipResponseCode", CallStatusUpdate.MAX_SIP_CODE_LENGTH);
      String error = text(form, "ErrorCode", CallStatusUpdate.MAX_HANGUP_CAUSE_LENGTH);
      if (status == CallStatus.FAILED) {
        update.failureReason(TwilioStatuses.failureReason(sip, error));
      }
      Long seconds = number(form, "CallDuration");
      if (seconds != null && !CallStatusUpdate.durationInRange(Duration.ofSeconds(seconds))) {
        throw malformed(
            "CallDuration must be 0 to "
                + CallStatusUpdate.MAX_DURATION.getSeconds()
                + " seconds, was "
                + seconds);
      }
      Long sequence = number(form, "SequenceNumber");
      if (sequence != null && !CallStatusUpdate.sequenceInRange(sequence)) {
        throw malformed(
            "SequenceNumber must be 0 to " + CallStatusUpdate.MAX_SEQUENCE + ", was " + sequence);
      }
      update
          .occurredAt(timestamp(first(form, "Timestamp")))
          .sequence(sequence)
          .duration(seconds == null ? null : Duration.ofSeconds(seconds))
          .billedDuration(seconds == null ? null : Duration.ofSeconds(seconds))
          .hangupCause(error)
          .sipCode(sip)
          .recordingUrl(text(form, "RecordingUrl", CallStatusUpdate.MAX_RECORDING_URL_LENGTH));
    }
    update
        .providerCallId(sid)
        .answeredBy(answeredBy)
        .rawPayload(request.body().isEmpty() ? request.url().getRawQuery() : request.body());
    try {
      return update.build();
    } catch (IllegalArgumentException e) {
      // every range is checked above; should the core's checks ever be wider, still a 400
      throw malformed(e.getMessage());
    }
  }

  /** Whether the (signed) URL carries {@link #AMD_MARKER}: the async AMD callback's URL. */
  private static boolean isAmdCallback(WebhookRequest request) {
    try {
      return "1".equals(request.queryParameter(AMD_MARKER));
    } catch (IllegalArgumentException e) {
      // a query that does not decode has failed the signature already; never reached
      return false;
    }
  }

  private static Instant timestamp(String value) {
    if (value == null) {
      return null;
    }
    Instant t;
    try {
      t = TwilioStatuses.rfc2822(value);
    } catch (DateTimeException | ArithmeticException e) {
      throw malformed("Timestamp must be an RFC 2822 date, was " + Untrusted.quote(value));
    }
    if (!CallStatusUpdate.instantInRange(t)) {
      throw malformed(
          "Timestamp must be "
              + CallStatusUpdate.INSTANT_RANGE
              + ", was "
              + Untrusted.quote(value));
    }
    return t;
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

  private static Long number(FormFields form, String field) {
    String value = first(form, field);
    try {
      return value == null ? null : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw malformed(field + " must be a whole number, was " + Untrusted.quote(value));
    }
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(Reason.MALFORMED, "Twilio webhook: " + message);
  }
}
