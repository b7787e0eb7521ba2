package dev.dialkit.testkit.internal;

import java.time.Instant;
import java.util.Set;

/**
 * One status event of a simulated call, as the provider reports it in a webhook or a status query.
 * Optional fields are {@code null} when the event does not carry them.
 *
 * @param callSid the provider call id
 * @param rawStatus {@code initiated}, {@code ringing}, {@code in-progress}, {@code completed},
 *     {@code busy}, {@code no-answer}, {@code failed}, {@code canceled} (or {@code queued} in a
 *     status query before the call exists)
 * @param at when it happened
 * @param sequence the per-call event number from 0, or {@code null} (status query of a queued call)
 * @param from the caller id, E.164
 * @param to the number dialed, E.164
 * @param answeredBy {@code human} or {@code machine_end_beep}
 * @param answerTime when the call was answered
 * @param endTime when the call ended
 * @param callDurationSeconds talk time in whole seconds, on {@code completed}
 * @param errorCode the provider error code of an unsuccessful end
 * @param sipCode the SIP response code of an unsuccessful end
 */
public record CallEvent(
    String callSid,
    String rawStatus,
    Instant at,
    Long sequence,
    String from,
    String to,
    String answeredBy,
    Instant answerTime,
    Instant endTime,
    Long callDurationSeconds,
    String errorCode,
    String sipCode) {

  private static final Set<String> TERMINAL =
      Set.of("completed", "busy", "no-answer", "failed", "canceled");

  /** Whether this event ends the call. */
  public boolean isTerminal() {
    return TERMINAL.contains(rawStatus);
  }
}
