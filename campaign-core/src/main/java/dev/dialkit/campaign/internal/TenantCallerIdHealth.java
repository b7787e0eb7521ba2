package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallerIdHealth;
import dev.dialkit.campaign.TenantId;
import java.util.Map;

/** The caller-id health policy of each tenant: its own if set, else the dialer's default. */
public record TenantCallerIdHealth(
    CallerIdHealth defaults, Map<TenantId, CallerIdHealth> byTenant) {
  public static final TenantCallerIdHealth OFF =
      new TenantCallerIdHealth(CallerIdHealth.OFF, Map.of());

  public TenantCallerIdHealth {
    byTenant = Map.copyOf(byTenant);
  }

  public CallerIdHealth forTenant(TenantId tenant) {
    return byTenant.getOrDefault(tenant, defaults);
  }
}
