package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallerIdRotation;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadNotFoundException;
import dev.dialkit.campaign.PreDialHook;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Pre-dial hooks, caller-id rotation and the dial-decision record. */
class HooksCallerIdsAndDecisionsTest {
  private static final ConcurrencyPolicy ONE =
      ConcurrencyPolicy.builder().global(1).perTenant(1).build();

  @Test
  void aFailingHookRequeuesTheLeadWithAReasonInsteadOfDialing() {
    Set<LeadId> warmedOnce = ConcurrentHashMap.newKeySet();
    // the bot is cold the first time for each lead: the hook fails once, then succeeds
    PreDialHook warmUp =
        (campaign, lead, call) ->
            warmedOnce.add(lead.id())
                ? CompletableFuture.failedFuture(new IllegalStateException("bot not warm"))
                : CompletableFuture.completedFuture(null);
    try (DialerRig rig =
        new DialerRig(
            ConcurrencyPolicy.builder().global(3).perTenant(3).build(),
            p -> p,
            b -> b.preDialHook(warmUp).hookRetryDelay(Duration.ofMinutes(2)))) {
      CampaignId id = rig.startCampaign("hooks", 6, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(rig.fullLog(id))
          .filteredOn(e -> e.event() == CallLogEvent.PRE_DIAL_HOOK_FAILED)
          .hasSize(6)
          .allSatisfy(e -> assertThat(e.detail()).contains("bot not warm"));
      for (Lead lead : rig.allLeads(id)) {
        assertThat(rig.providerCallsTo(lead.phone()))
            .as("dialed once, after the hook passed")
            .hasSize(1);
        assertThat(lead.attempts()).as("the hook failure did not use an attempt").isEqualTo(1);
      }
    }
  }

  @Test
  void callerIdsRotateRoundRobinOrLeastRecentlyUsedAndAreRecordedOnTheCall() {
    try (DialerRig rig = new DialerRig(ONE, p -> p)) {
      CampaignId id = rig.startCampaign("rr", 5, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      assertThat(fromNumbers(rig)).containsExactly("0199", "0198", "0199", "0198", "0199");
    }
    try (DialerRig rig = new DialerRig(ONE, p -> p)) {
      CampaignId id =
          rig.startCampaign(
              "lru",
              4,
              s ->
                  s.callerIds("+14155550197")
                      .callerIdRotation(CallerIdRotation.LEAST_RECENTLY_USED));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      assertThat(fromNumbers(rig)).containsExactly("0199", "0198", "0197", "0199");
    }
  }

  private static List<String> fromNumbers(DialerRig rig) {
    return rig.provider.calls().stream()
        .sorted(Comparator.comparing(SimulatedCall::placedAt))
        .map(c -> rig.dialer.calls().get(DialerRig.TENANT, c.callId()).orElseThrow().from())
        .map(n -> n.e164().substring(8))
        .toList();
  }

  @Test
  void everyLeadCanSayWhyItWasDialedDeferredOrSkipped() {
    try (DialerRig rig = new DialerRig(ONE, p -> p.outcomeOdds(0, 1.0, 0, 0))) {
      CampaignId id =
          rig.startCampaign(
              "decisions", 3, s -> s.retry(RetryPolicy.noAnswerAndBusy(2, Duration.ofHours(1))));
      rig.scheduler.runUntil(() -> rig.provider.calls().size() == 1);
      rig.scheduler.runDue();

      List<Lead> leads = rig.allLeads(id);
      assertThat(decision(rig, leads.get(0)).kind()).isEqualTo(DialDecision.Kind.DIALED);
      assertThat(decision(rig, leads.get(1)).reason()).isEqualTo(DialDecision.Reason.GLOBAL_LIMIT);

      rig.scheduler.runUntil(() -> rig.allLeads(id).get(0).lastOutcome() != null);
      DialDecision backoff = decision(rig, rig.allLeads(id).get(0));
      assertThat(backoff.kind()).isEqualTo(DialDecision.Kind.DEFERRED);
      assertThat(backoff.reason()).isEqualTo(DialDecision.Reason.RETRY_BACKOFF);

      rig.dialer.campaigns().pause(DialerRig.TENANT, id);
      assertThat(decision(rig, rig.allLeads(id).get(2)).reason())
          .isEqualTo(DialDecision.Reason.CAMPAIGN_PAUSED);
      rig.dialer.campaigns().resume(DialerRig.TENANT, id);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      DialDecision done = decision(rig, rig.allLeads(id).get(0));
      assertThat(done.kind()).isEqualTo(DialDecision.Kind.SKIPPED);
      assertThat(done.reason()).isEqualTo(DialDecision.Reason.NOT_RETRIED);
      assertThat(done.attempts()).isEqualTo(2);
      assertThatThrownBy(
              () -> rig.dialer.leads().decision(TenantId.of("other"), rig.allLeads(id).get(0).id()))
          .isInstanceOf(LeadNotFoundException.class);
    }
  }

  @Test
  void aLeadOutsideItsWindowIsDeferredForTheWindow() {
    CallingWindow closedNow = CallingWindow.daily("13:00", "14:00");
    try (DialerRig rig = new DialerRig(ONE, p -> p)) {
      CampaignId id = rig.campaign("window", s -> s.callingWindow(closedNow));
      rig.dialer
          .leads()
          .add(
              DialerRig.TENANT,
              id,
              List.of(DialerRig.leads(1).get(0).withTimeZone(java.time.ZoneOffset.UTC)));
      rig.dialer.start();
      rig.dialer.campaigns().start(DialerRig.TENANT, id);
      rig.scheduler.runDue();
      DialDecision d = decision(rig, rig.allLeads(id).get(0));
      assertThat(d.reason()).isEqualTo(DialDecision.Reason.WINDOW_CLOSED);
      assertThat(d.detail()).contains("2026-03-02T13:00:00Z");
    }
  }

  private static DialDecision decision(DialerRig rig, Lead lead) {
    return rig.dialer.leads().decision(DialerRig.TENANT, lead.id());
  }
}
