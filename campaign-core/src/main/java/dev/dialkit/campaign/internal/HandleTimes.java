package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CampaignId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mean time a call of each campaign holds its slot (claim to end, ringing and talk, answered or
 * not), as observed by this instance, shrunk toward a prior: {@code (prior × k + sum) ÷ (k + n)}
 * with {@link #PRIOR_WEIGHT} = k pseudo-calls, so a few early short calls do not swing the pace.
 * The calls an instance sees end (its own webhooks and recoveries) are a fair sample of all of
 * them.
 */
final class HandleTimes {
  /** How many calls the prior counts as. */
  static final int PRIOR_WEIGHT = 3;

  private record Sum(long millis, long calls) {}

  private final ConcurrentHashMap<CampaignId, Sum> sums = new ConcurrentHashMap<>();

  void ended(CampaignId campaign, Duration held) {
    if (held.isNegative()) {
      return;
    }
    sums.merge(
        campaign,
        new Sum(held.toMillis(), 1),
        (a, b) -> new Sum(a.millis + b.millis, a.calls + b.calls));
  }

  Duration mean(CampaignId campaign, Duration prior) {
    Sum s = sums.getOrDefault(campaign, new Sum(0, 0));
    return Duration.ofMillis(
        (prior.toMillis() * PRIOR_WEIGHT + s.millis) / (PRIOR_WEIGHT + s.calls));
  }
}
