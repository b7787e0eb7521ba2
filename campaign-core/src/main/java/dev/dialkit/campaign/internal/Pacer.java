package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a campaign's {@link Pacing} in the executor. It only ever lowers the batch a campaign may
 * claim in a pass (to zero, with a timed wake for when it may dial next): every limit the store
 * checks still binds. Computed at each pass from the stored counters, so it adapts as leads are
 * added, paused or fail. The next-dial time of even pacing lives on the instance that holds the
 * lease; a takeover starts with one call at once and paces from there.
 */
final class Pacer {
  private static final Logger log = LoggerFactory.getLogger(Pacer.class);

  private final ConcurrentHashMap<CampaignId, Instant> nextDial = new ConcurrentHashMap<>();
  private final HandleTimes handleTimes = new HandleTimes();
  private final Consumer<Instant> wakeAt;

  Pacer(Consumer<Instant> wakeAt) {
    this.wakeAt = wakeAt;
  }

  /**
   * How many of {@code size} calls the campaign may claim now, with {@code active} in progress; 0
   * means wait (a wake is set, or a call's end wakes the executor).
   */
  int allowance(Campaign campaign, Set<ZoneId> zones, long active, int size, Instant now) {
    Pacing pacing = campaign.spec().pacing();
    long queued = campaign.counters().get(Counter.LEADS_QUEUED);
    if (queued <= 0 || pacing.mode() == Pacing.Mode.AS_FAST_AS_ALLOWED) {
      return size; // nothing to pace: let the claim find out (and complete the campaign)
    }
    if (pacing.mode() == Pacing.Mode.EVEN_OVER_WINDOW) {
      Instant next = nextDial.get(campaign.id());
      if (next != null && now.isBefore(next)) {
        wakeAt.accept(next);
        return 0;
      }
      return Math.min(size, 1);
    }
    CallingWindow window = campaign.spec().callingWindow();
    Duration left = Duration.ZERO;
    for (ZoneId zone : zones(window, zones)) {
      Duration open = WindowTime.openBetween(window, zone, now, pacing.deadline());
      left = open.compareTo(left) > 0 ? open : left;
    }
    Duration handle = handleTimes.mean(campaign.id(), pacing.expectedHandleTime());
    int target = PacingMath.finishByConcurrency(queued, handle, left);
    log.trace(
        "campaign {}: finish-by pacing {} calls at once ({} leads, {} each, {} left)",
        campaign.id(),
        target,
        queued,
        handle,
        left);
    return (int) Math.max(0, Math.min(size, target - active));
  }

  /** The campaign claimed {@code claimed} calls at {@code now}: even pacing sets its next dial. */
  void claimed(Campaign campaign, Set<ZoneId> zones, int claimed, Instant now) {
    if (claimed == 0 || campaign.spec().pacing().mode() != Pacing.Mode.EVEN_OVER_WINDOW) {
      return;
    }
    CallingWindow window = campaign.spec().callingWindow();
    Instant closes = null;
    for (ZoneId zone : zones(window, zones)) {
      Instant close = WindowTime.closeOf(window, zone, now);
      closes = close != null && (closes == null || close.isAfter(closes)) ? close : closes;
    }
    if (closes == null) {
      return;
    }
    long left = campaign.counters().get(Counter.LEADS_QUEUED);
    Instant next =
        now.plus(
            PacingMath.evenInterval(Duration.between(now, closes), left).multipliedBy(claimed));
    nextDial.put(campaign.id(), next);
    wakeAt.accept(next);
  }

  /**
   * The zones whose window paces the campaign: those of its queued leads that are open now (the
   * latest close among them ends the day), or the window's own zone when every zone is admitted.
   */
  private static Set<ZoneId> zones(CallingWindow window, Set<ZoneId> open) {
    return open == null || open.isEmpty() ? Set.of(window.zone()) : open;
  }

  /** A call of the campaign ended: its slot time feeds the mean handle time. */
  void callEnded(Call call) {
    if (call.createdAt() != null && call.endedAt() != null) {
      handleTimes.ended(call.campaignId(), Duration.between(call.createdAt(), call.endedAt()));
    }
  }

  /** The mean handle time the pacer uses for the campaign (for tests and logs). */
  Duration meanHandleTime(Campaign campaign) {
    Pacing pacing = campaign.spec().pacing();
    return handleTimes.mean(
        campaign.id(),
        pacing.expectedHandleTime() == null
            ? Pacing.DEFAULT_EXPECTED_HANDLE_TIME
            : pacing.expectedHandleTime());
  }
}
