package dev.dialkit.campaign.internal;

import java.time.Duration;

/**
 * The two pacing formulas, free of state so that they are tested on their own.
 *
 * <ul>
 *   <li>Even over the window (the seed system's): one call every {@code time left in today's window
 *       ÷ leads left}. Re-computed at each call, this spreads the day's leads evenly and absorbs
 *       leads added or lost during the day.
 *   <li>Finish by a deadline: {@code ceil(leads left × mean handle time ÷ window time left before
 *       the deadline)} calls at once, at least one.
 * </ul>
 */
final class PacingMath {
  private PacingMath() {}

  /** The wait between two calls: {@code windowLeft ÷ leadsLeft}; zero if no lead is left. */
  static Duration evenInterval(Duration windowLeft, long leadsLeft) {
    if (leadsLeft <= 0 || windowLeft.isNegative() || windowLeft.isZero()) {
      return Duration.ZERO;
    }
    return windowLeft.dividedBy(leadsLeft);
  }

  /**
   * The lowest concurrency that dials {@code leadsLeft} leads of {@code meanHandle} each within
   * {@code windowLeft}: at least 1; {@link Integer#MAX_VALUE} (no pacing) once no window time is
   * left, since the deadline can then only be missed by less if the campaign dials at full speed.
   */
  static int finishByConcurrency(long leadsLeft, Duration meanHandle, Duration windowLeft) {
    if (windowLeft.isNegative() || windowLeft.isZero()) {
      return Integer.MAX_VALUE;
    }
    if (leadsLeft <= 0) {
      return 1;
    }
    double needed = (double) leadsLeft * meanHandle.toMillis() / windowLeft.toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(needed - 1e-9)));
  }
}
