package dev.dialkit.campaign.internal;

/**
 * The exactly-once safeguards of the core and the in-memory store, each switchable off <b>only by
 * the tests that prove it matters</b> (the fault simulator's "teeth" tests): with a safeguard off,
 * the simulator must find the violation it prevents. Production code never changes them; they are
 * package-private and start on.
 */
final class Switches {
  private Switches() {}

  /** The store checks status, lease epoch and call state before granting a dial permit. */
  static volatile boolean fencedPermits = true;

  /** The store completes a campaign only if no lead is queued or in progress, atomically. */
  static volatile boolean atomicCompletion = true;

  /** Unsent calls that no live placement owns are released within two recovery rounds. */
  static volatile boolean releaseAbandonedClaims = true;

  /** At start-up, takeover and after a store outage, silent calls are asked of the provider. */
  static volatile boolean recoverSilentCalls = true;

  /** Leases are renewed only for campaigns the instance still dispatches. */
  static volatile boolean renewOnlyDispatched = true;

  /** pause() and cancel() wait until permits granted before them are used or expired. */
  static volatile boolean fenceStops = true;

  /** The store refuses the dial permit of a call whose number was suppressed after its claim. */
  static volatile boolean suppressionAtPermit = true;

  /** The store holds back a lead whose number reached its attempt cap. */
  static volatile boolean capsAtClaim = true;

  /**
   * The executor asks for the dial permits with the claim when no pre-dial hook can delay the send.
   * Not a safeguard: off, every call takes the separate permit a pre-dial hook makes necessary, so
   * that the teeth of that permit's safeguards can be shown without a hook in every scenario.
   */
  static volatile boolean permitsWithClaims = true;

  /** Resets every safeguard to on. */
  static void reset() {
    fencedPermits = true;
    atomicCompletion = true;
    releaseAbandonedClaims = true;
    recoverSilentCalls = true;
    renewOnlyDispatched = true;
    fenceStops = true;
    suppressionAtPermit = true;
    capsAtClaim = true;
    permitsWithClaims = true;
  }
}
