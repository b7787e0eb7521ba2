package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The queued leads of one campaign, so that the next due lead is found in logarithmic time. Leads
 * are kept per time zone (a claim may admit only the zones whose calling window is open); within a
 * zone they wait ordered by due time and move to the ready set, ordered by priority then sequence,
 * once due. Not thread-safe: the owning store guards it.
 */
final class LeadQueue {
  private record Entry(LeadId id, ZoneId zone, int priority, long sequence, Instant due) {}

  // sequences are unique within a campaign, so both orders are total
  private static final Comparator<Entry> READY_ORDER =
      Comparator.comparingInt((Entry e) -> -e.priority()).thenComparingLong(Entry::sequence);
  private static final Comparator<Entry> WAITING_ORDER =
      Comparator.comparing(Entry::due).thenComparingLong(Entry::sequence);

  /** The leads of one time zone. */
  private static final class Zone {
    final NavigableSet<Entry> ready = new TreeSet<>(READY_ORDER);
    final NavigableSet<Entry> waiting = new TreeSet<>(WAITING_ORDER);

    boolean isEmpty() {
      return ready.isEmpty() && waiting.isEmpty();
    }

    /** The best entry due at {@code now}, left in place; {@code null} if none. */
    Entry peekDue(Instant now) {
      while (!waiting.isEmpty() && !waiting.first().due().isAfter(now)) {
        ready.add(waiting.pollFirst());
      }
      for (Entry e : ready) {
        if (!e.due().isAfter(now)) {
          return e;
        }
        // promoted by a claimer whose clock ran ahead of this one: not due for this claim
      }
      return null;
    }
  }

  private final Map<ZoneId, Zone> zones = new HashMap<>();
  private final Map<LeadId, Entry> queued = new HashMap<>();

  /** Queues {@code lead}, replacing any earlier entry for it. */
  void add(Lead lead) {
    remove(lead.id());
    Entry entry =
        new Entry(
            lead.id(), lead.timeZone(), lead.priority(), lead.sequence(), lead.nextAttemptAt());
    queued.put(lead.id(), entry);
    zones.computeIfAbsent(entry.zone(), z -> new Zone()).waiting.add(entry);
  }

  /** Takes the lead out of the queue, if it is queued. */
  void remove(LeadId id) {
    Entry entry = queued.remove(id);
    if (entry != null) {
      Zone zone = zones.get(entry.zone());
      zone.ready.remove(entry);
      zone.waiting.remove(entry);
      if (zone.isEmpty()) {
        zones.remove(entry.zone());
      }
    }
  }

  /**
   * Removes and returns the best lead due at {@code now} whose zone is in {@code admitted} ({@code
   * null}: any zone), or {@code null} if none.
   */
  LeadId pollDue(Instant now, Set<ZoneId> admitted) {
    Entry best = null;
    for (Map.Entry<ZoneId, Zone> zone : zones.entrySet()) {
      if (admitted != null && !admitted.contains(zone.getKey())) {
        continue;
      }
      Entry head = zone.getValue().peekDue(now);
      if (head != null && (best == null || READY_ORDER.compare(head, best) < 0)) {
        best = head;
      }
    }
    if (best == null) {
      return null;
    }
    remove(best.id());
    return best.id();
  }

  /**
   * How many queued leads a claim at {@code dueBy} admitting {@code admitted} ({@code null}: any
   * zone) would take before a lead of this priority and sequence ({@link
   * dev.dialkit.campaign.spi.CampaignStore#countLeadsAhead}); it reads only the leads ordered
   * before it, and the waiting ones due by then.
   */
  long countAhead(int priority, long sequence, Instant dueBy, Set<ZoneId> admitted) {
    Entry probe = new Entry(null, null, priority, sequence, dueBy);
    Entry lastDue = new Entry(null, null, 0, Long.MAX_VALUE, dueBy);
    long count = 0;
    for (Map.Entry<ZoneId, Zone> zone : zones.entrySet()) {
      if (admitted != null && !admitted.contains(zone.getKey())) {
        continue;
      }
      for (Entry e : zone.getValue().ready.headSet(probe, false)) {
        if (!e.due().isAfter(dueBy)) {
          count++;
        }
      }
      for (Entry e : zone.getValue().waiting.headSet(lastDue, true)) {
        if (READY_ORDER.compare(e, probe) < 0) {
          count++;
        }
      }
    }
    return count;
  }

  /** Removes every queued lead, due or not; returns their ids. */
  List<LeadId> drain() {
    List<LeadId> all = new ArrayList<>(queued.keySet());
    all.forEach(this::remove);
    return all;
  }

  /** The zones that have queued leads. */
  Set<ZoneId> zones() {
    return Set.copyOf(zones.keySet());
  }
}
