package dev.dialkit.provider.sanspbx.internal;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import java.util.Locale;
import java.util.Map;

/**
 * SansPBX's {@code disposition} mapped to Dialkit's outcome. The values seen in public integrations
 * are {@code ANSWER}, {@code NOANSWER}, {@code BUSY} and {@code FAILED} (one client lower-cases
 * them); the others are Asterisk's {@code DIALSTATUS} values, which these look like (an inference,
 * UNCONFIRMED). Matching ignores case and any character that is not a letter, so {@code no-answer}
 * and {@code NO ANSWER} read as {@code NOANSWER}.
 *
 * <table>
 *   <caption>disposition → outcome</caption>
 *   <tr><th>disposition</th><th>status</th><th>failure reason</th></tr>
 *   <tr><td>ANSWER, ANSWERED, COMPLETED</td><td>COMPLETED</td><td></td></tr>
 *   <tr><td>NOANSWER</td><td>NO_ANSWER</td><td></td></tr>
 *   <tr><td>BUSY</td><td>BUSY</td><td></td></tr>
 *   <tr><td>CANCEL, CANCELED, CANCELLED</td><td>CANCELED</td><td></td></tr>
 *   <tr><td>FAILED</td><td>FAILED</td><td>UNKNOWN</td></tr>
 *   <tr><td>CONGESTION</td><td>FAILED</td><td>CARRIER_ERROR</td></tr>
 *   <tr><td>CHANUNAVAIL</td><td>FAILED</td><td>UNREACHABLE</td></tr>
 *   <tr><td>DONTCALL, TORTURE</td><td>FAILED</td><td>REJECTED</td></tr>
 *   <tr><td>INVALIDARGS</td><td>FAILED</td><td>PROVIDER_ERROR</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN (raw value kept, never applied)</td><td></td></tr>
 * </table>
 *
 * <p>SansPBX reports no answering-machine verdict, so an answered call is never VOICEMAIL.
 */
public final class SansPbxDispositions {
  /** A mapped disposition: the status, and the reason of a failure (else {@code null}). */
  public record Outcome(CallStatus status, FailureReason reason) {}

  private static final Outcome COMPLETED = new Outcome(CallStatus.COMPLETED, null);
  private static final Outcome CANCELED = new Outcome(CallStatus.CANCELED, null);
  private static final Outcome REJECTED = failed(FailureReason.REJECTED);

  private static final Map<String, Outcome> TABLE =
      Map.ofEntries(
          Map.entry("ANSWER", COMPLETED),
          Map.entry("ANSWERED", COMPLETED),
          Map.entry("COMPLETED", COMPLETED),
          Map.entry("NOANSWER", new Outcome(CallStatus.NO_ANSWER, null)),
          Map.entry("BUSY", new Outcome(CallStatus.BUSY, null)),
          Map.entry("CANCEL", CANCELED),
          Map.entry("CANCELED", CANCELED),
          Map.entry("CANCELLED", CANCELED),
          Map.entry("FAILED", failed(FailureReason.UNKNOWN)),
          Map.entry("CONGESTION", failed(FailureReason.CARRIER_ERROR)),
          Map.entry("CHANUNAVAIL", failed(FailureReason.UNREACHABLE)),
          Map.entry("DONTCALL", REJECTED),
          Map.entry("TORTURE", REJECTED),
          Map.entry("INVALIDARGS", failed(FailureReason.PROVIDER_ERROR)));

  private static final Outcome UNKNOWN = new Outcome(CallStatus.UNKNOWN, null);

  private SansPbxDispositions() {}

  /**
   * The outcome of {@code disposition}; {@link CallStatus#UNKNOWN} for a value not in the table.
   */
  public static Outcome of(String disposition) {
    String key = disposition.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    return TABLE.getOrDefault(key, UNKNOWN);
  }

  /** Every disposition of the table, as SansPBX would write it: for tests and the README. */
  public static Map<String, Outcome> table() {
    return TABLE;
  }

  private static Outcome failed(FailureReason reason) {
    return new Outcome(CallStatus.FAILED, reason);
  }
}
