package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign leases this instance holds, each with its fencing epoch. A lease is asked for when a
 * campaign is to be dispatched or watched, renewed by the heartbeat only while the campaign still
 * needs this instance (it dispatches, or it has calls in progress to watch), and released
 * otherwise. When another instance holds a lease, it is asked for again exactly when that lease
 * expires, so a takeover comes within one poll of the expiry.
 */
final class Leases {
  private static final Logger log = LoggerFactory.getLogger(Leases.class);

  /** A lease held: whose campaign, its epoch, and until when (this instance's clock). */
  record Held(TenantId tenant, long epoch, Instant expiry) {}

  /** Told when this instance acquires a lease with a new epoch: a takeover or a (re)start. */
  interface Acquired {
    void acquired(Campaign campaign, long epoch, Instant now);
  }

  private final DialerSettings settings;
  private final Acquired acquired;
  private final Consumer<Instant> wakeAt;
  private final Map<CampaignId, Held> held = new ConcurrentHashMap<>();

  /** Campaigns another instance holds: not asked for again before their lease expires. */
  private final Map<CampaignId, Instant> deniedUntil = new ConcurrentHashMap<>();

  /** When the store last took this instance's heartbeat; {@code null} before the first. */
  private volatile Instant lastHeartbeat;

  Leases(DialerSettings settings, Acquired acquired, Consumer<Instant> wakeAt) {
    this.settings = settings;
    this.acquired = acquired;
    this.wakeAt = wakeAt;
  }

  /**
   * Whether this instance holds the lease on {@code campaign} at {@code now}, acquiring it if it is
   * free or expired and renewing it once it is past half its life.
   */
  boolean holds(Campaign campaign, Instant now) {
    CampaignId id = campaign.id();
    Duration ttl = settings.leaseTtl();
    Held mine = held.get(id);
    if (mine != null && now.isBefore(mine.expiry().minus(ttl.dividedBy(2)))) {
      return true;
    }
    Instant denied = deniedUntil.get(id);
    if (mine == null && denied != null && now.isBefore(denied)) {
      return false;
    }
    Optional<Lease> lease =
        settings
            .store()
            .tryLease(id, settings.instanceId(), mine == null ? 0 : mine.epoch(), now, ttl);
    if (lease.isPresent() && lease.get().isHeldBy(settings.instanceId(), now)) {
      long epoch = lease.get().epoch();
      held.put(id, new Held(campaign.tenant(), epoch, lease.get().expiry()));
      deniedUntil.remove(id);
      if (mine == null || mine.epoch() != epoch) {
        log.info("dialer {} holds campaign {} (epoch {})", settings.instanceId(), id, epoch);
        acquired.acquired(campaign, epoch, now);
      }
      return true;
    }
    if (mine != null) {
      log.info("dialer {} lost the lease of campaign {}", settings.instanceId(), id);
    }
    held.remove(id);
    Instant retry =
        lease.map(Lease::expiry).filter(now::isBefore).orElse(now.plus(settings.pollInterval()));
    deniedUntil.put(id, retry);
    wakeAt.accept(retry);
    return false;
  }

  /** The epoch of the lease held on {@code id}, or 0 if none is held. */
  long epoch(CampaignId id) {
    Held mine = held.get(id);
    return mine == null ? 0 : mine.epoch();
  }

  /** The campaigns whose leases this instance holds, with their tenants. */
  Map<CampaignId, TenantId> campaigns() {
    Map<CampaignId, TenantId> out = new java.util.HashMap<>();
    held.forEach((id, h) -> out.put(id, h.tenant()));
    return out;
  }

  /**
   * The heartbeat's part: renews the leases of campaigns this instance still needs and releases the
   * others (finished, or paused and canceled ones with no call in progress).
   */
  void renew(Instant now) {
    // called right after the store took the heartbeat written at now
    lastHeartbeat = now;
    for (Map.Entry<CampaignId, Held> e : held.entrySet()) {
      CampaignId id = e.getKey();
      Held mine = e.getValue();
      Optional<Campaign> campaign = settings.store().findCampaign(mine.tenant(), id);
      if (Switches.renewOnlyDispatched && (campaign.isEmpty() || !needed(campaign.get()))) {
        release(id, mine);
        continue;
      }
      Optional<Lease> lease =
          settings
              .store()
              .tryLease(id, settings.instanceId(), mine.epoch(), now, settings.leaseTtl());
      if (lease.isPresent()
          && lease.get().isHeldBy(settings.instanceId(), now)
          && lease.get().epoch() == mine.epoch()) {
        held.put(id, new Held(mine.tenant(), mine.epoch(), lease.get().expiry()));
      } else {
        log.info("dialer {} lost the lease of campaign {}", settings.instanceId(), id);
        held.remove(id, mine);
      }
    }
  }

  /** When the store last took this instance's heartbeat, or {@code null} if it never did. */
  Instant lastHeartbeat() {
    return lastHeartbeat;
  }

  /** Gives every lease back (a clean stop). */
  void releaseAll() {
    held.forEach(this::release);
  }

  private void release(CampaignId id, Held mine) {
    held.remove(id, mine);
    try {
      settings.store().releaseLease(id, settings.instanceId(), mine.epoch());
      log.debug("dialer {} released campaign {}", settings.instanceId(), id);
    } catch (RuntimeException e) {
      log.warn("dialer {} could not release lease of campaign {}", settings.instanceId(), id, e);
    }
  }

  /** Whether a campaign still needs its lease holder: it dispatches, or has calls to watch. */
  static boolean needed(Campaign campaign) {
    CampaignStatus status = campaign.status();
    return status == CampaignStatus.RUNNING
        || status == CampaignStatus.SCHEDULED
        || ((status == CampaignStatus.PAUSED || status == CampaignStatus.CANCELED)
            && campaign.counters().get(Counter.LEADS_IN_PROGRESS) > 0);
  }
}
