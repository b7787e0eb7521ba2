package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each tenant's do-not-call list, by number. Not thread-safe: the owning store guards it. */
final class SuppressionTable {
  private final Map<TenantId, TreeMap<String, Suppression>> byTenant = new HashMap<>();

  void put(Suppression entry) {
    byTenant.computeIfAbsent(entry.tenant(), t -> new TreeMap<>()).put(entry.phone().e164(), entry);
  }

  boolean remove(TenantId tenant, PhoneNumber phone) {
    TreeMap<String, Suppression> list = byTenant.get(tenant);
    return list != null && list.remove(phone.e164()) != null;
  }

  Suppression find(TenantId tenant, PhoneNumber phone) {
    TreeMap<String, Suppression> list = byTenant.get(tenant);
    return list == null ? null : list.get(phone.e164());
  }

  Map<PhoneNumber, Suppression> findAll(TenantId tenant, Collection<PhoneNumber> phones) {
    Map<PhoneNumber, Suppression> found = new LinkedHashMap<>();
    for (PhoneNumber phone : phones) {
      Suppression entry = find(tenant, phone);
      if (entry != null) {
        found.put(phone, entry);
      }
    }
    return found;
  }

  Page<Suppression> page(TenantId tenant, PageRequest page) {
    TreeMap<String, Suppression> list = byTenant.getOrDefault(tenant, new TreeMap<>());
    List<Suppression> items = new ArrayList<>();
    long skip = page.offset();
    for (Suppression entry : list.values()) {
      if (skip-- > 0) {
        continue;
      }
      if (items.size() == page.limit()) {
        break;
      }
      items.add(entry);
    }
    return new Page<>(items, list.size(), 0);
  }
}
