package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.AutoPause;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the failure rate of each campaign's most recent calls (as ended on this instance) and
 * pauses a campaign whose {@link AutoPause} threshold is passed, saying why.
 */
final class AutoPauser {
  private final CampaignLifecycle lifecycle;
  private final ConcurrentHashMap<CampaignId, ArrayDeque<Boolean>> recent =
      new ConcurrentHashMap<>();

  AutoPauser(CampaignLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  void callEnded(Campaign campaign, Call call) {
    AutoPause policy = campaign.spec().autoPause();
    if (policy == null || call.status() == CallStatus.CANCELED) {
      return;
    }
    String reason = null;
    ArrayDeque<Boolean> window = recent.computeIfAbsent(campaign.id(), id -> new ArrayDeque<>());
    synchronized (window) {
      window.addLast(call.status() == CallStatus.FAILED);
      while (window.size() > policy.window()) {
        window.removeFirst();
      }
      if (window.size() == policy.window()) {
        long failed = window.stream().filter(f -> f).count();
        double rate = (double) failed / window.size();
        if (rate > policy.maxFailureRate()) {
          reason =
              String.format(
                  Locale.ROOT,
                  "auto-paused: %d of the last %d calls failed (%.0f %%, above %.0f %%)",
                  failed,
                  window.size(),
                  rate * 100,
                  policy.maxFailureRate() * 100);
          window.clear();
        }
      }
    }
    if (reason != null) {
      lifecycle.tryMove(
          campaign.tenant(),
          campaign.id(),
          EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.SCHEDULED),
          CampaignStatus.PAUSED,
          reason,
          null);
    }
  }
}
