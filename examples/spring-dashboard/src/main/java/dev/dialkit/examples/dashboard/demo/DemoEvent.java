package dev.dialkit.examples.dashboard.demo;

import java.time.Duration;

/**
 * One status callback of a demo call, as the script plans it.
 *
 * @param after when it is sent, in simulated time after the call was placed
 * @param status the provider status sent ({@code ringing}, {@code in-progress}, {@code completed},
 *     ...)
 * @param answeredBy {@code human} or {@code machine_end_beep} once answered, or {@code null}
 * @param talkSeconds the talk time in simulated seconds on {@code completed}, or {@code null}
 * @param sipCode the SIP response of an unsuccessful end, or {@code null}
 */
record DemoEvent(
    Duration after, String status, String answeredBy, Long talkSeconds, String sipCode) {

  boolean terminal() {
    return switch (status) {
      case "completed", "busy", "no-answer", "failed", "canceled" -> true;
      default -> false;
    };
  }
}
