package dev.dialkit.examples.crash;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where the fake Twilio tells the test that the moment to kill the dialer has come. The test arms
 * it with a {@link Point} and a count before each child starts; the fake reports every event, and
 * the n-th event of the armed kind completes {@link #fired()}. A create request that fires it is
 * held unanswered until the test has killed the child, so its answer is lost for certain.
 */
final class KillSwitch {
  /** The adversarial moments the fake Twilio can see. */
  enum Point {
    /** A create request arrived; it is acted on, and its answer is lost. */
    CREATE_RECEIVED,
    /** A create request was answered: the child may or may not have recorded the call sid. */
    CREATE_ANSWERED,
    /** A status callback was written to the child, which has not answered it yet. */
    CALLBACK_IN_FLIGHT,
    /** The child answered a status callback. */
    CALLBACK_DELIVERED
  }

  /** How long a held create request waits for the kill: a hang guard only. */
  private static final long HOLD_LIMIT_SECONDS = 60;

  private Point armed;
  private int target;
  private int seen;
  private CompletableFuture<String> fired = new CompletableFuture<>();
  private CountDownLatch killed = new CountDownLatch(0);

  /** Fires at the {@code n}-th event of kind {@code point} from now on. */
  synchronized void arm(Point point, int n) {
    armed = point;
    target = n;
    seen = 0;
    fired = new CompletableFuture<>();
    killed = new CountDownLatch(1);
  }

  /** Fires no more (the last child runs to the end). */
  synchronized void disarm() {
    armed = null;
    killed.countDown();
  }

  /** Completes with a description of the event when the armed moment comes. */
  synchronized CompletableFuture<String> fired() {
    return fired;
  }

  /** The test has killed the child: held requests go on (and find nobody to answer). */
  void killed() {
    disarm();
  }

  /**
   * Reports an event; if it is the armed moment, fires, and for a {@link Point#CREATE_RECEIVED}
   * waits until the child has been killed before returning.
   */
  void event(Point point, String what) throws InterruptedException {
    CompletableFuture<String> toFire;
    CountDownLatch toAwait;
    synchronized (this) {
      if (point != armed || ++seen != target) {
        return;
      }
      armed = null;
      toFire = fired;
      toAwait = killed;
    }
    toFire.complete(point + " #" + target + ": " + what);
    if (point == Point.CREATE_RECEIVED && !toAwait.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("held create request was never released: " + what);
    }
  }
}
