package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.spi.CallProvider;
import java.time.ZoneId;
import java.util.Set;

/** A campaign in one slot-filling pass, with its calls in progress as counted during the pass. */
final class DispatchSlot {
  final Campaign campaign;
  final CallProvider provider;
  final Set<ZoneId> zones;
  long active;

  DispatchSlot(Campaign campaign, CallProvider provider, Set<ZoneId> zones, long active) {
    this.campaign = campaign;
    this.provider = provider;
    this.zones = zones;
    this.active = active;
  }
}
