package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress events are throttled, but the last change of a burst is always published. */
class ProgressEventTest {
  private static final ConcurrencyPolicy FIVE =
      ConcurrencyPolicy.builder().global(5).perTenant(5).build();

  /**
   * Paused with calls in progress, the campaign changes only when those calls end, within one
   * throttling interval (a minute here) of each other: a dashboard must still see them ended, not
   * stay at "1 in progress" until the next change (there is none while paused).
   */
  @Test
  void theLastChangeOfABurstIsPublishedAfterTheInterval() {
    try (DialerRig rig =
        new DialerRig(
            FIVE,
            // every call answered after 2 s and ended after 20 s more: the changes come in a burst
            p ->
                p.outcomeOdds(0, 0, 0, 0)
                    .ringTime(Duration.ofSeconds(2), Duration.ofSeconds(2))
                    .talkTime(Duration.ofSeconds(20), 0),
            b -> b.progressInterval(Duration.ofMinutes(1)))) {
      CampaignId id = rig.startCampaign("burst", 20, s -> s);
      rig.scheduler.runUntil(() -> rig.provider.calls().size() >= 5); // at the provider
      rig.dialer.campaigns().pause(DialerRig.TENANT, id);
      rig.scheduler.runUntil(() -> rig.dialer.calls().active(DialerRig.TENANT, id).isEmpty());
      rig.scheduler.advance(Duration.ofMinutes(2));

      CampaignProgress stored = rig.dialer.campaigns().progress(DialerRig.TENANT, id);
      List<CampaignProgress> published =
          rig.events.stream()
              .filter(e -> e instanceof DialkitEvent.ProgressUpdated)
              .map(e -> ((DialkitEvent.ProgressUpdated) e).progress())
              .toList();
      CampaignProgress last = published.get(published.size() - 1);
      assertThat(last.inProgress()).as("the last published progress").isZero();
      assertThat(last.callsEnded()).isEqualTo(stored.callsEnded()).isPositive();
    }
  }
}
