package dev.dialkit.campaign;

/**
 * The state machine of one call: {@code INITIATED -> QUEUED -> RINGING -> ANSWERED -> COMPLETED},
 * or one of the terminal {@code BUSY}, {@code NO_ANSWER}, {@code FAILED}, {@code CANCELED}, {@code
 * VOICEMAIL} from any non-terminal state. States skip freely forward (a provider may report only
 * the end) but never move back, and a terminal state is reached once.
 *
 * <p>{@link #UNKNOWN} is not a state a call is ever in: it is what a provider's status maps to when
 * Dialkit does not know it. Such an update keeps the raw value, is recorded and is never applied.
 */
public enum CallStatus {
  INITIATED(0),
  QUEUED(1),
  RINGING(2),
  ANSWERED(3),
  COMPLETED(4),
  VOICEMAIL(4),
  BUSY(4),
  NO_ANSWER(4),
  FAILED(4),
  CANCELED(4),
  UNKNOWN(-1);

  private final int rank;

  CallStatus(int rank) {
    this.rank = rank;
  }

  /** The position in the lifecycle; every terminal state has the highest rank. */
  public int rank() {
    return rank;
  }

  public boolean isTerminal() {
    return rank == 4;
  }

  /** Whether the call was picked up (by a person or a machine) in this state. */
  public boolean isAnswered() {
    return this == ANSWERED || this == COMPLETED || this == VOICEMAIL;
  }

  /** Whether a call in this state may move to {@code next}: only forward, never from terminal. */
  public boolean canMoveTo(CallStatus next) {
    return this != UNKNOWN && next != UNKNOWN && !isTerminal() && next.rank > rank;
  }
}
