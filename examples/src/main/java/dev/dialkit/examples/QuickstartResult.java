package dev.dialkit.examples;

import dev.dialkit.campaign.CampaignProgress;
import java.time.Duration;
import java.util.List;

/**
 * What a quickstart run produced.
 *
 * @param progress the campaign's progress when it completed (its {@code elapsed} is virtual time)
 * @param timelines sample call timelines, see {@link CallTimeline#samples}
 * @param wallTime how long the run took for real, measured with {@link System#nanoTime()}
 */
public record QuickstartResult(
    CampaignProgress progress, List<CallTimeline> timelines, Duration wallTime) {
  public QuickstartResult {
    timelines = List.copyOf(timelines);
  }
}
