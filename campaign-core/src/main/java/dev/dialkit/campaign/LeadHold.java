package dev.dialkit.campaign;

/**
 * Why the store passed a due lead over when it claimed, or that it waits for a callback; recorded
 * on the lead until it is claimed.
 */
public enum LeadHold {
  /** Its number is on the tenant's do-not-call list: the lead is {@code SKIPPED} for good. */
  SUPPRESSED,
  /** The number was called as often as {@link AttemptCaps#perRolling24Hours()} allows. */
  ROLLING_24_HOUR_CAP,
  /** The number was called as often as {@link AttemptCaps#perCalendarDay()} allows today. */
  CALENDAR_DAY_CAP,
  /**
   * Not a pass-over: the lead waits for a callback the person asked for ({@link Leads#callback}),
   * due at its {@code nextAttemptAt}; cleared when it is claimed.
   */
  CALLBACK,

  /** The campaign's schedule ended before the lead was done: it is {@code SKIPPED} for good. */
  EXPIRED
}
