package dev.dialkit.testkit;

import dev.dialkit.campaign.CallStatus;

/** How a simulated call is planned to end, drawn when the call is placed. */
public enum SimulatedOutcome {
  /** A person answers; the call ends {@code completed}. */
  HUMAN(CallStatus.COMPLETED),
  /** An answering machine picks up; the call ends {@code completed} with a machine verdict. */
  MACHINE(CallStatus.VOICEMAIL),
  /** The line is busy (SIP 486); the call does not ring. */
  BUSY(CallStatus.BUSY),
  /** It rings until the request's ring timeout (SIP 480). */
  NO_ANSWER(CallStatus.NO_ANSWER),
  /** The carrier fails (SIP 503); the call does not ring. */
  FAILED(CallStatus.FAILED);

  private final CallStatus status;

  SimulatedOutcome(CallStatus status) {
    this.status = status;
  }

  /** The status Dialkit should end the call in when nothing interferes (no hang-up). */
  public CallStatus expectedStatus() {
    return status;
  }
}
