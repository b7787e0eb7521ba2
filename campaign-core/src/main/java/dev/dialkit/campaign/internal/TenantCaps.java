package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.TenantId;
import java.util.Map;

/** The attempt caps of each tenant: its own if set, else the dialer's default. */
public record TenantCaps(AttemptCaps defaults, Map<TenantId, AttemptCaps> byTenant) {
  public static final TenantCaps NONE = new TenantCaps(AttemptCaps.NONE, Map.of());

  public TenantCaps {
    byTenant = Map.copyOf(byTenant);
  }

  public AttemptCaps forTenant(TenantId tenant) {
    return byTenant.getOrDefault(tenant, defaults);
  }
}
