package dev.dialkit.testkit;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.PhoneNumber;
import java.time.Duration;
import java.time.Instant;

/**
 * The ground truth about one call a {@link SimulatedCallProvider} accepted, as of the moment it was
 * read: what really happened, whatever the webhooks said or failed to say. Tests compare Dialkit's
 * figures against it. Times that have not happened yet are {@code null}; all times have millisecond
 * precision.
 *
 * @param providerCallId the provider's id ({@code SIM1}, {@code SIM2}, ...)
 * @param callId Dialkit's id of the call, from the dial request
 * @param from the caller id
 * @param to the number dialed
 * @param outcome how the call was planned to end when it was placed
 * @param status the call's true status now ({@link CallStatus#QUEUED} until the provider created
 *     it; {@link CallStatus#CANCELED} or an early {@code COMPLETED} after a hang-up)
 * @param placedAt when {@code place()} was called
 * @param ringingAt when it started ringing, or {@code null}
 * @param answeredAt when it was answered, or {@code null}
 * @param endedAt when it ended, or {@code null} while it is active
 * @param talkTime ended minus answered; zero for an ended call never answered; {@code null} while
 *     it is active
 * @param hungUp whether it ended because of {@code hangUp()}
 */
public record SimulatedCall(
    String providerCallId,
    CallId callId,
    PhoneNumber from,
    PhoneNumber to,
    SimulatedOutcome outcome,
    CallStatus status,
    Instant placedAt,
    Instant ringingAt,
    Instant answeredAt,
    Instant endedAt,
    Duration talkTime,
    boolean hungUp) {

  /** Whether the call has not ended yet. */
  public boolean isActive() {
    return endedAt == null;
  }

  /**
   * The talk time as the simulated provider reports it in {@code CallDuration}: rounded to whole
   * seconds, what a provider bills and what Dialkit stores as the call's duration; {@code null}
   * while the call is active.
   */
  public java.time.Duration billedDuration() {
    return talkTime == null
        ? null
        : java.time.Duration.ofSeconds((talkTime.toMillis() + 500) / 1000);
  }
}
