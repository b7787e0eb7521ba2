package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The queued leads of one campaign, so that the next due lead is found in logarithmic time. Leads
 * wait ordered by due time and move to the ready set, ordered by priority then sequence, once due.
 * Not thread-safe: the owning store guards it.
 */
final class LeadQueue {
  private record Entry(LeadId id, int priority, long sequence, Instant due) {}

  // sequences are unique within a campaign, so both orders are total
  private static final Comparator<Entry> READY_ORDER =
      Comparator.comparingInt((Entry e) -> -e.priority()).thenComparingLong(Entry::sequence);
  private static final Comparator<Entry> WAITING_ORDER =
      Comparator.comparing(Entry::due).thenComparingLong(Entry::sequence);

  private final NavigableSet<Entry> ready = new TreeSet<>(READY_ORDER);
  private final NavigableSet<Entry> waiting = new TreeSet<>(WAITING_ORDER);
  private final Map<LeadId, Entry> queued = new HashMap<>();

  /** Queues {@code lead}, replacing any earlier entry for it. */
  void add(Lead lead) {
    remove(lead.id());
    Entry entry = new Entry(lead.id(), lead.priority(), lead.sequence(), lead.nextAttemptAt());
    queued.put(lead.id(), entry);
    waiting.add(entry);
  }

  /** Takes the lead out of the queue, if it is queued. */
  void remove(LeadId id) {
    Entry entry = queued.remove(id);
    if (entry != null) {
      ready.remove(entry);
      waiting.remove(entry);
    }
  }

  /** Removes and returns the best lead due at {@code now}, or {@code null} if none is due. */
  LeadId pollDue(Instant now) {
    while (!waiting.isEmpty() && !waiting.first().due().isAfter(now)) {
      ready.add(waiting.pollFirst());
    }
    while (!ready.isEmpty()) {
      Entry best = ready.pollFirst();
      if (!best.due().isAfter(now)) {
        queued.remove(best.id());
        return best.id();
      }
      // promoted by a claimer whose clock ran ahead of this one: not due yet for this claim
      waiting.add(best);
    }
    return null;
  }
}
