package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CampaignStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the store comes back after failing. While it failed, webhooks were answered 5xx and
 * providers do not send them again, so the calls that went silent meanwhile must be asked of the
 * provider: the dialer wraps its store in this and starts a recovery when the first operation
 * succeeds after a {@link StoreException}.
 */
final class StoreHealth {
  private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

  private final AtomicBoolean failing = new AtomicBoolean();
  private final Observers observers;
  private final PlaceFailureTap placeFailures;
  private volatile Runnable onRecovered = () -> {};

  /** Tells {@code observers} of each store failure and each failed create request written. */
  StoreHealth(Observers observers) {
    this.observers = observers;
    this.placeFailures = new PlaceFailureTap(observers);
  }

  /** What to run, once, each time the store answers again after failing. */
  void onRecovered(Runnable action) {
    this.onRecovered = action;
  }

  /** {@code store}, watched: every call goes through, its failures and recoveries are noted. */
  CampaignStore watch(CampaignStore store) {
    return (CampaignStore)
        Proxy.newProxyInstance(
            CampaignStore.class.getClassLoader(),
            new Class<?>[] {CampaignStore.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(store, args);
              }
              Object result;
              try {
                result = method.invoke(store, args);
              } catch (InvocationTargetException e) {
                if (e.getCause() instanceof StoreException failure) {
                  if (failing.compareAndSet(false, true)) {
                    log.warn("the store is failing: {}", failure.toString());
                  }
                  observers.storeFailed(
                      new DialerObserver.StoreFailure(method.getName(), failure.isTransient()));
                }
                throw e.getCause();
              }
              placeFailures.written(method.getName(), args, result);
              if (failing.compareAndSet(true, false)) {
                log.info("the store answers again; recovering calls that went silent meanwhile");
                onRecovered.run();
              }
              return result;
            });
  }
}
