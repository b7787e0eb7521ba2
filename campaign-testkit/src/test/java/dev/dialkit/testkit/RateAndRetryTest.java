package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calls-per-second limit and the retry policy. */
class RateAndRetryTest {
  private static final ConcurrencyPolicy WIDE =
      ConcurrencyPolicy.builder().global(50).perTenant(50).build();

  @Test
  void createRequestsNeverExceedTheProvidersCallsPerSecond() {
    try (DialerRig rig = new DialerRig(WIDE, p -> p.callsPerSecondLimit(2))) {
      CampaignId id = rig.startCampaign("cps", 40, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      List<Instant> placed =
          rig.provider.calls().stream().map(SimulatedCall::placedAt).sorted().toList();
      assertThat(placed).hasSize(40);
      for (int i = 2; i < placed.size(); i++) {
        // any three consecutive creates span at least a second: never more than 2 per second
        assertThat(Duration.between(placed.get(i - 2), placed.get(i)))
            .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      }
      // and the provider never had to refuse one
      assertThat(rig.fullLog(id)).noneMatch(e -> e.event() == CallLogEvent.CALL_PLACE_FAILED);
      // the sliding window still kept going: 40 calls took about 20 s to place, not 40 x a call
      assertThat(Duration.between(placed.get(0), placed.get(39)))
          .isLessThan(Duration.ofSeconds(21));
    }
  }

  @Test
  void noAnswerIsRetriedUpToTheBudgetAfterTheBackoff() {
    try (DialerRig rig = new DialerRig(WIDE, p -> p.outcomeOdds(0, 0, 1.0, 0))) {
      CampaignId id =
          rig.startCampaign(
              "retries", 3, s -> s.retry(RetryPolicy.noAnswerAndBusy(3, Duration.ofMinutes(10))));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      for (Lead lead : rig.allLeads(id)) {
        assertThat(lead.state()).isEqualTo(LeadState.FAILED);
        assertThat(lead.attempts()).isEqualTo(3);
        List<SimulatedCall> calls = rig.providerCallsTo(lead.phone());
        assertThat(calls).hasSize(3);
        for (int i = 1; i < calls.size(); i++) {
          assertThat(Duration.between(calls.get(i - 1).endedAt(), calls.get(i).placedAt()))
              .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        }
      }
      CampaignProgress progress = rig.dialer.campaigns().progress(DialerRig.TENANT, id);
      assertThat(progress.retries()).as("two retries for each of the 3 leads").isEqualTo(6);
      assertThat(progress.callsEnded()).isEqualTo(9);
      assertThat(progress.failovers()).isZero();
    }
  }

  @Test
  void anInvalidNumberIsNeverRetriedEvenWhenFailuresAre() {
    RetryPolicy everything =
        new RetryPolicy(
            EnumSet.of(CallStatus.FAILED, CallStatus.NO_ANSWER, CallStatus.BUSY),
            5,
            Duration.ofMinutes(1));
    try (DialerRig rig =
        new DialerRig(WIDE, p -> p.invalidNumbers(n -> n.e164().endsWith("0001")))) {
      CampaignId id = rig.startCampaign("invalid", 3, s -> s.retry(everything));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      Lead invalid =
          rig.allLeads(id).stream()
              .filter(l -> l.phone().e164().endsWith("0001"))
              .findFirst()
              .get();
      assertThat(invalid.state()).isEqualTo(LeadState.FAILED);
      assertThat(invalid.attempts()).isEqualTo(1);
      Call call =
          rig.dialer
              .calls()
              .get(DialerRig.TENANT, dev.dialkit.campaign.CallId.forAttempt(invalid.id(), 1))
              .orElseThrow();
      assertThat(call.failureReason()).isEqualTo(FailureReason.INVALID_NUMBER);
      assertThat(call.hangupCause()).isEqualTo("21211");
    }
  }

  @Test
  void aRetriedLeadWaitsInTheQueueWithItsNextAttemptTime() {
    try (DialerRig rig = new DialerRig(WIDE, p -> p.outcomeOdds(0, 1.0, 0, 0))) {
      CampaignId id =
          rig.startCampaign(
              "busy", 1, s -> s.retry(RetryPolicy.noAnswerAndBusy(2, Duration.ofMinutes(30))));
      rig.scheduler.runUntil(() -> rig.allLeads(id).get(0).lastOutcome() == CallStatus.BUSY);
      Lead lead = rig.allLeads(id).get(0);
      assertThat(lead.state()).isEqualTo(LeadState.QUEUED);
      assertThat(lead.nextAttemptAt()).isEqualTo(rig.clock.instant().plus(Duration.ofMinutes(30)));
    }
  }
}
