package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The do-not-call list and the attempt caps through the whole dialer: a listed number is never
 * dialed, in any campaign of the tenant, whenever it was listed; a number at its cap waits, and its
 * lead says why.
 */
class ComplianceTest {
  private static final ConcurrencyPolicy WIDE =
      ConcurrencyPolicy.builder().global(20).perTenant(20).build();

  @Test
  void aListedNumberIsNeverDialedAndItsLeadSaysWhy() {
    try (DialerRig rig = new DialerRig(WIDE, p -> p)) {
      CampaignId id = rig.campaign("dnc", s -> s);
      rig.dialer.leads().add(DialerRig.TENANT, id, DialerRig.leads(3));
      Lead listed = rig.allLeads(id).get(1);
      rig.dialer
          .suppressions()
          .add(DialerRig.TENANT, listed.phone().e164(), SuppressionSource.COMPLAINT, "asked");
      rig.dialer.start();
      rig.dialer.campaigns().start(DialerRig.TENANT, id);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(rig.providerCallsTo(listed.phone())).isEmpty();
      assertThat(rig.provider.calls()).hasSize(2);
      Lead after = rig.dialer.leads().get(DialerRig.TENANT, listed.id()).orElseThrow();
      assertThat(after.state()).isEqualTo(LeadState.SKIPPED);
      DialDecision decision = rig.dialer.leads().decision(DialerRig.TENANT, listed.id());
      assertThat(decision.kind()).isEqualTo(DialDecision.Kind.SKIPPED);
      assertThat(decision.reason()).isEqualTo(DialDecision.Reason.SUPPRESSED);
      assertThat(rig.events)
          .anyMatch(
              e ->
                  e instanceof DialkitEvent.LeadPassedOver p
                      && p.lead().id().equals(listed.id())
                      && p.lead().hold() == LeadHold.SUPPRESSED);
    }
  }

  @Test
  void anOptOutDuringACallStopsItsRetriesAndEveryOtherCampaignOfTheTenant() {
    try (DialerRig rig = new DialerRig(WIDE, p -> p.outcomeOdds(0, 0, 1.0, 0))) {
      CampaignId first =
          rig.startCampaign(
              "first", 1, s -> s.retry(RetryPolicy.noAnswerAndBusy(3, Duration.ofMinutes(10))));
      Lead lead = rig.allLeads(first).get(0);
      rig.scheduler.runUntil(() -> !rig.providerCallsTo(lead.phone()).isEmpty());
      var call = rig.dialer.calls().active(DialerRig.TENANT, first).get(0);
      rig.dialer.suppressions().optOut(DialerRig.TENANT, call.id(), "said stop");

      CampaignId second = rig.campaign("second", s -> s);
      rig.dialer.leads().add(DialerRig.TENANT, second, List.of(DialerRig.leads(1).get(0)));
      rig.dialer.campaigns().start(DialerRig.TENANT, second);
      rig.runUntilStatus(first, CampaignStatus.COMPLETED);
      rig.runUntilStatus(second, CampaignStatus.COMPLETED);

      assertThat(rig.providerCallsTo(lead.phone()))
          .as("only the call before the opt-out")
          .hasSize(1);
      assertThat(
              rig.dialer.suppressions().find(DialerRig.TENANT, lead.phone()).orElseThrow().callId())
          .isEqualTo(call.id());
      assertThat(rig.allLeads(second).get(0).state()).isEqualTo(LeadState.SKIPPED);
    }
  }

  @Test
  void anotherTenantsListDoesNotApply() {
    try (DialerRig rig = new DialerRig(WIDE, p -> p)) {
      CampaignId id = rig.campaign("dnc", s -> s);
      rig.dialer.leads().add(DialerRig.TENANT, id, DialerRig.leads(1));
      rig.dialer
          .suppressions()
          .add(
              TenantId.of("other"),
              rig.allLeads(id).get(0).phone().e164(),
              SuppressionSource.MANUAL,
              null);
      rig.dialer.start();
      rig.dialer.campaigns().start(DialerRig.TENANT, id);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      assertThat(rig.provider.calls()).hasSize(1);
    }
  }

  @Test
  void aNumberAtItsCapWaitsUntilTheCapAllowsAndItsLeadSaysWhy() {
    try (DialerRig rig =
        new DialerRig(WIDE, p -> p, b -> b.attemptCaps(AttemptCaps.perRolling24Hours(1)))) {
      CampaignId first = rig.startCampaign("first", 1, s -> s);
      Lead shared = rig.allLeads(first).get(0);
      rig.runUntilStatus(first, CampaignStatus.COMPLETED);
      Instant firstCall = rig.providerCallsTo(shared.phone()).get(0).placedAt();

      CampaignId second = rig.campaign("second", s -> s);
      rig.dialer.leads().add(DialerRig.TENANT, second, DialerRig.leads(1));
      rig.dialer.campaigns().start(DialerRig.TENANT, second);
      Lead waiting = rig.allLeads(second).get(0);
      rig.scheduler.runUntil(
          () ->
              rig.dialer.leads().get(DialerRig.TENANT, waiting.id()).orElseThrow().hold() != null);
      DialDecision decision = rig.dialer.leads().decision(DialerRig.TENANT, waiting.id());
      assertThat(decision.kind()).isEqualTo(DialDecision.Kind.DEFERRED);
      assertThat(decision.reason()).isEqualTo(DialDecision.Reason.ATTEMPT_CAP);
      // 24 hours after the first call was claimed, a moment before the provider saw it
      assertThat(decision.nextAttemptAt())
          .isBetween(
              firstCall.plus(Duration.ofHours(24)).minusSeconds(5),
              firstCall.plus(Duration.ofHours(24)));

      rig.runUntilStatus(second, CampaignStatus.COMPLETED);
      List<Instant> calls =
          rig.providerCallsTo(shared.phone()).stream().map(SimulatedCall::placedAt).toList();
      assertThat(calls).hasSize(2);
      assertThat(Duration.between(calls.get(0), calls.get(1)))
          .isGreaterThanOrEqualTo(Duration.ofHours(24).minusSeconds(1));
    }
  }

  @Test
  void aTenantsOwnCapsOverrideTheDefault() {
    TenantId relaxed = TenantId.of("relaxed");
    try (DialerRig rig =
        new DialerRig(
            WIDE,
            p -> p,
            b ->
                b.attemptCaps(AttemptCaps.perRolling24Hours(1))
                    .attemptCaps(relaxed, AttemptCaps.NONE))) {
      rig.dialer.start();
      for (String name : List.of("a", "b")) {
        CampaignId id = rig.campaign(relaxed, name, s -> s);
        rig.dialer.leads().add(relaxed, id, DialerRig.leads(1));
        rig.dialer.campaigns().start(relaxed, id);
      }
      rig.scheduler.runUntil(() -> rig.provider.calls().size() == 2);
      assertThat(rig.provider.calls()).hasSize(2);
    }
  }
}
