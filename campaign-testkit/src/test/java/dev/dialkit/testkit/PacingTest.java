package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pacing in virtual time (the rig starts Monday 09:00 UTC): calls spread evenly over the calling
 * window, and a deadline met at a concurrency far below the limit. Both print what they measured.
 */
class PacingTest {
  private static final ConcurrencyPolicy FIFTY =
      ConcurrencyPolicy.builder().global(50).perTenant(50).build();

  @Test
  void evenPacingSpreadsTheDaysLeadsOverTheWindow() {
    // 24 leads over 04:00-06:00 in their zone (New York: 09:00-11:00 UTC, open as the rig starts):
    // one call every 5 minutes, although 50 could run at once
    CallingWindow window = CallingWindow.daily("04:00", "06:00");
    try (DialerRig rig = new DialerRig(FIFTY, p -> p)) {
      CampaignId id =
          rig.startCampaign(
              "even", 24, s -> s.callingWindow(window).pacing(Pacing.evenOverWindow()));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      List<Instant> placed =
          rig.provider.calls().stream().map(SimulatedCall::placedAt).sorted().toList();
      assertThat(placed).hasSize(24);
      List<Duration> gaps = new ArrayList<>();
      for (int i = 1; i < placed.size(); i++) {
        gaps.add(Duration.between(placed.get(i - 1), placed.get(i)));
      }
      Duration min = gaps.stream().min(Comparator.naturalOrder()).orElseThrow();
      Duration max = gaps.stream().max(Comparator.naturalOrder()).orElseThrow();
      System.out.printf(
          "even pacing: 24 calls from %s to %s, gaps %s to %s (interval 2 h / 24 = PT5M)%n",
          placed.get(0), placed.get(placed.size() - 1), min, max);
      Instant opens = Instant.parse("2026-03-02T09:00:00Z");
      assertThat(placed.get(0)).isBetween(opens, opens.plusSeconds(5));
      assertThat(placed.get(placed.size() - 1))
          .isAfter(Instant.parse("2026-03-02T10:50:00Z"))
          .isBefore(Instant.parse("2026-03-02T11:00:00Z"));
      assertThat(gaps)
          .allSatisfy(
              g -> assertThat(g).isBetween(Duration.ofSeconds(285), Duration.ofSeconds(315)));
    }
  }

  @Test
  void finishByMeetsTheDeadlineAtTheLowestConcurrencyThatMakesIt() {
    // 300 leads by 10:00, an hour away, with a 2-minute prior; the limit would allow 50 at once
    Instant deadline = Instant.parse("2026-03-02T10:00:00Z");
    try (DialerRig rig = new DialerRig(FIFTY, p -> p)) {
      CampaignId id = rig.startCampaign("deadline", 300, s -> s.pacing(Pacing.finishBy(deadline)));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      Instant completed = rig.clock.instant();

      List<SimulatedCall> calls = rig.provider.calls();
      Instant lastPlaced =
          calls.stream().map(SimulatedCall::placedAt).max(Instant::compareTo).get();
      Instant lastEnded = calls.stream().map(SimulatedCall::endedAt).max(Instant::compareTo).get();
      int peak = peakConcurrency(calls);
      double mean =
          calls.stream()
                  .mapToLong(c -> Duration.between(c.placedAt(), c.endedAt()).toMillis())
                  .sum()
              / (double) Duration.between(DialerRig.START, lastEnded).toMillis();
      System.out.printf(
          "finish-by pacing: %d calls, last placed %s, completed %s (deadline %s);"
              + " concurrency peak %d, mean %.2f, limit 50%n",
          calls.size(), lastPlaced, completed, deadline, peak, mean);
      assertThat(lastPlaced).isBefore(deadline);
      assertThat(completed).isBefore(deadline.plus(Duration.ofMinutes(5)));
      assertThat(peak).isLessThan(50 / 2);
      assertThat(rig.maxGlobalSlots.get()).isLessThan(50 / 2);
    }
  }

  /** The most calls in progress at once, from the provider's own record. */
  private static int peakConcurrency(List<SimulatedCall> calls) {
    List<long[]> edges = new ArrayList<>();
    for (SimulatedCall c : calls) {
      edges.add(new long[] {c.placedAt().toEpochMilli(), 1});
      edges.add(new long[] {c.endedAt().toEpochMilli(), -1});
    }
    edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    int now = 0;
    int peak = 0;
    for (long[] e : edges) {
      now += (int) e[1];
      peak = Math.max(peak, now);
    }
    return peak;
  }
}
