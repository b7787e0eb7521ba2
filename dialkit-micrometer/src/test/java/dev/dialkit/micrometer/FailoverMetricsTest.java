package dev.dialkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.spi.CallProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Provider {@code a} goes down mid-campaign and {@code b} carries its calls: the failover counter
 * matches the store's count, and the placed calls are counted by the provider that took them.
 */
class FailoverMetricsTest {
  private static final int LEADS = 24;

  @Test
  void failoversAreCountedAsTheStoreCountsThem() {
    DownProvider[] named = new DownProvider[2];
    try (MeteredDialer d =
        new MeteredDialer(
            s -> s.outcomeOdds(0, 0, 0, 0),
            sim -> {
              named[0] = new DownProvider("a", sim);
              named[1] = new DownProvider("b", sim);
              return List.<CallProvider>of(named[0], named[1]);
            })) {
      CampaignId id = d.start("failover", LEADS, s -> s.provider("a").failover("b"));
      d.scheduler.runUntil(() -> named[0].accepted.get() >= 5);
      named[0].down = true;
      d.runUntilStatus(id, CampaignStatus.COMPLETED);
      CampaignProgress p = d.progress(id);
      Meters meters = new Meters(d.registry);

      assertThat(meters.counted("dialkit.calls.failovers", "campaign", id.value()))
          .isEqualTo(p.failovers())
          .isEqualTo(named[1].accepted.get())
          .isPositive();
      assertThat(meters.counted("dialkit.calls.ended", "outcome", "COMPLETED"))
          .as("a call released unsent for failover is no ended call")
          .isEqualTo(p.completed())
          .isEqualTo(LEADS);
      assertThat(meters.counted("dialkit.calls.ended"))
          .as("nor any other outcome")
          .isEqualTo(p.callsEnded())
          .isEqualTo(LEADS);
      assertThat(
              meters.timed(
                  "dialkit.provider.requests", "provider", "a", "result", "ACCOUNT_OR_PERMISSION"))
          .as("a's refusals, which failed the calls over")
          .isPositive();
      assertThat(meters.timed("dialkit.provider.requests", "provider", "b", "result", "ACCEPTED"))
          .isEqualTo(named[1].accepted.get());
      assertThat(meters.counted("dialkit.calls.place.failures"))
          .as("a refusal that fails over writes no place failure")
          .isZero();
      assertThat(meters.counted("dialkit.calls.placed", "provider", "b"))
          .isEqualTo(named[1].accepted.get());
    }
  }
}
