package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.CallProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Wraps each provider so that the observers hear the answer to every create request ({@code
 * place}), whatever the placer then does with it (retry, fail over, fail the call). Everything else
 * goes straight through, and the stage {@code place} returns is the provider's own.
 */
final class ObservedProviders {
  private ObservedProviders() {}

  /** {@code providers}, each observed; the same map when nobody observes. */
  static Map<String, CallProvider> wrap(Map<String, CallProvider> providers, Observers observers) {
    if (!observers.any()) {
      return providers;
    }
    Map<String, CallProvider> out = new LinkedHashMap<>();
    providers.forEach((name, provider) -> out.put(name, observed(provider, observers)));
    return java.util.Collections.unmodifiableMap(out);
  }

  private static CallProvider observed(CallProvider provider, Observers observers) {
    String name = provider.name();
    return (CallProvider)
        Proxy.newProxyInstance(
            CallProvider.class.getClassLoader(),
            new Class<?>[] {CallProvider.class},
            (proxy, method, args) -> {
              boolean place = method.getName().equals("place") && args != null && args.length == 1;
              long started = System.nanoTime();
              Object result;
              try {
                result = method.invoke(provider, args);
              } catch (InvocationTargetException e) {
                if (place) {
                  answered(observers, name, e.getCause(), started);
                }
                throw e.getCause();
              }
              if (place && result instanceof CompletionStage<?> stage) {
                stage.whenComplete(
                    (placed, failure) -> answered(observers, name, failure, started));
              }
              return result;
            });
  }

  private static void answered(Observers observers, String name, Throwable failure, long started) {
    Throwable cause = failure == null ? null : CallPlacer.unwrap(failure);
    FailureReason reason =
        cause == null
            ? null
            : cause instanceof ProviderException pe ? pe.reason() : FailureReason.PROVIDER_ERROR;
    observers.providerAnswered(
        new DialerObserver.ProviderAnswer(
            name, reason, Duration.ofNanos(System.nanoTime() - started)));
  }
}
