package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.spi.CampaignStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The shared store as one life of one instance sees it. Around every operation the world may strike
 * ({@link SimWorld#beforeOp}, {@link SimWorld#afterOp}): fail it before it reaches the store, let
 * it commit and lose the answer, let other instances run meanwhile (an interleaving), freeze the
 * instance right there for longer than its lease, or kill it. A dead life's operations never reach
 * the store.
 */
final class FaultyStore {
  private FaultyStore() {}

  static CampaignStore wrap(CampaignStore shared, SimWorld world, SimInstance who, int life) {
    return (CampaignStore)
        Proxy.newProxyInstance(
            CampaignStore.class.getClassLoader(),
            new Class<?>[] {CampaignStore.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(shared, args);
              }
              String op = method.getName();
              who.checkAlive(life);
              world.beforeOp(who, life, op, args);
              Object result;
              try {
                result = method.invoke(shared, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              world.afterOp(who, life, op, args, result);
              return result;
            });
  }
}
