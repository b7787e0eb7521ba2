package dev.dialkit.store.mongo.internal;

/**
 * Five safeguards of this store, each switchable off <b>only by the directed test that proves it
 * matters</b>: with a safeguard off, that test reproduces the failure it prevents. Production code
 * never changes them; they are package-private and start on. The code kept behind them is the
 * store's former behaviour, there only so that the tests can show it failing.
 */
final class Switches {
  private Switches() {}

  /**
   * Counter deltas are applied under a per-call marker that is never removed ({@link
   * CounterShards}); off, under a campaign-document marker removed after the outbox is cleared, so
   * that a finisher that wakes late applies them again.
   */
  static volatile boolean exactlyOnceCounters = true;

  /**
   * An undone claim ends its call {@code CANCELED}, never dialed, before the lead goes back; off,
   * the lead goes back and the call is deleted, so that the repair may recreate it as a ghost.
   */
  static volatile boolean undoEndsTheCall = true;

  /**
   * An insert counts its leads and checks the campaign's status in one update before storing them,
   * and a completion is a compare-and-set on the lead sequence it read; off, the counters come
   * after the leads and the completion checks only the status revision.
   */
  static volatile boolean fencedLeadInserts = true;

  /**
   * A claim under attempt caps reserves the number with a compare-and-set on the number document's
   * version ({@link NumberGate}); off, it writes its reservation unconditionally, so that two
   * claims that read the number before either wrote both pass the cap.
   */
  static volatile boolean serializedNumbers = true;

  /**
   * The counters of a lead skipped as suppressed are applied under a marker that is never removed
   * ({@link PassOver}); off, with a plain increment, so that a finisher that read the pass-over
   * before the repair finished it applies them again.
   */
  static volatile boolean exactlyOnceSkips = true;

  /** Every safeguard on again. */
  static void reset() {
    exactlyOnceCounters = true;
    undoEndsTheCall = true;
    fencedLeadInserts = true;
    serializedNumbers = true;
    exactlyOnceSkips = true;
  }
}
