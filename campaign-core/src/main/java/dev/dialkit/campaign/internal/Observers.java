package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.DialerObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's {@link DialerObserver}s as one: each observation goes to every observer in turn, and
 * an observer that throws is logged once per observer and kind of observation, then ignored, so it
 * never breaks dialing nor floods the log.
 */
public final class Observers {
  private static final Logger log = LoggerFactory.getLogger(Observers.class);

  // the host's, then the dialer's own ones attached while it is wired (before it runs)
  private final List<DialerObserver> observers;
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  public Observers(List<DialerObserver> observers) {
    this.observers = new CopyOnWriteArrayList<>(observers);
  }

  /**
   * Adds one of the dialer's own observers (its dial rates), while the dialer is wired: each build
   * of a dialer makes its own {@code Observers}.
   */
  void attach(DialerObserver observer) {
    observers.add(observer);
  }

  /** Whether anyone listens: lets a call site skip measuring. */
  boolean any() {
    return !observers.isEmpty();
  }

  void claimed(DialerObserver.Claim claim) {
    each("claimed", o -> o.claimed(claim));
  }

  void callPlaced(DialerObserver.Placed placed) {
    each("callPlaced", o -> o.callPlaced(placed));
  }

  void placeFailed(DialerObserver.PlaceFailure failure) {
    each("placeFailed", o -> o.placeFailed(failure));
  }

  void providerAnswered(DialerObserver.ProviderAnswer answer) {
    each("providerAnswered", o -> o.providerAnswered(answer));
  }

  void webhookHandled(DialerObserver.Webhook webhook) {
    each("webhookHandled", o -> o.webhookHandled(webhook));
  }

  void storeFailed(DialerObserver.StoreFailure failure) {
    each("storeFailed", o -> o.storeFailed(failure));
  }

  private void each(String kind, Consumer<DialerObserver> call) {
    for (DialerObserver observer : observers) {
      try {
        call.accept(observer);
      } catch (RuntimeException e) {
        if (logged.add(System.identityHashCode(observer) + ":" + kind)) {
          log.warn(
              "dialer observer {} failed in {}; its further failures there are not logged",
              observer.getClass().getName(),
              kind,
              e);
        }
      }
    }
  }
}
