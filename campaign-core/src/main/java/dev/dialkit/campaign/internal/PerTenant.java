package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.TenantId;
import java.util.Map;
import java.util.Objects;

/**
 * A dialer setting that a tenant may override (attempt caps, caller-id health): the tenant's own
 * value if set, else the dialer's default.
 */
public record PerTenant<T>(T defaults, Map<TenantId, T> byTenant) {
  public PerTenant {
    Objects.requireNonNull(defaults, "defaults");
    byTenant = Map.copyOf(byTenant);
  }

  public T forTenant(TenantId tenant) {
    return byTenant.getOrDefault(tenant, defaults);
  }
}
