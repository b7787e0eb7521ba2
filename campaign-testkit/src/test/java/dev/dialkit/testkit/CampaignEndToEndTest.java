package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A whole campaign of 10,000 leads at concurrency 50 in virtual time: about 2.5 hours of calls,
 * with duplicated and reordered webhooks, checked against the simulated provider's ground truth.
 */
class CampaignEndToEndTest {
  private static final int LEADS = 10_000;
  private static final int LIMIT = 50;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard only; the run takes seconds
  void tenThousandLeadsAtConcurrencyFifty() {
    try (DialerRig rig =
        new DialerRig(
            ConcurrencyPolicy.builder().global(LIMIT).perTenant(LIMIT).build(),
            p ->
                p.outcomeOdds(0.08, 0.10, 0.20, 0.02)
                    .duplicateProbability(0.05)
                    .reorderProbability(0.05))) {
      CampaignId id = rig.campaign("ten thousand", s -> s);
      assertThat(rig.dialer.leads().add(DialerRig.TENANT, id, DialerRig.leads(LEADS)).inserted())
          .isEqualTo(LEADS);
      rig.dialer.start();
      rig.dialer.campaigns().start(DialerRig.TENANT, id);

      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      rig.scheduler.advance(Duration.ofSeconds(30)); // let late duplicates and listeners drain

      // active calls never above the limit, sampled after every claim and every transition
      assertThat(rig.samples.get()).isGreaterThan(2 * LEADS);
      assertThat(rig.maxGlobalSlots.get()).isEqualTo(LIMIT);
      assertThat(rig.provider.maxActiveCalls()).isLessThanOrEqualTo(LIMIT);

      // every lead reached a final state exactly once, with one call each
      List<Lead> leads = rig.allLeads(id);
      assertThat(leads).hasSize(LEADS);
      assertThat(leads).allSatisfy(l -> assertThat(l.state().isFinal()).isTrue());
      assertThat(leads).allSatisfy(l -> assertThat(l.attempts()).isEqualTo(1));
      List<CallLogEntry> log = rig.fullLog(id);
      Map<String, Integer> terminalEntriesPerCall = new HashMap<>();
      Map<CallStatus, Long> terminalByStatus = new EnumMap<>(CallStatus.class);
      for (CallLogEntry e : log) {
        if (e.event() == CallLogEvent.STATUS_APPLIED && e.status().isTerminal()) {
          terminalEntriesPerCall.merge(e.callId().value(), 1, Integer::sum);
          terminalByStatus.merge(e.status(), 1L, Long::sum);
        }
      }
      assertThat(terminalEntriesPerCall).hasSize(LEADS);
      assertThat(terminalEntriesPerCall.values()).containsOnly(1);
      assertThat(log).anyMatch(e -> e.event() == CallLogEvent.STATUS_DUPLICATE);

      // the counters equal what the call log says
      Campaign campaign = rig.dialer.campaigns().get(DialerRig.TENANT, id);
      var c = campaign.counters();
      assertThat(c.get(Counter.CALLS_COMPLETED))
          .isEqualTo(count(terminalByStatus, CallStatus.COMPLETED));
      assertThat(c.get(Counter.CALLS_VOICEMAIL))
          .isEqualTo(count(terminalByStatus, CallStatus.VOICEMAIL));
      assertThat(c.get(Counter.CALLS_BUSY)).isEqualTo(count(terminalByStatus, CallStatus.BUSY));
      assertThat(c.get(Counter.CALLS_NO_ANSWER))
          .isEqualTo(count(terminalByStatus, CallStatus.NO_ANSWER));
      assertThat(c.get(Counter.CALLS_FAILED)).isEqualTo(count(terminalByStatus, CallStatus.FAILED));
      assertThat(c.get(Counter.CALLS_PLACED)).isEqualTo(LEADS);
      assertThat(c.get(Counter.LEADS_DONE) + c.get(Counter.LEADS_FAILED)).isEqualTo(LEADS);
      assertThat(c.get(Counter.LEADS_DONE))
          .isEqualTo(leads.stream().filter(l -> l.state() == LeadState.DONE).count());
      assertThat(c.get(Counter.LEADS_QUEUED) + c.get(Counter.LEADS_IN_PROGRESS)).isZero();

      // every duration is the provider's end minus its answer time
      long talkMillis = 0;
      for (SimulatedCall truth : rig.provider.calls()) {
        Call call = rig.dialer.calls().get(DialerRig.TENANT, truth.callId()).orElseThrow();
        assertThat(call.answeredAt()).isEqualTo(truth.answeredAt());
        assertThat(call.endedAt()).isEqualTo(truth.endedAt());
        assertThat(call.duration()).isEqualTo(truth.billedDuration());
        assertThat(call.providerCallId()).isEqualTo(truth.providerCallId());
        assertThat(call.status()).isEqualTo(truth.status());
        if (call.status().isAnswered()) {
          talkMillis += call.duration().toMillis();
        }
      }
      assertThat(rig.provider.calls()).hasSize(LEADS);
      assertThat(c.get(Counter.TALK_MILLIS)).isEqualTo(talkMillis);

      // listeners heard the end, and progress at most every 250 ms
      assertThat(rig.events).anyMatch(e -> e instanceof DialkitEvent.CampaignCompleted);
      List<java.time.Instant> progressTimes =
          rig.events.stream()
              .filter(e -> e instanceof DialkitEvent.ProgressUpdated)
              .map(DialkitEvent::occurredAt)
              .toList();
      assertThat(progressTimes).hasSizeGreaterThan(100);
      for (int i = 1; i < progressTimes.size(); i++) {
        assertThat(Duration.between(progressTimes.get(i - 1), progressTimes.get(i)))
            .isGreaterThanOrEqualTo(Duration.ofMillis(250));
      }
    }
  }

  private static long count(Map<CallStatus, Long> byStatus, CallStatus status) {
    return byStatus.getOrDefault(status, 0L);
  }
}
