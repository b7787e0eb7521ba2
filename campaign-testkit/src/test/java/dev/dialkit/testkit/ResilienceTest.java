package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AutoPause;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lost webhooks, provider outages, ambiguous failures and auto-pause. */
class ResilienceTest {
  private static final ConcurrencyPolicy FIVE =
      ConcurrencyPolicy.builder().global(5).perTenant(5).build();

  private static List<Call> calls(DialerRig rig, CampaignId id) {
    return rig.allLeads(id).stream()
        .flatMap(
            l ->
                java.util.stream.IntStream.rangeClosed(1, Math.max(1, l.attempts()))
                    .mapToObj(a -> dev.dialkit.campaign.CallId.forAttempt(l.id(), a)))
        .map(c -> rig.dialer.calls().get(DialerRig.TENANT, c))
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  @Test
  void theWatchdogSettlesLostTerminalWebhooksThroughTheStatusQuery() {
    try (DialerRig rig = new DialerRig(FIVE, p -> p.lossProbability(1.0))) {
      CampaignId id = rig.startCampaign("lost", 10, s -> s.maxCallDuration(Duration.ofMinutes(5)));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      for (SimulatedCall truth : rig.provider.calls()) {
        Call call = rig.dialer.calls().get(DialerRig.TENANT, truth.callId()).orElseThrow();
        assertThat(call.status()).isEqualTo(truth.status());
        assertThat(call.duration()).isEqualTo(truth.billedDuration());
      }
      assertThat(rig.store.slotUsage(DialerRig.TENANT, id).global()).isZero();
    }
  }

  @Test
  void withoutAStatusQueryTheWatchdogEndsTheCallNoStatusCallbackAndFreesItsSlotOnce() {
    try (DialerRig rig = new DialerRig(FIVE, p -> p.lossProbability(1.0))) {
      rig.flaky.statusQuery = false;
      CampaignId id = rig.startCampaign("lost", 8, s -> s.maxCallDuration(Duration.ofMinutes(5)));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      List<Call> calls = calls(rig, id);
      assertThat(calls).hasSize(8);
      assertThat(calls)
          .allSatisfy(
              c -> {
                assertThat(c.status()).isEqualTo(CallStatus.FAILED);
                assertThat(c.failureReason()).isEqualTo(FailureReason.NO_STATUS_CALLBACK);
                assertThat(c.duration()).as("nothing was said, nothing is made up").isNull();
              });
      // ended after ring timeout + max duration + grace (30 s + 5 min + 2 min), not before
      for (Call c : calls) {
        assertThat(Duration.between(c.createdAt(), c.updatedAt()))
            .isGreaterThanOrEqualTo(Duration.ofSeconds(30 + 300 + 120));
      }
      assertThat(rig.store.slotUsage(DialerRig.TENANT, id).global()).isZero();
      var counters = rig.dialer.campaigns().get(DialerRig.TENANT, id).counters();
      assertThat(counters.get(Counter.CALLS_FAILED)).isEqualTo(8);
      assertThat(counters.get(Counter.LEADS_IN_PROGRESS)).isZero();
    }
  }

  /**
   * A call whose end nobody reported may have been answered: even a policy that retries failed
   * calls does not dial its lead again.
   */
  @Test
  void aCallWithoutAStatusCallbackIsNeverRetried() {
    try (DialerRig rig = new DialerRig(FIVE, p -> p.lossProbability(1.0))) {
      rig.flaky.statusQuery = false;
      RetryPolicy failed =
          new RetryPolicy(java.util.Set.of(CallStatus.FAILED), 3, Duration.ofMinutes(1));
      CampaignId id =
          rig.startCampaign("lost", 4, s -> s.maxCallDuration(Duration.ofMinutes(5)).retry(failed));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(rig.provider.calls()).as("one call per lead").hasSize(4);
      assertThat(rig.allLeads(id))
          .allSatisfy(l -> assertThat(l.state()).isEqualTo(LeadState.FAILED));
      assertThat(rig.dialer.campaigns().progress(DialerRig.TENANT, id).retries()).isZero();
    }
  }

  @Test
  void anOutageOpensTheBreakerLeavesLeadsQueuedAndNobodyIsDialedTwice() {
    try (DialerRig rig = new DialerRig(FIVE, p -> p)) {
      rig.flaky.mode = FlakyProvider.Mode.DOWN;
      CampaignId id = rig.startCampaign("outage", 40, s -> s);
      rig.scheduler.advance(Duration.ofMinutes(5));

      List<DialkitEvent.ProviderCircuitChanged> changes =
          rig.events.stream()
              .filter(e -> e instanceof DialkitEvent.ProviderCircuitChanged)
              .map(e -> (DialkitEvent.ProviderCircuitChanged) e)
              .toList();
      assertThat(changes).anyMatch(c -> c.to().equals("OPEN"));
      // while open (until the breaker lets its next probes through) not one create request is sent
      for (int i = 0; i < changes.size(); i++) {
        if (changes.get(i).to().equals("OPEN")) {
          java.time.Instant opened = changes.get(i).occurredAt();
          boolean probedSince = i + 1 < changes.size();
          java.time.Instant probing =
              probedSince ? changes.get(i + 1).occurredAt() : rig.clock.instant();
          if (probedSince) {
            assertThat(Duration.between(opened, probing))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
          }
          assertThat(rig.flaky.createTimes)
              .noneMatch(t -> t.isAfter(opened) && t.isBefore(probing));
        }
      }
      assertThat(rig.flaky.creates.get()).as("far fewer than 40 leads x 3 tries").isLessThan(60);
      assertThat(rig.allLeads(id))
          .filteredOn(l -> l.state() == LeadState.QUEUED)
          .hasSizeGreaterThan(30)
          .allSatisfy(l -> assertThat(l.attempts()).as("untouched").isZero());

      rig.flaky.mode = FlakyProvider.Mode.HEALTHY;
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(rig.events)
          .anyMatch(
              e -> e instanceof DialkitEvent.ProviderCircuitChanged c && c.to().equals("CLOSED"));
      for (Lead lead : rig.allLeads(id)) {
        assertThat(rig.providerCallsTo(lead.phone())).as("dialed exactly once").hasSize(1);
        assertThat(lead.state().isFinal()).isTrue();
        assertThat(lead.attempts()).isEqualTo(1);
      }
    }
  }

  @Test
  void anAmbiguousFailureAfterTheCallWasCreatedIsNeverResent() {
    try (DialerRig rig = new DialerRig(FIVE, p -> p)) {
      rig.flaky.mode = FlakyProvider.Mode.TIMEOUT_AFTER_SEND;
      CampaignId id = rig.startCampaign("ambiguous", 10, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(rig.flaky.creates.get()).isEqualTo(10);
      for (Lead lead : rig.allLeads(id)) {
        assertThat(rig.providerCallsTo(lead.phone())).hasSize(1);
      }
      for (SimulatedCall truth : rig.provider.calls()) {
        assertThat(rig.dialer.calls().get(DialerRig.TENANT, truth.callId()).orElseThrow().status())
            .isEqualTo(truth.status());
      }
    }
  }

  @Test
  void anAmbiguousFailureOfACallNeverCreatedIsReconciledThenDialedOnce() {
    try (DialerRig rig = new DialerRig(FIVE, p -> p)) {
      rig.flaky.mode = FlakyProvider.Mode.TIMEOUT_BEFORE_SEND;
      CampaignId id = rig.startCampaign("not created", 5, s -> s);
      rig.scheduler.advance(Duration.ofSeconds(10));
      assertThat(rig.provider.calls()).isEmpty();
      rig.flaky.mode = FlakyProvider.Mode.HEALTHY;
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(rig.fullLog(id))
          .anyMatch(
              e ->
                  e.event() == CallLogEvent.CALL_RELEASED
                      && e.detail().contains("has no such call"));
      for (Lead lead : rig.allLeads(id)) {
        assertThat(rig.providerCallsTo(lead.phone())).hasSize(1);
        assertThat(lead.attempts()).as("the uncreated call did not count").isEqualTo(1);
      }
    }
  }

  @Test
  void aCampaignPausesItselfWhenTooManyCallsFailAndSaysWhy() {
    try (DialerRig rig = new DialerRig(FIVE, p -> p.outcomeOdds(0, 0, 0, 1.0))) {
      CampaignId id = rig.startCampaign("failing", 100, s -> s.autoPause(new AutoPause(10, 0.5)));
      rig.runUntilStatus(id, CampaignStatus.PAUSED);
      rig.scheduler.runDue();

      DialkitEvent.CampaignPaused paused =
          rig.events.stream()
              .filter(e -> e instanceof DialkitEvent.CampaignPaused)
              .map(e -> (DialkitEvent.CampaignPaused) e)
              .findFirst()
              .orElseThrow();
      assertThat(paused.reason())
          .isEqualTo("auto-paused: 10 of the last 10 calls failed (100 %, above 50 %)");
      long placed =
          rig.dialer.campaigns().get(DialerRig.TENANT, id).counters().get(Counter.CALLS_PLACED);
      rig.scheduler.advance(Duration.ofMinutes(10));
      assertThat(
              rig.dialer.campaigns().get(DialerRig.TENANT, id).counters().get(Counter.CALLS_PLACED))
          .isEqualTo(placed)
          .isLessThan(20);
    }
  }
}
