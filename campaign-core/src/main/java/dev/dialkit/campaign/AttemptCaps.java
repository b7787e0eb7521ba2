package dev.dialkit.campaign;

/**
 * How often one number may be called, across every campaign of a tenant. A call counts from its
 * claim (a call released before it was sent does not count); {@code 0} means no cap. Enforced by
 * the store inside the claim, so several dialer instances cannot exceed it; a lead at a cap is
 * deferred to the moment the cap allows (its {@link DialDecision} says {@link
 * DialDecision.Reason#ATTEMPT_CAP}).
 *
 * @param perRolling24Hours calls in any 24 hours, e.g. 3 under Florida's 2021 amendment of its
 *     Telemarketing Act (SB 1120; Fla. Stat. 501.616(6)(b) per secondary sources: at most three
 *     calls on the same subject in 24 hours; see {@link #florida()})
 * @param perCalendarDay calls per calendar day in the lead's time zone
 */
public record AttemptCaps(int perRolling24Hours, int perCalendarDay) {
  /** No cap: the default. */
  public static final AttemptCaps NONE = new AttemptCaps(0, 0);

  /** The largest cap accepted. */
  public static final int MAX_CAP = 1000;

  public AttemptCaps {
    check("perRolling24Hours", perRolling24Hours);
    check("perCalendarDay", perCalendarDay);
  }

  private static void check(String field, int value) {
    if (value < 0 || value > MAX_CAP) {
      throw new InvalidConfigurationException(
          "attemptCaps." + field, value, "must be 0 (no cap) to " + MAX_CAP);
    }
  }

  /** At most {@code calls} calls to a number in any 24 hours. */
  public static AttemptCaps perRolling24Hours(int calls) {
    return new AttemptCaps(calls, 0);
  }

  /** At most {@code calls} calls to a number per calendar day in the lead's time zone. */
  public static AttemptCaps perCalendarDay(int calls) {
    return new AttemptCaps(0, calls);
  }

  /** These caps and also at most {@code calls} per calendar day. */
  public AttemptCaps andPerCalendarDay(int calls) {
    return new AttemptCaps(perRolling24Hours, calls);
  }

  /**
   * Florida: at most 3 calls to a number in any 24 hours (SB 1120, 2021, amending the Florida
   * Telemarketing Act; the rule counts calls "on the same subject matter", which Dialkit cannot
   * tell, so it counts every call of the tenant). Pair it with {@link CallingWindow#florida()}. Not
   * legal advice: verify against the statute in force.
   */
  public static AttemptCaps florida() {
    return perRolling24Hours(3);
  }

  /** Whether no cap is set. */
  public boolean isNone() {
    return perRolling24Hours == 0 && perCalendarDay == 0;
  }
}
