package dev.dialkit.provider.plivo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.Untrusted;
import dev.dialkit.provider.plivo.internal.PlivoHangupCauses.Outcome;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Plivo's REST call resources.
 *
 * <ul>
 *   <li>A live call ({@code GET Call/{call_uuid}/?status=live}): {@code call_status} ({@code
 *       ringing} or {@code in-progress}), {@code call_uuid}, {@code request_uuid} (plivo-java
 *       {@code LiveCall}).
 *   <li>A queued request ({@code GET Call/{request_uuid}/?status=queued}): reported as QUEUED with
 *       raw status {@code queued}.
 *   <li>An ended call's record ({@code GET Call/{call_uuid}/}, or an item of the call list): {@code
 *       answer_time}, {@code end_time}, {@code call_duration}, {@code bill_duration}, {@code
 *       hangup_cause_code}, {@code hangup_cause_name}, {@code hangup_source}, and, when present,
 *       its state: {@code call_state} (plivo-java {@code Call.callState}, plivo-go {@code
 *       Call.CallState}) or {@code call_status} (plivo-java's {@code callGetResponse.json}: {@code
 *       "ANSWER"}). Plivo documents neither field nor its values, so the state is read as {@link
 *       #STATES} says, case and separators ignored; a state not listed there, or none, reads as a
 *       {@code completed} hangup whose code decides how an unanswered call ended, as for callbacks.
 *       Answer time or billed time still make a call answered whatever the state. The record has no
 *       machine-detection verdict, so a voicemail call reads as COMPLETED here.
 * </ul>
 *
 * <p>A figure that cannot be read is left out, never guessed; one that reads but lies outside the
 * bounds of {@link CallStatusUpdate} throws {@link IllegalArgumentException}, which the provider
 * reports as a {@code ProviderException}.
 */
public final class PlivoCallResource {
  private PlivoCallResource() {}

  /** A live call's update; {@code raw} is the JSON it came from. */
  public static CallStatusUpdate live(JsonNode call, String raw) {
    String status = PlivoHttp.text(call, "call_status");
    if (status == null) {
      throw new IllegalArgumentException("the live call has no call_status");
    }
    Outcome outcome = PlivoStatuses.status(status, false, null, null, null, null);
    return CallStatusUpdate.builder(outcome.status(), status)
        .providerCallId(PlivoHttp.text(call, "call_uuid"))
        .providerRequestId(PlivoHttp.text(call, "request_uuid"))
        .rawPayload(raw)
        .build();
  }

  /** A queued request's update. */
  public static CallStatusUpdate queued(String requestUuid, String raw) {
    return CallStatusUpdate.builder(CallStatus.QUEUED, "queued")
        .providerRequestId(requestUuid)
        .rawPayload(raw)
        .build();
  }

  /**
   * An ended call's update, from its call detail record.
   *
   * @throws IllegalArgumentException if a time or duration is out of range
   */
  public static CallStatusUpdate ended(JsonNode call, String raw, ZoneId zone) {
    Instant answered = time(call, "answer_time", zone);
    Instant ended = time(call, "end_time", zone);
    Long billed = seconds(call, "bill_duration");
    Long duration = seconds(call, "call_duration");
    String code = PlivoHttp.text(call, "hangup_cause_code");
    String state = state(call);
    String meaning = state == null ? null : STATES.get(normalise(state));
    boolean stateAnswered = "answered".equals(meaning);
    Outcome outcome =
        PlivoStatuses.status(
            meaning == null || stateAnswered ? "completed" : meaning,
            answered != null || (billed != null && billed > 0) || stateAnswered,
            null,
            code,
            PlivoHttp.text(call, "hangup_cause_name"),
            PlivoHttp.text(call, "hangup_source"));
    return CallStatusUpdate.builder(outcome.status(), meaning == null ? "completed" : state)
        .providerCallId(PlivoHttp.text(call, "call_uuid"))
        .answeredAt(answered)
        .endedAt(ended)
        .occurredAt(ended)
        .duration(duration == null ? null : Duration.ofSeconds(duration))
        .billedDuration(billed == null ? null : Duration.ofSeconds(billed))
        .failureReason(outcome.reason())
        .hangupCause(code)
        .rawPayload(raw)
        .build();
  }

  /**
   * The call record's states Dialkit reads, upper-cased with everything but letters removed, and
   * what each means: {@code answered}, or the callback {@code CallStatus} it stands for. The names
   * are those of Plivo's callbacks and of the FreeSWITCH-style dispositions Plivo's legacy {@code
   * HangupCause} uses; plivo-java's fixture shows {@code ANSWER}. UNCONFIRMED beyond it.
   */
  public static final Map<String, String> STATES =
      Map.ofEntries(
          Map.entry("ANSWER", "answered"),
          Map.entry("ANSWERED", "answered"),
          Map.entry("COMPLETED", "completed"),
          Map.entry("BUSY", "busy"),
          Map.entry("USERBUSY", "busy"),
          Map.entry("NOANSWER", "no-answer"),
          Map.entry("CANCEL", "cancel"),
          Map.entry("CANCELED", "cancel"),
          Map.entry("CANCELLED", "cancel"),
          Map.entry("FAILED", "failed"),
          Map.entry("FAILURE", "failed"),
          Map.entry("CONGESTION", "failed"),
          Map.entry("TIMEOUT", "timeout"));

  /**
   * A number as Plivo lists it, compared: trimmed, without a leading {@code +} (Plivo's own
   * fixtures show both {@code "+14158572518"} and {@code "14153268174"}); {@code null} stays null.
   */
  public static String number(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    return v.startsWith("+") ? v.substring(1) : v;
  }

  /**
   * The record's state as Plivo sent it ({@code call_state}, else {@code call_status}), or null.
   */
  static String state(JsonNode call) {
    for (String field : new String[] {"call_state", "call_status"}) {
      String value = PlivoHttp.text(call, field);
      if (value != null && value.length() <= 64) {
        return value.trim();
      }
    }
    return null;
  }

  private static String normalise(String state) {
    return state.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
  }

  /**
   * A Plivo time; an unreadable one is left out, never guessed.
   *
   * @throws IllegalArgumentException if it is outside {@link CallStatusUpdate#INSTANT_RANGE}
   */
  private static Instant time(JsonNode call, String field, ZoneId zone) {
    String value = PlivoHttp.text(call, field);
    Instant t;
    try {
      t = value == null ? null : PlivoStatuses.time(value, zone);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
    if (t != null && !CallStatusUpdate.instantInRange(t)) {
      throw outOfRange(field, CallStatusUpdate.INSTANT_RANGE, value);
    }
    return t;
  }

  /**
   * Whole seconds; an unreadable figure is left out, never guessed.
   *
   * @throws IllegalArgumentException if it is below 0 or over 7 days
   */
  private static Long seconds(JsonNode call, String field) {
    String value = PlivoHttp.text(call, field);
    long s;
    try {
      if (value == null) {
        return null;
      }
      s = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (!CallStatusUpdate.durationInRange(Duration.ofSeconds(s))) {
      throw outOfRange(field, "0 to " + CallStatusUpdate.MAX_DURATION.getSeconds() + " s", value);
    }
    return s;
  }

  private static IllegalArgumentException outOfRange(String field, String range, String value) {
    return new IllegalArgumentException(
        "the call record's "
            + field
            + " is out of range ("
            + range
            + "): "
            + Untrusted.quote(value));
  }
}
