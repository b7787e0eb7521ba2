package dev.dialkit.testkit.internal;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.TaskScheduler.Cancellable;
import dev.dialkit.testkit.SimulatedCall;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The mutable state of one accepted simulated call: which of its scripted events have happened and
 * what they changed. Not thread-safe; the provider guards every instance with its lock.
 */
public final class LiveCall {
  public final DialRequest request;
  public final CallScript script;
  public final URI callbackUrl;
  public final SplittableRandom deliveryRandom;
  public final WebhookDelivery.ReorderSlot reorderSlot = new WebhookDelivery.ReorderSlot();

  /** The index in the script of the next event to happen. */
  public int next;

  /** The occurrence task of the next event, if one is scheduled. */
  public Cancellable pending;

  private CallEvent last;
  private CallStatus status = CallStatus.QUEUED;
  private Instant ringingAt;
  private Instant answeredAt;
  private Instant endedAt;
  private boolean hungUp;

  public LiveCall(
      DialRequest request, CallScript script, URI callbackUrl, SplittableRandom deliveryRandom) {
    this.request = request;
    this.script = script;
    this.callbackUrl = callbackUrl;
    this.deliveryRandom = deliveryRandom;
  }

  /** Records that {@code event} happened. */
  public void apply(CallEvent event, boolean byHangUp) {
    last = event;
    status = SimulatedWebhookCodec.status(event.rawStatus(), event.answeredBy());
    switch (event.rawStatus()) {
      case "ringing" -> ringingAt = event.at();
      case "in-progress" -> answeredAt = event.at();
      default -> {}
    }
    if (event.isTerminal()) {
      endedAt = event.at();
      hungUp = byHangUp;
    }
  }

  public boolean ended() {
    return endedAt != null;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  /** The last event that happened, or {@code null} if the call has not been created yet. */
  public CallEvent last() {
    return last;
  }

  /** Whether the next scripted event is due at or before {@code now}. */
  public boolean nextDueBy(Instant now) {
    return !ended()
        && next < script.events().size()
        && !script.events().get(next).at().isAfter(now);
  }

  public SimulatedCall snapshot() {
    Duration talk = null;
    if (endedAt != null) {
      talk = answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt);
    }
    return new SimulatedCall(
        script.events().get(0).callSid(),
        request.callId(),
        request.from(),
        request.to(),
        script.outcome(),
        status,
        script.placedAt(),
        ringingAt,
        answeredAt,
        endedAt,
        talk,
        hungUp);
  }
}
