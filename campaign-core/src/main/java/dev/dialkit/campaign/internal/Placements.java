package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls this instance is placing right now, and how far each has got. Only the instance that
 * claimed a call ever asks a permit for it, so this instance knows exactly which of its calls are
 * still waiting to be sent, being handed to the provider, or handed over. Recovery leaves these
 * alone; the pause fence uses them to tell a request already handed over from one still in flight.
 */
final class Placements {
  /**
   * A claimed call that has waited longer than this (pre-dial hooks, rate limiter, retry backoff)
   * is treated as abandoned by recovery: its placement is stuck. Its permit, if it ever asks, is
   * then refused because recovery released the call.
   */
  static final Duration STUCK_AFTER = Duration.ofMinutes(5);

  enum Stage {
    /** Claimed; waiting for hooks, the rate limiter or a retry backoff; no permit yet. */
    WAITING,
    /** Permitted; the create request is about to be handed to the provider. */
    PERMITTED,
    /** Handed to the provider; its answer has not been recorded yet. */
    HANDED_OFF
  }

  private record Entry(Stage stage, Instant since) {}

  private final Map<CallId, Entry> entries = new ConcurrentHashMap<>();

  void waiting(CallId call, Instant now) {
    entries.put(call, new Entry(Stage.WAITING, now));
  }

  void permitted(CallId call, Instant now) {
    entries.put(call, new Entry(Stage.PERMITTED, now));
  }

  void handedOff(CallId call, Instant now) {
    entries.put(call, new Entry(Stage.HANDED_OFF, now));
  }

  /** The placement ended: the provider's answer, a release or a failure is recorded. */
  void done(CallId call) {
    entries.remove(call);
  }

  /** Whether a live placement of this instance owns the call (not one stuck for too long). */
  boolean owns(CallId call, Instant now) {
    Entry entry = entries.get(call);
    return entry != null
        && (entry.stage != Stage.WAITING || now.isBefore(entry.since.plus(STUCK_AFTER)));
  }

  /** Whether a create request of this instance is permitted or at the provider, unanswered. */
  boolean sending() {
    return entries.values().stream().anyMatch(e -> e.stage != Stage.WAITING);
  }

  /** The call's stage, or {@code null} if this instance is not placing it. */
  Stage stage(CallId call) {
    Entry entry = entries.get(call);
    return entry == null ? null : entry.stage;
  }
}
