package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor's behaviour: sliding window, pause, resume, cancel. All in virtual time. */
class DialerBehaviourTest {

  private static DialerRig rig(int limit) {
    return new DialerRig(
        ConcurrencyPolicy.builder().global(limit).perTenant(limit).build(), p -> p);
  }

  private static List<Call> initiatedCalls(DialerRig rig) {
    return rig.events.stream()
        .filter(e -> e instanceof DialkitEvent.CallUpdated u && u.previousStatus() == null)
        .map(e -> ((DialkitEvent.CallUpdated) e).call())
        .toList();
  }

  private static long placed(DialerRig rig, CampaignId id) {
    return rig.dialer.campaigns().get(DialerRig.TENANT, id).counters().get(Counter.CALLS_PLACED);
  }

  @Test
  void aFreedSlotIsRefilledAtOnceNotWhenTheBatchEnds() {
    try (DialerRig rig = rig(2)) {
      CampaignId id = rig.startCampaign("window", 3, s -> s);

      rig.scheduler.runUntil(() -> placed(rig, id) == 2);
      // run until the first of the two calls ends
      rig.scheduler.runUntil(
          () -> rig.store.findActiveCalls(DialerRig.TENANT, id).size() < 2 || placed(rig, id) == 3);
      rig.scheduler.runDue();
      Instant firstEnd = rig.clock.instant();

      List<Call> initiated = initiatedCalls(rig);
      assertThat(initiated).hasSize(3);
      Call third = initiated.get(2);
      assertThat(third.createdAt()).as("placed the instant the slot freed").isEqualTo(firstEnd);
      // and while the other call of the first pair was still in progress
      long stillActive =
          rig.store.findActiveCalls(DialerRig.TENANT, id).stream()
              .filter(c -> !c.id().equals(third.id()))
              .count();
      assertThat(stillActive).isEqualTo(1);
    }
  }

  @Test
  void pauseStopsNewCallsLetsCallsInProgressFinishAndResumeContinuesFromTheQueue() {
    try (DialerRig rig = rig(3)) {
      CampaignId id = rig.startCampaign("pausable", 30, s -> s);
      rig.scheduler.runUntil(() -> placed(rig, id) >= 8);

      rig.dialer.campaigns().pause(DialerRig.TENANT, id);
      int sentAtPause = rig.provider.calls().size();
      rig.scheduler.advance(Duration.ofHours(1));

      assertThat(rig.provider.calls()).as("no call sent while paused").hasSize(sentAtPause);
      assertThat(placed(rig, id))
          .as("claims not yet sent at the pause were released, not counted")
          .isEqualTo(sentAtPause);
      assertThat(rig.store.findActiveCalls(DialerRig.TENANT, id))
          .as("calls in progress finished and were tracked")
          .isEmpty();
      assertThat(rig.status(id)).isEqualTo(CampaignStatus.PAUSED);
      assertThat(rig.events).anyMatch(e -> e instanceof DialkitEvent.CampaignPaused);

      rig.dialer.campaigns().resume(DialerRig.TENANT, id);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      List<Lead> leads = rig.allLeads(id);
      assertThat(leads).allSatisfy(l -> assertThat(l.attempts()).isEqualTo(1));
      assertThat(placed(rig, id)).isEqualTo(30);
      assertThat(rig.events).anyMatch(e -> e instanceof DialkitEvent.CampaignResumed);
    }
  }

  @Test
  void cancelWithHangUpEndsCallsInProgressAndNeverDialsTheRest() {
    try (DialerRig rig = rig(3)) {
      CampaignId id = rig.startCampaign("cancel", 20, s -> s);
      rig.scheduler.runUntil(() -> rig.provider.activeCalls() == 3);

      List<Call> inProgress = rig.store.findActiveCalls(DialerRig.TENANT, id);
      long placedAtCancel = placed(rig, id);
      rig.dialer.campaigns().cancel(DialerRig.TENANT, id, true);
      rig.scheduler.advance(Duration.ofMinutes(10));

      assertThat(rig.status(id)).isEqualTo(CampaignStatus.CANCELED);
      assertThat(rig.store.findActiveCalls(DialerRig.TENANT, id)).isEmpty();
      for (Call call : inProgress) {
        Call ended = rig.dialer.calls().get(DialerRig.TENANT, call.id()).orElseThrow();
        assertThat(ended.status())
            .isIn(CallStatus.CANCELED, CallStatus.COMPLETED, CallStatus.VOICEMAIL);
      }
      assertThat(rig.provider.calls()).filteredOn(SimulatedCall::hungUp).isNotEmpty();
      assertThat(placed(rig, id)).isEqualTo(placedAtCancel);
      assertThat(rig.allLeads(id))
          .filteredOn(l -> l.state() == LeadState.QUEUED)
          .hasSize(20 - (int) placedAtCancel);
      assertThatThrownBy(() -> rig.dialer.campaigns().resume(DialerRig.TENANT, id))
          .isInstanceOf(IllegalCampaignStateException.class)
          .hasMessageContaining("CANCELED");
    }
  }

  @Test
  void cancelWithHangUpAlsoEndsCallsWhoseProviderIdHadNotArrivedYet() {
    try (DialerRig rig = rig(3)) {
      CampaignId id = rig.startCampaign("cancel-early", 10, s -> s);
      // the three requests reached the provider; its answers (100 ms later) have not arrived
      rig.scheduler.runUntil(() -> rig.provider.requests().size() == 3);
      assertThat(rig.store.findActiveCalls(DialerRig.TENANT, id))
          .hasSize(3)
          .allSatisfy(c -> assertThat(c.awaitsProvider()).isTrue());

      rig.dialer.campaigns().cancelAsync(DialerRig.TENANT, id, true);
      rig.scheduler.advance(Duration.ofMinutes(10));

      assertThat(rig.provider.calls())
          .hasSize(3)
          .allSatisfy(c -> assertThat(c.hungUp() || c.endedAt() != null).isTrue());
      assertThat(rig.provider.calls())
          .as("hung up once their ids arrived, not left to ring out")
          .filteredOn(SimulatedCall::hungUp)
          .isNotEmpty();
      assertThat(rig.provider.requests()).as("nothing sent after the cancel").hasSize(3);
      assertThat(rig.store.findActiveCalls(DialerRig.TENANT, id)).isEmpty();
    }
  }

  @Test
  void cancelWithoutHangUpLetsCallsFinishAndTracksThem() {
    try (DialerRig rig = rig(2)) {
      CampaignId id = rig.startCampaign("cancel-soft", 10, s -> s);
      rig.scheduler.runUntil(() -> rig.provider.activeCalls() == 2);

      rig.dialer.campaigns().cancel(DialerRig.TENANT, id, false);
      rig.scheduler.advance(Duration.ofHours(2));

      assertThat(rig.provider.calls()).noneMatch(SimulatedCall::hungUp).hasSize(2);
      assertThat(rig.store.findActiveCalls(DialerRig.TENANT, id)).isEmpty();
      var counters = rig.dialer.campaigns().get(DialerRig.TENANT, id).counters();
      assertThat(counters.get(Counter.LEADS_DONE) + counters.get(Counter.LEADS_FAILED))
          .isEqualTo(2);
    }
  }

  @Test
  void aCampaignNamingAProviderTheDialerLacksIsRejected() {
    try (DialerRig rig = rig(2)) {
      assertThatThrownBy(() -> rig.campaign("wrong provider", s -> s.provider("twilio")))
          .isInstanceOf(dev.dialkit.campaign.InvalidConfigurationException.class)
          .hasMessage("provider must be one of this dialer's providers [simulated], was twilio");
    }
  }

  @Test
  void progressIsDerivedFromTheStoredCounters() {
    try (DialerRig rig = rig(5)) {
      CampaignId id = rig.startCampaign("progress", 40, s -> s);
      rig.scheduler.runUntil(() -> placed(rig, id) >= 20);

      var p = rig.dialer.campaigns().progress(DialerRig.TENANT, id);
      assertThat(p.total()).isEqualTo(40);
      assertThat(p.queued() + p.inProgress() + p.finished()).isEqualTo(40);
      assertThat(p.inProgress()).isLessThanOrEqualTo(5);
      assertThat(p.elapsed()).isEqualTo(Duration.between(DialerRig.START, rig.clock.instant()));
      assertThat(p.eta()).as("known once leads have finished").isNotNull().isPositive();

      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      p = rig.dialer.campaigns().progress(DialerRig.TENANT, id);
      assertThat(p.finished()).isEqualTo(40);
      assertThat(p.eta()).isEqualTo(Duration.ZERO);
      assertThat(p.answerRate())
          .isEqualTo((double) (p.completed() + p.voicemail()) / p.callsEnded());
      assertThat(p.successRate()).isEqualTo((double) p.completed() / p.callsEnded());
      assertThat(p.averageDuration())
          .isEqualTo(p.totalTalkTime().dividedBy(p.completed() + p.voicemail()));
    }
  }

  @Test
  void operatorsGetClearErrorsForImpossibleMoves() {
    try (DialerRig rig = rig(2)) {
      CampaignId id = rig.campaign("draft", s -> s);
      assertThatThrownBy(() -> rig.dialer.campaigns().pause(DialerRig.TENANT, id))
          .isInstanceOf(IllegalCampaignStateException.class)
          .hasMessageContaining("cannot pause campaign " + id + ": it is DRAFT");
      assertThatThrownBy(
              () -> rig.dialer.campaigns().get(dev.dialkit.campaign.TenantId.of("other"), id))
          .isInstanceOf(dev.dialkit.campaign.CampaignNotFoundException.class);
    }
  }
}
