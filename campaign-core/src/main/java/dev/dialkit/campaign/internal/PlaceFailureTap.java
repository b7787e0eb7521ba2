package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.TransitionResult;
import java.util.List;

/**
 * Tells the observers of each failed create request, from the {@code CALL_PLACE_FAILED} entries the
 * dialer writes to its store: every path by which a placement fails (refused, refused for now and
 * retried, ambiguous) writes one, so reading them at the store catches all of them in one place. An
 * entry with the status {@code FAILED} ended its call; one without leaves the call open.
 */
final class PlaceFailureTap {
  private final Observers observers;

  PlaceFailureTap(Observers observers) {
    this.observers = observers;
  }

  /**
   * After the store method {@code method} succeeded with {@code args}, returning {@code result}.
   */
  void written(String method, Object[] args, Object result) {
    if (!observers.any() || args == null || args.length != 1) {
      return;
    }
    if (method.equals("appendLog") && args[0] instanceof List<?> entries) {
      entries.forEach(this::entry);
    } else if (method.equals("applyTransition")
        && args[0] instanceof CallTransition transition
        && result instanceof TransitionResult applied
        && applied.outcome() == TransitionResult.Outcome.APPLIED
        && transition.log() != null) {
      transition.log().forEach(this::entry);
    }
  }

  private void entry(Object item) {
    if (item instanceof CallLogEntry entry
        && entry.event() == CallLogEvent.CALL_PLACE_FAILED
        && entry.callId() != null) {
      observers.placeFailed(
          new DialerObserver.PlaceFailure(
              entry.tenant(),
              entry.campaignId(),
              entry.callId(),
              entry.provider() == null ? DialerObserver.Webhook.UNKNOWN_PROVIDER : entry.provider(),
              entry.status() == CallStatus.FAILED));
    }
  }
}
