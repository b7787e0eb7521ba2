package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.spi.CallProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which provider a campaign dials through: its own, or one of its failover providers while its own
 * is down. The executor asks before each claim; the call updater asks whether an ending call was
 * carried by a failover provider (the {@code FAILOVERS} counter).
 */
final class ProviderChoice {
  private static final Logger log = LoggerFactory.getLogger(ProviderChoice.class);

  private final DialerSettings settings;
  private final ProviderGuards guards;

  ProviderChoice(DialerSettings settings, ProviderGuards guards) {
    this.settings = settings;
    this.guards = guards;
  }

  /** The campaign's own provider: the one it names, or the dialer's first. */
  String own(Campaign campaign) {
    String name = campaign.spec().provider();
    return name == null ? settings.defaultProvider() : name;
  }

  /** Whether {@code call} went through a failover provider rather than its campaign's own. */
  boolean failedOver(Call call, Campaign campaign) {
    return campaign != null
        && !campaign.spec().failover().isEmpty()
        && !call.provider().equals(own(campaign));
  }

  /**
   * The provider the campaign dials through now: its own, unless that one's circuit breaker is open
   * and a failover provider's is not; then the first such failover, in the campaign's order. A
   * provider that recovers (its breaker half-open or closed) takes its calls back at the next
   * claim. {@code null} if the dialer has no provider of that name (logged).
   */
  CallProvider now(Campaign campaign) {
    String name = own(campaign);
    CallProvider provider = settings.providers().get(name);
    if (provider != null
        && !campaign.spec().failover().isEmpty()
        && !guards.admits(provider.name())) {
      for (String failover : campaign.spec().failover()) {
        CallProvider next = settings.providers().get(failover);
        if (next != null && guards.admits(next.name())) {
          return next;
        }
      }
    }
    if (provider == null) {
      log.warn(
          "campaign {} names provider '{}' that dialer {} does not have; skipped",
          campaign.id(),
          name,
          settings.instanceId());
    }
    return provider;
  }
}
