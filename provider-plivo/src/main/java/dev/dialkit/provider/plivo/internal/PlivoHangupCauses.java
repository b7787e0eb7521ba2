package dev.dialkit.provider.plivo.internal;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import java.util.Locale;

/**
 * Plivo's {@code HangupCauseCode} table (docs.plivo.com/docs/voice/troubleshooting/hangup-causes)
 * mapped to how a call that was <b>not answered</b> ended. An answered call ends {@code COMPLETED}
 * (or {@code VOICEMAIL}) whatever its code, so the table is never asked about one.
 *
 * <table>
 *   <caption>Codes</caption>
 *   <tr><th>Code</th><th>Plivo's name</th><th>Dialkit</th></tr>
 *   <tr><td>0</td><td>Unknown</td><td>no verdict: the raw status decides</td></tr>
 *   <tr><td>1000</td><td>Canceled (Hangup API before answer)</td><td>CANCELED</td></tr>
 *   <tr><td>1010</td><td>Out of credits</td><td>FAILED, ACCOUNT_OR_PERMISSION</td></tr>
 *   <tr><td>1020</td><td>Simultaneous dial limit</td><td>FAILED, RATE_LIMITED</td></tr>
 *   <tr><td>2000, 2010</td><td>Invalid destination, out of service</td><td>FAILED,
 *       INVALID_NUMBER</td></tr>
 *   <tr><td>2020</td><td>Endpoint not registered</td><td>FAILED, UNREACHABLE</td></tr>
 *   <tr><td>2030, 2040</td><td>Country / number barred</td><td>FAILED,
 *       ACCOUNT_OR_PERMISSION</td></tr>
 *   <tr><td>other 2xxx</td><td>loop detected, …</td><td>FAILED, PROVIDER_ERROR</td></tr>
 *   <tr><td>3xxx</td><td>not answered / carrier</td><td>by {@code HangupCauseName} (per-code names
 *       UNCONFIRMED): busy → BUSY; no answer, ring timeout → NO_ANSWER; rejected, declined →
 *       FAILED REJECTED; unreachable, unavailable, out of service → FAILED UNREACHABLE; else FAILED
 *       CARRIER_ERROR</td></tr>
 *   <tr><td>4xxx</td><td>normal hangup, end of XML, …</td><td>NO_ANSWER (normal end, never
 *       answered: the caller side gave up)</td></tr>
 *   <tr><td>5030</td><td>Concurrency limit breached (India)</td><td>FAILED, RATE_LIMITED</td></tr>
 *   <tr><td>5xxx–8xxx</td><td>Plivo or error side</td><td>FAILED, PROVIDER_ERROR</td></tr>
 *   <tr><td>anything else</td><td></td><td>FAILED, UNKNOWN</td></tr>
 * </table>
 */
public final class PlivoHangupCauses {
  /** How an unanswered call ended. */
  public record Outcome(CallStatus status, FailureReason reason) {}

  private PlivoHangupCauses() {}

  /** The verdict for {@code code}, or {@code null} if it gives none (missing, 0, unreadable). */
  public static Outcome unanswered(String code, String name) {
    int c;
    try {
      c = code == null ? 0 : Integer.parseInt(code.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (c == 0) {
      return null;
    }
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return switch (c) {
      case 1000 -> new Outcome(CallStatus.CANCELED, null);
      case 1010, 2030, 2040 -> failed(FailureReason.ACCOUNT_OR_PERMISSION);
      case 1020, 5030 -> failed(FailureReason.RATE_LIMITED);
      case 2000, 2010 -> failed(FailureReason.INVALID_NUMBER);
      case 2020 -> failed(FailureReason.UNREACHABLE);
      default -> {
        if (c >= 2000 && c < 3000) {
          yield failed(FailureReason.PROVIDER_ERROR);
        }
        if (c >= 3000 && c < 4000) {
          yield notAnswered(n);
        }
        if (c >= 4000 && c < 5000) {
          yield new Outcome(CallStatus.NO_ANSWER, null);
        }
        if (c >= 5000 && c < 9000) {
          yield failed(FailureReason.PROVIDER_ERROR);
        }
        yield failed(FailureReason.UNKNOWN);
      }
    };
  }

  private static Outcome notAnswered(String name) {
    if (name.contains("busy")) {
      return new Outcome(CallStatus.BUSY, null);
    }
    if (name.contains("no answer") || name.contains("not answered") || name.contains("timeout")) {
      return new Outcome(CallStatus.NO_ANSWER, null);
    }
    if (name.contains("reject") || name.contains("declin")) {
      return failed(FailureReason.REJECTED);
    }
    if (name.contains("unreachable")
        || name.contains("unavailable")
        || name.contains("out of service")) {
      return failed(FailureReason.UNREACHABLE);
    }
    return failed(FailureReason.CARRIER_ERROR);
  }

  private static Outcome failed(FailureReason reason) {
    return new Outcome(CallStatus.FAILED, reason);
  }
}
