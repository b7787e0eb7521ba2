package dev.dialkit.campaign;

/** Who picked up, as answering-machine detection reported it. */
public enum AnsweredBy {
  HUMAN,
  MACHINE,
  FAX,
  UNKNOWN;

  /** Whether a call answered this way counts as voicemail rather than a conversation. */
  public boolean isMachine() {
    return this == MACHINE || this == FAX;
  }
}
