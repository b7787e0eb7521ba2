package dev.dialkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A campaign dialed to the end through the simulated network, with busy and unanswered calls
 * retried, transient refusals of the create request, and duplicated webhooks: every meter agrees
 * with what the store holds.
 */
class MetricsMatchProgressTest {
  private static final int LEADS = 40;

  @Test
  void theMetersAgreeWithTheStoresProgressAndLog() {
    try (MeteredDialer d =
        new MeteredDialer(
            s ->
                s.outcomeOdds(0.1, 0.2, 0.2, 0.1)
                    .placeFailures(0.15, 0)
                    .duplicateProbability(0.2))) {
      CampaignId id =
          d.start("metered", LEADS, c -> c.retry(RetryPolicy.noAnswerAndBusy(2, Duration.ZERO)));
      Meters meters = new Meters(d.registry);

      d.scheduler.runUntil(() -> meters.gauged("dialkit.calls.in.progress") > 0);
      assertThat(meters.gauged("dialkit.calls.in.progress", "campaign", id.value()))
          .as("calls in progress while dialing")
          .isBetween(1.0, 4.0);

      d.runUntilStatus(id, CampaignStatus.COMPLETED);
      CampaignProgress p = d.progress(id);

      assertThat(meters.counted("dialkit.calls.placed", "campaign", id.value()))
          .as("placed")
          .isEqualTo(p.callsPlaced())
          .isGreaterThanOrEqualTo(LEADS);
      assertThat(outcome(meters, "COMPLETED")).isEqualTo(p.completed());
      assertThat(outcome(meters, "VOICEMAIL")).isEqualTo(p.voicemail());
      assertThat(outcome(meters, "BUSY")).isEqualTo(p.busy()).isPositive();
      assertThat(outcome(meters, "NO_ANSWER")).isEqualTo(p.noAnswer()).isPositive();
      assertThat(outcome(meters, "FAILED")).isEqualTo(p.callsFailed());
      assertThat(meters.counted("dialkit.calls.ended")).isEqualTo(p.callsEnded());
      assertThat(meters.counted("dialkit.calls.retries", "tenant", "acme"))
          .as("retries")
          .isEqualTo(p.retries())
          .isPositive();
      assertThat(meters.counted("dialkit.calls.failovers")).isEqualTo(p.failovers()).isZero();
      assertThat(meters.gauged("dialkit.calls.in.progress")).as("none left").isZero();

      long placeFailures = placeFailedEntries(d, id);
      assertThat(meters.counted("dialkit.calls.place.failures", "ended", "false"))
          .as("transient refusals, each retried")
          .isEqualTo(placeFailures)
          .isPositive();

      long accepted = meters.timed("dialkit.provider.requests", "result", "ACCEPTED");
      assertThat(accepted).isEqualTo(p.callsPlaced());
      assertThat(meters.timed("dialkit.provider.requests") - accepted)
          .as("each transient refusal, answered by the provider")
          .isEqualTo(placeFailures);
      // a claim takes a batch of leads: at least one claim, never more claims than calls placed
      assertThat(meters.timed("dialkit.claims", "result", "claimed"))
          .as("successful claims, each of one or more of the calls placed")
          .isPositive()
          .isLessThanOrEqualTo(p.callsPlaced());
      assertThat(meters.timed("dialkit.webhooks"))
          .as("every webhook the simulator sent was measured")
          .isEqualTo(d.simulator.webhookCounts().sent());
      assertThat(meters.timed("dialkit.webhooks", "provider", "simulated", "result", "APPLIED"))
          .isPositive();
      assertThat(meters.timed("dialkit.webhooks", "result", "DUPLICATE")).isPositive();
      assertThat(meters.counted("dialkit.store.failures")).isZero();
    }
  }

  private static long outcome(Meters meters, String outcome) {
    return meters.counted("dialkit.calls.ended", "outcome", outcome);
  }

  private static long placeFailedEntries(MeteredDialer d, CampaignId id) {
    List<CallLogEntry> all = new ArrayList<>();
    long cursor = 0;
    while (true) {
      var page =
          d.store.campaignLog(
              MeteredDialer.TENANT, id, PageRequest.after(cursor, PageRequest.MAX_LIMIT));
      if (page.items().isEmpty()) {
        break;
      }
      all.addAll(page.items());
      cursor = page.nextCursor();
    }
    return all.stream().filter(e -> e.event() == CallLogEvent.CALL_PLACE_FAILED).count();
  }
}
