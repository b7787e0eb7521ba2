package dev.dialkit.campaign;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast a campaign dials, below its limits. Pacing never raises any limit: it only lowers the
 * campaign's allowance of calls in progress and delays its next claim.
 *
 * <ul>
 *   <li>{@link Mode#AS_FAST_AS_ALLOWED} (the default): as many calls as the limits allow.
 *   <li>{@link Mode#EVEN_OVER_WINDOW}: each day's leads spread evenly over the calling window, one
 *       call every (window time left today ÷ leads left), re-computed at each call.
 *   <li>{@link Mode#FINISH_BY}: the lowest concurrency that dials every lead before {@code
 *       deadline}: ceil(leads left × mean handle time ÷ calling-window time left before the
 *       deadline), from the observed mean call time (the prior {@code expectedHandleTime} until
 *       calls have ended), re-computed at each pass, so it adapts as leads are added, paused or
 *       fail.
 * </ul>
 *
 * @param mode the mode
 * @param deadline when every lead should have been dialed; set for {@code FINISH_BY} only
 * @param expectedHandleTime the mean handle time (ring and talk) assumed before calls have ended;
 *     set for {@code FINISH_BY} only, 1 s to 24 h
 */
public record Pacing(Mode mode, Instant deadline, Duration expectedHandleTime) {

  /** {@code 2 min}: the handle time {@link #finishBy(Instant)} assumes until calls have ended. */
  public static final Duration DEFAULT_EXPECTED_HANDLE_TIME = Duration.ofMinutes(2);

  /** The pacing modes. */
  public enum Mode {
    /** As fast as the limits allow. */
    AS_FAST_AS_ALLOWED,
    /** Each day's leads spread evenly over the calling window. */
    EVEN_OVER_WINDOW,
    /** The lowest concurrency that finishes by the deadline. */
    FINISH_BY
  }

  public Pacing {
    InvalidConfigurationException.required("pacing.mode", mode);
    if (mode == Mode.FINISH_BY) {
      InvalidConfigurationException.required("pacing.deadline", deadline);
      if (expectedHandleTime == null
          || expectedHandleTime.compareTo(Duration.ofSeconds(1)) < 0
          || expectedHandleTime.compareTo(Duration.ofHours(24)) > 0) {
        throw new InvalidConfigurationException(
            "pacing.expectedHandleTime", expectedHandleTime, "must be between 1 s and 24 h");
      }
    } else if (deadline != null || expectedHandleTime != null) {
      throw new InvalidConfigurationException(
          "pacing.deadline", deadline, "is only for FINISH_BY, not " + mode);
    }
  }

  /** Today's behaviour: as fast as the limits allow. */
  public static Pacing asFastAsAllowed() {
    return new Pacing(Mode.AS_FAST_AS_ALLOWED, null, null);
  }

  /** Each day's leads spread evenly over the calling window. */
  public static Pacing evenOverWindow() {
    return new Pacing(Mode.EVEN_OVER_WINDOW, null, null);
  }

  /** Finish by {@code deadline}, assuming {@link #DEFAULT_EXPECTED_HANDLE_TIME} at first. */
  public static Pacing finishBy(Instant deadline) {
    return finishBy(deadline, DEFAULT_EXPECTED_HANDLE_TIME);
  }

  /** Finish by {@code deadline}, assuming {@code expectedHandleTime} per call at first. */
  public static Pacing finishBy(Instant deadline, Duration expectedHandleTime) {
    return new Pacing(Mode.FINISH_BY, deadline, expectedHandleTime);
  }
}
