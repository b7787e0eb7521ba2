package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.DialkitException;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The compliance officer of a simulation: puts numbers the campaigns are dialing on a tenant's
 * do-not-call list at random moments, each through a random living instance (an opt-out reaching
 * one pod), and records when each add returned: from then on, after at most the permit timeout, no
 * call to that number of that tenant may reach the provider.
 */
public final class SimSuppressor {
  /** {@code phone} was put on {@code tenant}'s list; the add returned at {@code at}. */
  public record Suppressed(TenantId tenant, PhoneNumber phone, Instant at, String via) {}

  private final SimWorld world;
  private final List<TenantId> tenants;
  private final List<PhoneNumber> numbers;
  private final List<Suppressed> suppressed = new ArrayList<>();

  public SimSuppressor(SimWorld world, List<TenantId> tenants, List<PhoneNumber> numbers) {
    this.world = world;
    this.tenants = List.copyOf(tenants);
    this.numbers = List.copyOf(numbers);
  }

  /** Plans {@code count} additions at random moments within {@code window}. */
  public void plan(int count, Duration window) {
    for (int i = 0; i < count; i++) {
      long at = world.random().nextLong(Math.max(1, window.toMillis()));
      world.timeline().schedule(this::suppress, Duration.ofMillis(at));
    }
  }

  /** What was suppressed, in the order the adds returned. */
  public List<Suppressed> suppressed() {
    return suppressed;
  }

  private void suppress() {
    List<SimInstance> up = new ArrayList<>();
    for (SimInstance i : world.instances()) {
      if (i.runnable()) {
        up.add(i);
      }
    }
    if (up.isEmpty()) {
      return;
    }
    SimInstance via = up.get(world.random().nextInt(up.size()));
    TenantId tenant = tenants.get(world.random().nextInt(tenants.size()));
    PhoneNumber phone = numbers.get(world.random().nextInt(numbers.size()));
    suppress(via, tenant, phone);
  }

  /** Puts {@code phone} on {@code tenant}'s list through {@code via}, as one of its tasks. */
  public void suppress(SimInstance via, TenantId tenant, PhoneNumber phone) {
    via.execute(
        via.incarnation(),
        () -> {
          try {
            via.dialer()
                .suppressions()
                .add(tenant, phone.e164(), SuppressionSource.OPT_OUT, "simulated opt-out");
            suppressed.add(new Suppressed(tenant, phone, world.clock().instant(), via.name()));
          } catch (DialkitException e) {
            // the store failed: the add may or may not have committed; nothing was promised
          }
        });
  }
}
