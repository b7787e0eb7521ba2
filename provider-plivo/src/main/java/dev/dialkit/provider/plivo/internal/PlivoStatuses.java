package dev.dialkit.provider.plivo.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.provider.plivo.internal.PlivoHangupCauses.Outcome;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Plivo's vocabularies mapped to Dialkit's, shared by callbacks and the REST Call resource.
 *
 * <p><b>Answered</b>: a call counts as answered iff it has an answer time or a billed duration over
 * zero; Plivo's {@code CallStatus} alone does not say (a {@code completed} hangup may never have
 * been answered).
 *
 * <p><b>CallStatus</b> ({@code ringing, in-progress, completed, busy, failed, timeout, no-answer,
 * cancel}):
 *
 * <ul>
 *   <li>{@code ringing} → RINGING, {@code in-progress} → ANSWERED;
 *   <li>any end of an answered call → COMPLETED, or VOICEMAIL when machine detection said {@code
 *       Machine=true};
 *   <li>{@code completed} not answered → the hangup code's meaning ({@link PlivoHangupCauses}),
 *       else NO_ANSWER;
 *   <li>{@code busy} → BUSY; {@code no-answer} → NO_ANSWER;
 *   <li>{@code failed} → the hangup code's meaning, else FAILED with reason UNKNOWN;
 *   <li>{@code timeout} (Plivo: a connection timeout at a carrier or in Plivo's network, not a ring
 *       timeout; UNCONFIRMED with real traffic) → the hangup code's meaning, else FAILED
 *       CARRIER_ERROR;
 *   <li>{@code cancel} (Plivo's pages disagree on who canceled) → CANCELED if code 1000 or source
 *       {@code API Request}; FAILED REJECTED if the source is the callee; else CANCELED;
 *   <li>anything else → UNKNOWN (the raw value is kept by the caller).
 * </ul>
 */
public final class PlivoStatuses {
  private static final DateTimeFormatter PLIVO_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private PlivoStatuses() {}

  /**
   * @param raw Plivo's {@code CallStatus}
   * @param answered whether the call counts as answered (answer time or billed time)
   * @param answeredBy machine detection's verdict, or {@code null}
   * @param code {@code HangupCauseCode}, or {@code null}
   * @param name {@code HangupCauseName}, or {@code null}
   * @param source {@code HangupSource}, or {@code null}
   */
  public static Outcome status(
      String raw,
      boolean answered,
      AnsweredBy answeredBy,
      String code,
      String name,
      String source) {
    switch (raw) {
      case "ringing":
        return new Outcome(CallStatus.RINGING, null);
      case "in-progress":
        return new Outcome(CallStatus.ANSWERED, null);
      case "completed", "busy", "no-answer", "failed", "timeout", "cancel":
        break;
      default:
        return new Outcome(CallStatus.UNKNOWN, null);
    }
    if (answered) {
      boolean machine = answeredBy != null && answeredBy.isMachine();
      return new Outcome(machine ? CallStatus.VOICEMAIL : CallStatus.COMPLETED, null);
    }
    Outcome byCode = PlivoHangupCauses.unanswered(code, name);
    return switch (raw) {
      case "busy" -> new Outcome(CallStatus.BUSY, null);
      case "no-answer" -> new Outcome(CallStatus.NO_ANSWER, null);
      case "completed" -> byCode != null ? byCode : new Outcome(CallStatus.NO_ANSWER, null);
      case "failed" ->
          byCode != null ? byCode : new Outcome(CallStatus.FAILED, FailureReason.UNKNOWN);
      case "timeout" ->
          byCode != null ? byCode : new Outcome(CallStatus.FAILED, FailureReason.CARRIER_ERROR);
      default -> cancel(byCode, source);
    };
  }

  private static Outcome cancel(Outcome byCode, String source) {
    String s = source == null ? "" : source.toLowerCase(Locale.ROOT);
    if ((byCode != null && byCode.status() == CallStatus.CANCELED) || s.equals("api request")) {
      return new Outcome(CallStatus.CANCELED, null);
    }
    if (s.equals("callee") || s.equals("call recipient")) {
      return new Outcome(CallStatus.FAILED, FailureReason.REJECTED);
    }
    return new Outcome(CallStatus.CANCELED, null);
  }

  /** {@code Machine}: {@code true} → MACHINE, {@code false} → HUMAN, else {@code null}. */
  public static AnsweredBy answeredBy(String machine) {
    if (machine == null) {
      return null;
    }
    return switch (machine.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> AnsweredBy.MACHINE;
      case "false" -> AnsweredBy.HUMAN;
      default -> null;
    };
  }

  /**
   * A Plivo time that carries its own offset ({@code 2022-06-28 19:39:05+05:30}), or {@code null}
   * when it has none or cannot be read.
   */
  public static OffsetDateTime withOffset(String text) {
    try {
      return PLIVO_TIME.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from)
              instanceof OffsetDateTime odt
          ? odt
          : null;
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * Parses Plivo's {@code yyyy-MM-dd HH:mm:ss} times, with optional fraction and offset ({@code
   * 2022-06-28 19:39:05+05:30} in Plivo's own Call object example). Without an offset the time is
   * in {@code zone}: Plivo documents its REST times as "local timezone as set in your Plivo
   * console", and its callbacks' times carry no zone at all (UTC assumed, UNCONFIRMED).
   *
   * @throws DateTimeParseException if the text is not such a time
   */
  public static Instant time(String text, ZoneId zone) {
    var parsed = PLIVO_TIME.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime odt
        ? odt.toInstant()
        : ((LocalDateTime) parsed).atZone(zone).toInstant();
  }
}
