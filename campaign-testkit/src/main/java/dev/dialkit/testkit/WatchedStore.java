package dev.dialkit.testkit;

import dev.dialkit.campaign.spi.CampaignStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;

/**
 * A store that tells a test about every call made to it, right after the call returned: for
 * sampling the slots in use after every claim, noting who took a lease, and the like. The observer
 * runs on the calling thread, inside the dialer's operation, so it sees the store exactly as that
 * operation left it.
 */
public final class WatchedStore {
  private WatchedStore() {}

  /**
   * One completed call to the store.
   *
   * @param method the {@link CampaignStore} method's name
   * @param args its arguments
   * @param result what it returned ({@code null} for void)
   */
  public record Invocation(String method, List<Object> args, Object result) {
    public Object arg(int i) {
      return args.get(i);
    }
  }

  /** {@code inner}, reporting every call that returned normally to {@code after}. */
  public static CampaignStore watch(CampaignStore inner, Consumer<Invocation> after) {
    return watch(inner, call -> {}, after);
  }

  /**
   * As {@link #watch(CampaignStore, Consumer)}, and every call is first shown to {@code before}
   * (its result {@code null}), which may throw to fail it before the store is touched: a store that
   * is down.
   */
  public static CampaignStore watch(
      CampaignStore inner, Consumer<Invocation> before, Consumer<Invocation> after) {
    return (CampaignStore)
        Proxy.newProxyInstance(
            CampaignStore.class.getClassLoader(),
            new Class<?>[] {CampaignStore.class},
            (proxy, method, args) -> {
              before.accept(
                  new Invocation(
                      method.getName(),
                      args == null ? List.of() : java.util.Arrays.asList(args),
                      null));
              Object result;
              try {
                result = method.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              after.accept(
                  new Invocation(
                      method.getName(),
                      args == null ? List.of() : java.util.Arrays.asList(args),
                      result));
              return result;
            });
  }
}
