package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static dev.dialkit.testkit.StoreFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DialPermit.Reason;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Dial permits: the fence in front of every provider request. Granted once per send, only while the
 * campaign is running, only to the current lease epoch, only for the lead's current unsent call; a
 * refusal changes nothing.
 */
interface PermitContract extends StoreContractSupport {

  @Test
  default void aPermitIsGrantedOnceAndMarksTheCallSent() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();
    assertThat(call.sentAt()).isNull();
    assertThat(call.isUnsent()).isTrue();

    Call sent = granted(permit(call, epoch, seconds(2)));
    assertThat(sent.sentAt()).isEqualTo(seconds(2));
    assertThat(sent.version()).isEqualTo(call.version() + 1);
    assertThat(sent.awaitsProvider()).isTrue();
    assertThat(reloadCall(call)).isEqualTo(sent);
    assertThat(callLog(call)).extracting(e -> e.event()).contains(CallLogEvent.STATUS_APPLIED);

    Snapshot before = snapshot(campaign, call.id());
    assertThat(refusal(permit(call, epoch, seconds(3)))).isEqualTo(Reason.ALREADY_SENT);
    assertThat(snapshot(campaign, call.id())).as("a refusal changes nothing").isEqualTo(before);
  }

  @Test
  default void aResendIsGrantedOnlyWithThePermitItReplaces() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();
    Call sent = granted(permit(call, epoch, seconds(2)));

    assertThat(refusal(permit(call, OWNER, epoch, seconds(3), seconds(1))))
        .isEqualTo(Reason.ALREADY_SENT);
    Call resent = granted(permit(call, OWNER, epoch, seconds(3), sent.sentAt()));
    assertThat(resent.sentAt()).isEqualTo(seconds(3));
    assertThat(refusal(permit(call, OWNER, epoch, seconds(4), sent.sentAt())))
        .as("the replaced permit is spent")
        .isEqualTo(Reason.ALREADY_SENT);
  }

  @Test
  default void noPermitOnceTheCampaignStopsDialing() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 4);
    long epoch = ownerEpoch(campaign, T0);
    Call paused = claimed(campaign, seconds(1)).call();
    Call scheduled = claimed(campaign, seconds(1)).call();
    Call canceled = claimed(campaign, seconds(1)).call();

    move(campaign, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(2));
    Snapshot before = snapshot(campaign, paused.id());
    assertThat(refusal(permit(paused, epoch, seconds(3)))).isEqualTo(Reason.NOT_DIALING);
    assertThat(snapshot(campaign, paused.id())).isEqualTo(before);

    move(campaign, CampaignStatus.PAUSED, CampaignStatus.RUNNING, seconds(4));
    move(campaign, CampaignStatus.RUNNING, CampaignStatus.SCHEDULED, seconds(5));
    assertThat(refusal(permit(scheduled, epoch, seconds(6)))).isEqualTo(Reason.NOT_DIALING);

    move(campaign, CampaignStatus.SCHEDULED, CampaignStatus.CANCELED, seconds(7));
    assertThat(refusal(permit(canceled, epoch, seconds(8)))).isEqualTo(Reason.NOT_DIALING);
    assertThat(reloadCall(canceled).isUnsent()).isTrue();
  }

  @Test
  default void aTakeoverMakesTheFormerOwnersEpochWorthlessWhateverItsClockSays() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    long mine = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();

    // the lease expires (the owner froze) and another instance takes the campaign over
    Instant expiry = T0.plus(LEASE_TTL);
    assertThat(lease(campaign.id(), OTHER_OWNER, expiry, LEASE_TTL)).isTrue();
    Snapshot before = snapshot(campaign, call.id());

    assertThat(refusal(permit(call, mine, seconds(2))))
        .as("its clock still shows the lease held, its epoch is stale")
        .isEqualTo(Reason.LEASE_LOST);
    assertThat(snapshot(campaign, call.id())).isEqualTo(before);

    // the former owner takes the lease back later: a new epoch, and the old one stays worthless
    dropLease(campaign.id(), OTHER_OWNER, expiry);
    long again = ownerEpoch(campaign, expiry.plusSeconds(1));
    assertThat(again).isGreaterThan(mine + 1);
    assertThat(refusal(permit(call, mine, expiry.plusSeconds(2)))).isEqualTo(Reason.LEASE_LOST);
  }

  @Test
  default void noPermitOnceTheLeaseHasExpiredOrForAnotherOwner() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();

    assertThat(refusal(permit(call, OTHER_OWNER, epoch, seconds(2), null)))
        .isEqualTo(Reason.LEASE_LOST);
    assertThat(refusal(permit(call, epoch, T0.plus(LEASE_TTL)))).isEqualTo(Reason.LEASE_LOST);
    granted(permit(call, epoch, T0.plus(LEASE_TTL).minusMillis(1)));
  }

  @Test
  default void noPermitForACallThatEndedOrIsNoLongerItsLeadsCurrentOne() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call first = claimed(campaign, seconds(1)).call();
    // another instance released it as abandoned: lead requeued, attempt refunded
    assertThat(
            store()
                .applyTransition(
                    end(
                        first,
                        CallStatus.CANCELED,
                        LeadOutcome.putBack(seconds(2)),
                        null,
                        seconds(2)))
                .outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(refusal(permit(first, epoch, seconds(3)))).isEqualTo(Reason.CALL_NOT_CURRENT);

    Call second = claimed(campaign, seconds(3)).call();
    assertThat(second.attempt()).isGreaterThan(first.attempt());
    assertThat(refusal(permit(first, epoch, seconds(4)))).isEqualTo(Reason.CALL_NOT_CURRENT);
    granted(permit(second, epoch, seconds(4)));
  }

  @Test
  default void noPermitForACallTheProviderAlreadyReportedOn() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();
    CallTransition ringing = update(call, CallStatus.RINGING, "ringing", seconds(2));
    assertThat(store().applyTransition(ringing).outcome()).isEqualTo(Outcome.APPLIED);

    assertThat(refusal(permit(call, epoch, seconds(3)))).isEqualTo(Reason.ALREADY_SENT);
  }

  @Test
  default void anUnknownCallOrAnotherTenantsCallGetsNoPermit() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();

    DialPermit foreign =
        store()
            .requestDialPermit(
                new dev.dialkit.campaign.spi.PermitRequest(
                    TENANT_B, call.id(), OWNER, epoch, seconds(2), null, List.of()));
    assertThat(foreign).isEqualTo(new DialPermit.Denied(Reason.CALL_NOT_FOUND, null));
    DialPermit unknown =
        store()
            .requestDialPermit(
                new dev.dialkit.campaign.spi.PermitRequest(
                    TENANT_A, CallId.of("nope.1"), OWNER, epoch, seconds(2), null, List.of()));
    assertThat(unknown).isEqualTo(new DialPermit.Denied(Reason.CALL_NOT_FOUND, null));
    assertThat(reloadCall(call).isUnsent()).isTrue();
  }

  @Test
  default void refusalsComeInTheDocumentedOrder() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();
    granted(permit(call, epoch, seconds(2)));
    move(campaign, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(3));

    // paused, stale epoch, and already sent: not dialing comes first
    assertThat(refusal(permit(call, epoch + 5, seconds(4)))).isEqualTo(Reason.NOT_DIALING);
    move(campaign, CampaignStatus.PAUSED, CampaignStatus.RUNNING, seconds(5));
    assertThat(refusal(permit(call, epoch + 5, seconds(6)))).isEqualTo(Reason.LEASE_LOST);
    assertThat(refusal(permit(call, epoch, seconds(6)))).isEqualTo(Reason.ALREADY_SENT);
  }

  @Test
  default void aReleaseComputedBeforeThePermitConflictsWithIt() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();
    granted(permit(call, epoch, seconds(2)));

    CallTransition release =
        end(call, CallStatus.CANCELED, LeadOutcome.putBack(seconds(3)), null, seconds(3));
    assertThat(store().applyTransition(release).outcome())
        .as("whoever read the call unsent cannot release it once it is permitted")
        .isEqualTo(Outcome.CONFLICT);
    assertThat(reloadLead(claimedLead(campaign)).state()).isEqualTo(LeadState.IN_PROGRESS);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void concurrentPermitsForOneCallHaveOneWinner() throws Exception {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();

    List<DialPermit> results = race(8, i -> permit(call, epoch, seconds(2).plusMillis(i)));

    assertThat(results.stream().filter(DialPermit::granted).count()).isEqualTo(1);
    assertThat(results)
        .filteredOn(p -> !p.granted())
        .allSatisfy(p -> assertThat(refusal(p)).isEqualTo(Reason.ALREADY_SENT));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void aPermitRacingAPauseIsGrantedOnlyIfItCameFirst() throws Exception {
    for (int round = 0; round < 20; round++) {
      Campaign campaign = runningWithLeads(TENANT_A, "race-" + round, 0, 1);
      long epoch = ownerEpoch(campaign, T0);
      Call call = claimed(campaign, seconds(1)).call();

      List<Object> results =
          race(
              2,
              i ->
                  i == 0
                      ? permit(call, epoch, seconds(2))
                      : store()
                          .transitionCampaign(
                              campaign.tenant(),
                              campaign.id(),
                              java.util.Set.of(CampaignStatus.RUNNING),
                              CampaignStatus.PAUSED,
                              seconds(2)));
      DialPermit permit = (DialPermit) results.get(0);
      Call after = reloadCall(call);
      assertThat(reload(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
      if (permit.granted()) {
        assertThat(after.sentAt()).isNotNull();
      } else {
        assertThat(refusal(permit)).isEqualTo(Reason.NOT_DIALING);
        assertThat(after.isUnsent()).isTrue();
      }
    }
  }

  @Test
  default void aNumberSuppressedAfterTheClaimIsRefusedItsPermitAndOnlyThatTenantsList() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    long epoch = ownerEpoch(campaign, T0);
    Call call = claimed(campaign, seconds(1)).call();
    suppress(TENANT_B, call.to(), seconds(1));
    Call sent = granted(permit(call, epoch, seconds(2)));
    assertThat(sent.sentAt()).as("another tenant's list does not hold this call").isNotNull();

    Campaign second = runningWithLeads(TENANT_A, "c2", 100, 1);
    long secondEpoch = ownerEpoch(second, T0);
    Call waiting = claimed(second, seconds(3)).call();
    suppress(TENANT_A, waiting.to(), seconds(4));
    Snapshot before = snapshot(second, waiting.id());
    assertThat(refusal(permit(waiting, secondEpoch, seconds(5)))).isEqualTo(Reason.SUPPRESSED);
    assertThat(snapshot(second, waiting.id())).as("a refusal changes nothing").isEqualTo(before);
    assertThat(reloadCall(waiting).isUnsent()).isTrue();
  }

  private void suppress(
      dev.dialkit.campaign.TenantId tenant, dev.dialkit.campaign.PhoneNumber phone, Instant at) {
    store()
        .addSuppressions(
            List.of(
                new dev.dialkit.campaign.Suppression(
                    tenant,
                    phone,
                    dev.dialkit.campaign.SuppressionSource.OPT_OUT,
                    "opt-out",
                    null,
                    at)));
  }

  private dev.dialkit.campaign.Lead claimedLead(Campaign campaign) {
    return allLeads(campaign).get(0);
  }
}
