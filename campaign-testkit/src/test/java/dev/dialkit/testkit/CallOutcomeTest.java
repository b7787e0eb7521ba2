package dev.dialkit.testkit;

import static dev.dialkit.testkit.DialerRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.DispositionCode;
import dev.dialkit.campaign.DispositionSet;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.DialRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dispositions and callbacks through the real dialer in virtual time: the codes' effects
 * (conversion, do-not-call across campaigns, a callback at a local time in the lead's zone dialed
 * then and not before, with the previous call's summary and disposition in its variables), one log
 * entry per change, and another tenant's call read as missing.
 */
class CallOutcomeTest {
  // the rig starts Monday 2026-03-02 09:00 UTC: open in London, closed in Auckland (22:00)
  private static final CallingWindow WINDOW = CallingWindow.daily("08:00", "20:00");
  private static final DispositionSet CODES =
      DispositionSet.of(
              DispositionCode.success("interested"),
              DispositionCode.doNotCall("do_not_call"),
              DispositionCode.callback("callback"))
          .callbacksCountAsAttempts(false);

  private static NewLead lead(int i, String zone) {
    return NewLead.of(String.format("+1212%07d", 2_000_000 + i), "Lead " + i).withTimeZoneId(zone);
  }

  private static Call onlyCall(DialerRig rig, Lead lead) {
    return rig.dialer
        .calls()
        .get(TENANT, dev.dialkit.campaign.CallId.forAttempt(lead.id(), 1))
        .orElseThrow();
  }

  private static List<dev.dialkit.campaign.TimelineEntry> entries(
      DialerRig rig, Call call, CallLogEvent event) {
    return rig.dialer.callLog().forCall(TENANT, call.id(), PageRequest.of(0, 100)).items().stream()
        .filter(e -> e.event() == event)
        .toList();
  }

  @Test
  void dispositionsConvertSuppressAndCallBackAtTheLeadsLocalTime() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.defaults(), p -> p.outcomeOdds(0, 0, 0, 0))) {
      CampaignId id = rig.campaign("outcomes", s -> s.callingWindow(WINDOW).dispositions(CODES));
      rig.dialer
          .leads()
          .add(
              TENANT,
              id,
              List.of(
                  lead(1, "Europe/London"),
                  lead(2, "Europe/London"),
                  // waits for its window: keeps the campaign running
                  lead(3, "Pacific/Auckland")));
      rig.dialer.start();
      rig.dialer.campaigns().start(TENANT, id);
      List<Lead> leads = rig.allLeads(id);
      Lead a = leads.get(0);
      Lead c = leads.get(1);
      rig.scheduler.runUntil(
          () -> rig.allLeads(id).stream().filter(l -> l.state() == LeadState.DONE).count() == 2);
      Call callA = onlyCall(rig, a);
      Call callC = onlyCall(rig, c);
      assertThat(callA.status()).isEqualTo(CallStatus.COMPLETED);

      rig.dialer.calls().disposition(TENANT, callA.id(), Disposition.of("interested"));
      CampaignProgress progress = rig.dialer.campaigns().progress(TENANT, id);
      assertThat(progress.dispositions()).isEqualTo(Map.of("interested", 1L));
      assertThat(progress.conversionRate()).as("1 of 2 answered").isEqualTo(0.5);

      rig.dialer.calls().disposition(TENANT, callC.id(), Disposition.of("do_not_call"));
      assertThat(rig.dialer.suppressions().find(TENANT, c.phone()))
          .hasValueSatisfying(s -> assertThat(s.source()).isEqualTo(SuppressionSource.OPT_OUT));

      // the person asked to be called at 15:30 their time; the agent's summary says so
      rig.store.saveConversation(
          TENANT,
          callA.id(),
          new Conversation(null, "asked for a call at 15:30", Map.of()),
          rig.clock.instant());
      Disposition callback =
          Disposition.of("callback").withCallbackAt(LocalDateTime.parse("2026-03-02T15:30"));
      rig.dialer.calls().disposition(TENANT, callA.id(), callback);
      rig.dialer.calls().disposition(TENANT, callA.id(), callback); // retried: unchanged

      Lead waiting = rig.dialer.leads().get(TENANT, a.id()).orElseThrow();
      assertThat(waiting.state()).isEqualTo(LeadState.QUEUED);
      assertThat(waiting.hold()).isEqualTo(LeadHold.CALLBACK);
      assertThat(waiting.attempts()).as("callbacks do not count: refunded").isZero();
      DialDecision decision = rig.dialer.leads().decision(TENANT, a.id());
      assertThat(decision.reason()).isEqualTo(DialDecision.Reason.CALLBACK);
      assertThat(decision.detail()).contains("2026-03-02T15:30", "Europe/London");
      assertThat(rig.dialer.campaigns().progress(TENANT, id).dispositions())
          .isEqualTo(Map.of("callback", 1L, "do_not_call", 1L));
      assertThat(entries(rig, callA, CallLogEvent.DISPOSITION_RECORDED))
          .as("interested, then callback; the retry logged nothing")
          .hasSize(2);
      assertThat(entries(rig, callA, CallLogEvent.CALLBACK_SCHEDULED))
          .as("on the call that asked for it, with the local time")
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.detail()).contains("2026-03-02T15:30", "Europe/London"));

      rig.scheduler.advance(
          Duration.between(
              rig.clock.instant(), java.time.Instant.parse("2026-03-02T15:29:00Z"))); // London
      assertThat(rig.providerCallsTo(a.phone())).hasSize(1);
      assertThat(rig.providerCallsTo(c.phone())).as("suppressed").hasSize(1);
      rig.scheduler.advance(Duration.ofMinutes(2));
      rig.scheduler.runUntil(() -> rig.providerCallsTo(a.phone()).size() == 2);
      assertThat(rig.providerCallsTo(a.phone()).get(1).placedAt())
          .isBetween(
              java.time.Instant.parse("2026-03-02T15:30:00Z"),
              java.time.Instant.parse("2026-03-02T15:31:00Z"));
      DialRequest again =
          rig.flaky.requests.stream()
              .filter(r -> r.callId().equals(dev.dialkit.campaign.CallId.forAttempt(a.id(), 2)))
              .findFirst()
              .orElseThrow();
      assertThat(again.agent().variables())
          .containsEntry("transcript_summary", "asked for a call at 15:30")
          .containsEntry("last_conversation", "asked for a call at 15:30")
          .containsEntry("last_disposition", "callback");

      // listeners see what progress() shows: the counts ride in every progress event
      rig.scheduler.advance(Duration.ofMinutes(5));
      CampaignProgress announced =
          rig.events.stream()
              .filter(DialkitEvent.ProgressUpdated.class::isInstance)
              .map(e -> ((DialkitEvent.ProgressUpdated) e).progress())
              .reduce((first, second) -> second)
              .orElseThrow();
      assertThat(announced.callsEnded()).as("after the callback's call").isEqualTo(3);
      assertThat(announced.dispositions()).isEqualTo(Map.of("callback", 1L, "do_not_call", 1L));
    }
  }

  @Test
  void aCallbackAskedDuringTheLastCallReopensTheCompletedCampaignAndIsDialedThen() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.defaults(), p -> p.outcomeOdds(0, 0, 0, 0))) {
      CampaignId id = rig.campaign("reopen", s -> s.callingWindow(WINDOW).dispositions(CODES));
      rig.dialer.leads().add(TENANT, id, List.of(lead(1, "Europe/London")));
      rig.dialer.start();
      rig.dialer.campaigns().start(TENANT, id);
      rig.runUntilStatus(id, dev.dialkit.campaign.CampaignStatus.COMPLETED);
      Lead only = rig.allLeads(id).get(0);
      Call last = onlyCall(rig, only);

      // the agent's disposition comes after the call ended, and so after the campaign completed
      rig.dialer
          .calls()
          .disposition(
              TENANT,
              last.id(),
              Disposition.of("callback").withCallbackAt(LocalDateTime.parse("2026-03-02T15:30")));

      assertThat(rig.status(id)).isEqualTo(dev.dialkit.campaign.CampaignStatus.RUNNING);
      rig.scheduler.runDue(); // listeners run on the scheduler
      assertThat(rig.events)
          .filteredOn(DialkitEvent.CampaignResumed.class::isInstance)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(((DialkitEvent.CampaignResumed) e).reason())
                      .contains("reopened", only.id().value()));
      rig.scheduler.advance(
          Duration.between(rig.clock.instant(), java.time.Instant.parse("2026-03-02T15:29:00Z")));
      assertThat(rig.providerCallsTo(only.phone())).as("not before its time").hasSize(1);
      rig.scheduler.advance(Duration.ofMinutes(2));
      rig.runUntilStatus(id, dev.dialkit.campaign.CampaignStatus.COMPLETED);
      assertThat(rig.providerCallsTo(only.phone())).hasSize(2);
      assertThat(rig.providerCallsTo(only.phone()).get(1).placedAt())
          .isBetween(
              java.time.Instant.parse("2026-03-02T15:30:00Z"),
              java.time.Instant.parse("2026-03-02T15:31:00Z"));
      assertThat(rig.events)
          .filteredOn(DialkitEvent.CampaignCompleted.class::isInstance)
          .as("completed, reopened, completed again")
          .hasSize(2);
    }
  }

  @Test
  void anotherTenantsCallIsNotFoundAndAnUnknownCodeIsRefusedChangingNothing() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.defaults(), p -> p.outcomeOdds(0, 0, 0, 0))) {
      CampaignId id = rig.campaign("tenants", s -> s.dispositions(CODES));
      rig.dialer.leads().add(TENANT, id, List.of(lead(1, "Europe/London")));
      rig.dialer.start();
      rig.dialer.campaigns().start(TENANT, id);
      rig.scheduler.runUntil(() -> rig.allLeads(id).get(0).state() == LeadState.DONE);
      Call call = onlyCall(rig, rig.allLeads(id).get(0));

      assertThatThrownBy(
              () ->
                  rig.dialer
                      .calls()
                      .disposition(
                          TenantId.of("intruder"), call.id(), Disposition.of("do_not_call")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no call");
      assertThatThrownBy(
              () -> rig.dialer.calls().disposition(TENANT, call.id(), Disposition.of("sold")))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("disposition.code");
      assertThatThrownBy(
              () -> rig.dialer.calls().disposition(TENANT, call.id(), Disposition.of("callback")))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("callbackAt");
      assertThat(rig.dialer.calls().outcome(TENANT, call.id()).orElseThrow().disposition())
          .isNull();
      assertThat(rig.dialer.suppressions().find(TENANT, call.to())).isEmpty();
      assertThat(rig.dialer.suppressions().find(TenantId.of("intruder"), call.to())).isEmpty();
    }
  }
}
