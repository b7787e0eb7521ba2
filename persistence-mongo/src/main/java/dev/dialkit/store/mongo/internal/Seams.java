package dev.dialkit.store.mongo.internal;

import java.util.EnumMap;
import java.util.Map;

/**
 * Test-only: named points between two writes of a multi-document change, where a directed test runs
 * another party to reproduce an interleaving deterministically (no sleeps, no luck). Nothing is
 * registered in production, so {@link #at} is one volatile read.
 */
final class Seams {
  /** Where another party may run. */
  enum Point {
    /** {@link Outbox#finish}: the outbox was read, its counters are about to be applied. */
    BEFORE_COUNTERS,
    /** {@link Claimer}: the claim's lead and call are stored, its slot is next. */
    BEFORE_SLOT,
    /**
     * {@link NumberGate}: the number and its calls were read and allow a call; its write is next.
     */
    NUMBER_READ,
    /** {@link Claimer}: the number is reserved for the claim; the lead's confirmation is next. */
    NUMBER_RESERVED,
    /** {@link Claimer}: the lead is confirmed (the repair may now recreate its call); call next. */
    LEAD_CONFIRMED,
    /** {@link PassOver}: a suppressed lead is written skipped; its counters are next. */
    BEFORE_SKIP_COUNTERS,
    /** {@link Repair}: a lead in progress was read, its call is about to be looked up. */
    REPAIR_READ_LEAD,
    /** {@link Permits}: the grant is written into the call, the campaign is read again next. */
    PERMIT_WRITTEN,
    /** {@link LeadInserter}: the leads are stored, the insert's last write is next. */
    LEADS_STORED,
    /** {@link CampaignDocuments#completeIfDone}: the campaign was read done, the write is next. */
    COMPLETION_READ
  }

  private static volatile Map<Point, Runnable> hooks = Map.of();

  private Seams() {}

  static void at(Point point) {
    Runnable hook = hooks.get(point);
    if (hook != null) {
      hook.run();
    }
  }

  /** Runs {@code hook} whenever {@code point} is reached, on the thread that reaches it. */
  static synchronized void set(Point point, Runnable hook) {
    Map<Point, Runnable> next = new EnumMap<>(Point.class);
    next.putAll(hooks);
    next.put(point, hook);
    hooks = Map.copyOf(next);
  }

  static synchronized void clear() {
    hooks = Map.of();
  }
}
