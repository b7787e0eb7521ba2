package dev.dialkit.provider.bolna.internal;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import java.util.Locale;

/**
 * Bolna's execution {@code status} mapped to Dialkit's lifecycle. Sources: Bolna's OpenAPI spec
 * ({@code AgentExecution.status}), bolna.ai/docs/list-phone-call-status, bolna-ai/skills {@code
 * references/call-statuses.md}, {@code hangup-codes.md}, and
 * bolna.ai/docs/api-reference/executions/ payload ("completed does not mean a conversation
 * happened").
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>Bolna</th><th>Dialkit</th></tr>
 *   <tr><td>{@code scheduled}, {@code queued}, {@code rescheduled}</td><td>QUEUED</td></tr>
 *   <tr><td>{@code initiated}</td><td>INITIATED</td></tr>
 *   <tr><td>{@code ringing}</td><td>RINGING</td></tr>
 *   <tr><td>{@code in-progress}</td><td>ANSWERED</td></tr>
 *   <tr><td>{@code call-disconnected}</td><td>not terminal (post-processing runs; {@code completed}
 *       follows): ANSWERED if the execution shows an answer, else INITIATED, which moves no placed
 *       call anywhere</td></tr>
 *   <tr><td>{@code completed}</td><td>answered (conversation over 0 s or a transcript, and no
 *       hangup reason that says otherwise): VOICEMAIL if {@code answered_by_voice_mail}, else
 *       COMPLETED; not answered: the hangup reason's verdict ({@link #unanswered}), else
 *       NO_ANSWER</td></tr>
 *   <tr><td>{@code busy}</td><td>BUSY</td></tr>
 *   <tr><td>{@code no-answer}</td><td>NO_ANSWER</td></tr>
 *   <tr><td>{@code balance-low} ({@code balance_low} in older docs)</td><td>FAILED,
 *       ACCOUNT_OR_PERMISSION (never retried)</td></tr>
 *   <tr><td>{@code canceled} ({@code cancelled} tolerated)</td><td>CANCELED</td></tr>
 *   <tr><td>{@code stopped}</td><td>FAILED, PROVIDER_ERROR: the telephony provider did not respond
 *       or the call was force-stopped; a failure, not a cancel</td></tr>
 *   <tr><td>{@code failed}</td><td>FAILED, with the reason the hangup reason or error message
 *       gives, else UNKNOWN</td></tr>
 *   <tr><td>{@code error}</td><td>FAILED, PROVIDER_ERROR</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN, raw value kept</td></tr>
 * </table>
 */
public final class BolnaStatuses {
  /** A mapped status, with the failure reason of an unsuccessful end. */
  public record Outcome(CallStatus status, FailureReason reason) {}

  private BolnaStatuses() {}

  /**
   * @param raw Bolna's {@code status}, as sent
   * @param answered whether the execution shows an answer (see the table)
   * @param voicemail {@code answered_by_voice_mail}
   * @param hangupReason {@code telephony_data.hangup_reason}, or {@code null}
   * @param hangupCode {@code hangup_provider_code} (or {@code hangup_code}), or {@code null}
   * @param errorMessage {@code error_message}, or {@code null}
   */
  public static Outcome status(
      String raw,
      boolean answered,
      boolean voicemail,
      String hangupReason,
      String hangupCode,
      String errorMessage) {
    String s = raw.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (s) {
      case "scheduled", "queued", "rescheduled" -> of(CallStatus.QUEUED);
      case "initiated" -> of(CallStatus.INITIATED);
      case "ringing" -> of(CallStatus.RINGING);
      case "in-progress" -> of(CallStatus.ANSWERED);
      case "call-disconnected" -> of(answered ? CallStatus.ANSWERED : CallStatus.INITIATED);
      case "completed" -> completed(answered, voicemail, hangupReason, hangupCode);
      case "busy" -> of(CallStatus.BUSY);
      case "no-answer" -> of(CallStatus.NO_ANSWER);
      case "balance-low" -> failed(FailureReason.ACCOUNT_OR_PERMISSION);
      case "canceled", "cancelled" -> of(CallStatus.CANCELED);
      case "stopped", "error" -> failed(FailureReason.PROVIDER_ERROR);
      case "failed" -> {
        Outcome byReason = unanswered(hangupReason, hangupCode);
        if (byReason == null) {
          byReason = unanswered(errorMessage, null);
        }
        yield byReason != null && byReason.status() == CallStatus.FAILED
            ? byReason
            : failed(FailureReason.UNKNOWN);
      }
      default -> of(CallStatus.UNKNOWN);
    };
  }

  private static Outcome completed(
      boolean answered, boolean voicemail, String hangupReason, String hangupCode) {
    if (answered && !deniesAnswer(hangupReason)) {
      return of(voicemail ? CallStatus.VOICEMAIL : CallStatus.COMPLETED);
    }
    Outcome notAnswered = unanswered(hangupReason, hangupCode);
    if (notAnswered != null) {
      return notAnswered;
    }
    // no answer shown and no reason given: Bolna's "completed" is no proof of an answer
    return of(voicemail ? CallStatus.VOICEMAIL : CallStatus.NO_ANSWER);
  }

  /** Whether a hangup reason says the callee never talked (busy, unanswered, rejected, invalid). */
  private static boolean deniesAnswer(String reason) {
    if (reason == null) {
      return false;
    }
    String r = reason.toLowerCase(Locale.ROOT);
    return r.contains("busy")
        || r.contains("unanswered")
        || r.contains("no answer")
        || r.contains("not answered")
        || r.contains("invalid")
        || r.contains("reject")
        || r.contains("declin");
  }

  /**
   * The verdict a hangup reason (Bolna's carrier-side texts, {@code hangup-codes.md}) or a
   * Plivo-style provider code gives about a call that did not connect; {@code null} if it says the
   * call ended normally or says nothing. Texts are matched loosely, case-insensitively, as Bolna's
   * vocabulary is a documentation table, not an enum.
   */
  public static Outcome unanswered(String reason, String code) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (r.contains("busy")) {
      return of(CallStatus.BUSY);
    }
    if (r.contains("unanswered")
        || r.contains("no answer")
        || r.contains("no-answer")
        || r.contains("not answered")
        || r.contains("timed out")
        || (r.contains("timeout") && !r.contains("inactivity"))) {
      return of(CallStatus.NO_ANSWER);
    }
    if (r.contains("invalid")) {
      return failed(FailureReason.INVALID_NUMBER);
    }
    if (r.contains("reject") || r.contains("declin")) {
      return failed(FailureReason.REJECTED);
    }
    if (r.contains("cancel")) {
      return of(CallStatus.CANCELED);
    }
    if (r.contains("balance") || r.contains("credit")) {
      return failed(FailureReason.ACCOUNT_OR_PERMISSION);
    }
    if (r.contains("congestion")
        || r.contains("unable to receive media")
        || r.contains("unable to reach")
        || r.contains("carrier internal error")) {
      return failed(FailureReason.CARRIER_ERROR);
    }
    if (r.contains("bolna error") || r.contains("telephony internal error") || r.equals("failed")) {
      return failed(FailureReason.PROVIDER_ERROR);
    }
    return byCode(code);
  }

  /**
   * Plivo-style codes, as Bolna's {@code hangup-codes.md} lists them by {@code hangup_by}: 1010
   * (Plivo: out of credit), 2000/2010 (invalid destination), 3000 (busy line) and 3020 (listed
   * under the callee: not answered) are Plivo's meanings and UNCONFIRMED for Bolna; other 3xxx are
   * carrier failures, 5xxx–8xxx errors; 0 and 4xxx (normal hangups, API requests) give no verdict.
   */
  private static Outcome byCode(String code) {
    int c;
    try {
      c = code == null ? 0 : Integer.parseInt(code.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (c == 1010) {
      return failed(FailureReason.ACCOUNT_OR_PERMISSION);
    }
    if (c == 2000 || c == 2010) {
      return failed(FailureReason.INVALID_NUMBER);
    }
    if (c == 3000) {
      return of(CallStatus.BUSY);
    }
    if (c == 3020) {
      return of(CallStatus.NO_ANSWER);
    }
    if (c >= 3000 && c < 4000) {
      return failed(FailureReason.CARRIER_ERROR);
    }
    if (c >= 5000 && c < 9000) {
      return failed(FailureReason.PROVIDER_ERROR);
    }
    return null;
  }

  private static Outcome of(CallStatus status) {
    return new Outcome(status, null);
  }

  private static Outcome failed(FailureReason reason) {
    return new Outcome(CallStatus.FAILED, reason);
  }
}
