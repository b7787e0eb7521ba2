package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CounterDelta;
import java.util.List;

/**
 * One atomic change to a call and everything that changes with it. A store applies all of it or
 * none of it, and only if the stored call still has {@code expectedVersion}.
 *
 * @param call the call as it is to be stored; its version is {@code expectedVersion + 1}
 * @param expectedVersion the version the change was computed from
 * @param dedupeKey the update's idempotency key, or {@code null} for a change that is not a
 *     provider update; a key already recorded for this call makes the transition a duplicate
 * @param releaseSlot free the call's concurrency slot (exactly once: a released slot stays
 *     released)
 * @param leadOutcome what happens to the lead, or {@code null} to leave it
 * @param counters amounts to add to the campaign's counters
 * @param log entries to append to the call log
 */
public record CallTransition(
    Call call,
    long expectedVersion,
    String dedupeKey,
    boolean releaseSlot,
    LeadOutcome leadOutcome,
    CounterDelta counters,
    List<CallLogEntry> log) {
  public CallTransition {
    if (call == null || counters == null) {
      throw new IllegalArgumentException("transition call and counters are required");
    }
    if (call.version() != expectedVersion + 1) {
      throw new IllegalArgumentException(
          "transition must bump the version by one: expected "
              + (expectedVersion + 1)
              + ", was "
              + call.version());
    }
    log = List.copyOf(log);
  }
}
