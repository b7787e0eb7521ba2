package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.QueuePosition.Basis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dial rate of each campaign, as this instance observes it: its claims over a sliding window
 * (the instance holding a campaign's lease makes all its claims), and the time its calls held a
 * slot, for when too few claims were seen. Fed by the observer hook and the call-end listener; kept
 * in memory only, so a restarted instance starts again from its fallback.
 */
final class DialRates implements DialerObserver {
  /** How far back claims count. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** Fewer leads taken off the queue in the window than this: too few to call it a rate. */
  static final int MIN_DEQUEUED = 20;

  /** Fewer handle times than this: no fallback rate either. */
  static final int MIN_HANDLE_TIMES = 5;

  /** The handle times kept per campaign (the latest). */
  static final int HANDLE_TIMES_KEPT = 200;

  /** A rate in leads per second and where it comes from; {@code perSecond} 0 without one. */
  record Rate(Basis basis, double perSecond) {
    static final Rate UNKNOWN = new Rate(Basis.UNKNOWN, 0);
  }

  private record Claims(Instant at, int leads) {}

  /** One campaign's observations; guarded by itself. */
  private static final class Observed {
    final Deque<Claims> claims = new ArrayDeque<>();
    final Deque<Long> handleMillis = new ArrayDeque<>();
    long handleMillisSum;
    Instant firstClaim;
    Instant last;
  }

  private final Clock clock;
  private final ConcurrentHashMap<CampaignId, Observed> campaigns = new ConcurrentHashMap<>();

  DialRates(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void claimed(Claim claim) {
    if (claim.leadsClaimed() == 0) {
      return;
    }
    Instant now = clock.instant();
    Observed o = campaigns.computeIfAbsent(claim.campaign(), id -> new Observed());
    synchronized (o) {
      if (o.firstClaim == null) {
        o.firstClaim = now;
      }
      o.claims.addLast(new Claims(now, claim.leadsClaimed()));
      o.last = now;
      prune(o, now);
    }
    if (campaigns.size() > 1_000) {
      forgetQuiet(now);
    }
  }

  /** A call of the campaign ended: it held its slot from its creation to its end. */
  void ended(Call call) {
    Instant end = call.endedAt() != null ? call.endedAt() : clock.instant();
    long millis = Duration.between(call.createdAt(), end).toMillis();
    if (millis < 0) {
      return; // another instance's clock ahead of the provider's: no handle time to learn
    }
    Observed o = campaigns.computeIfAbsent(call.campaignId(), id -> new Observed());
    synchronized (o) {
      o.handleMillis.addLast(millis);
      o.handleMillisSum += millis;
      if (o.handleMillis.size() > HANDLE_TIMES_KEPT) {
        o.handleMillisSum -= o.handleMillis.removeFirst();
      }
      o.last = end;
    }
  }

  /**
   * The campaign's rate at {@code now}: leads taken off the queue per second over the window (its
   * claims; while the window holds the campaign's first claim here, less {@code inProgress}, the
   * slots the start filled); failing that {@code limit} divided by the mean handle time.
   *
   * @param inProgress the campaign's calls in progress now, from the store
   * @param limit the concurrency the campaign may use
   */
  Rate rate(CampaignId campaign, Instant now, long inProgress, int limit) {
    Observed o = campaigns.get(campaign);
    if (o == null) {
      return Rate.UNKNOWN;
    }
    synchronized (o) {
      prune(o, now);
      long claimed = 0;
      for (Claims c : o.claims) {
        claimed += c.leads();
      }
      Instant from = now.minus(WINDOW);
      long dequeued = claimed;
      if (o.firstClaim != null && o.firstClaim.isAfter(from)) {
        from = o.firstClaim;
        dequeued = claimed - inProgress;
      }
      long spanMillis = Duration.between(from, now).toMillis();
      if (dequeued >= MIN_DEQUEUED && spanMillis > 0) {
        return new Rate(Basis.OBSERVED_CLAIMS, dequeued * 1000.0 / spanMillis);
      }
      int n = o.handleMillis.size();
      if (n >= MIN_HANDLE_TIMES && o.handleMillisSum > 0 && limit > 0) {
        double meanMillis = (double) o.handleMillisSum / n;
        return new Rate(Basis.CONCURRENCY_AND_HANDLE_TIME, limit * 1000.0 / meanMillis);
      }
      return Rate.UNKNOWN;
    }
  }

  private static void prune(Observed o, Instant now) {
    Instant from = now.minus(WINDOW);
    while (!o.claims.isEmpty() && !o.claims.peekFirst().at().isAfter(from)) {
      o.claims.removeFirst();
    }
  }

  /** Drops campaigns observed last more than a window ago: finished ones, or another's. */
  private void forgetQuiet(Instant now) {
    Instant from = now.minus(WINDOW);
    campaigns
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return e.getValue().last != null && e.getValue().last.isBefore(from);
              }
            });
  }
}
