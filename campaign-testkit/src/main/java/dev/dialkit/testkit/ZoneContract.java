package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.KOLKATA;
import static dev.dialkit.testkit.StoreFixtures.LONDON;
import static dev.dialkit.testkit.StoreFixtures.NEW_YORK;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.claimRequest;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.lead;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Time zones: claims restricted to a set of zones, the zones of queued leads. */
interface ZoneContract extends StoreContractSupport {

  @Test
  default void aClaimTakesOnlyLeadsOfTheAdmittedZonesByPriorityThenFirstIn() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(
        campaign,
        List.of(
            lead(campaign, 1, 0, NEW_YORK),
            lead(campaign, 2, 9, KOLKATA),
            lead(campaign, 3, 0, LONDON),
            lead(campaign, 4, 5, NEW_YORK),
            lead(campaign, 5, 5, LONDON),
            lead(campaign, 6, 0, KOLKATA)));
    Set<ZoneId> open = Set.of(NEW_YORK, LONDON);

    for (int expected : new int[] {4, 5, 1, 3}) {
      Lead claimed = claimed(claimIn(campaign, T0, open)).lead();
      assertThat(claimed.id()).isEqualTo(lead(campaign, expected).id());
    }
    assertThat(denial(claimIn(campaign, T0, open))).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(2);
    assertThat(store().findLead(TENANT_A, lead(campaign, 2).id()).orElseThrow().state())
        .isEqualTo(LeadState.QUEUED);
    assertThat(claimed(claimIn(campaign, T0, Set.of(KOLKATA))).lead().id())
        .isEqualTo(lead(campaign, 2).id());
  }

  @Test
  default void aLeadOfAnAdmittedZoneIsClaimedOnlyOnceDue() {
    Campaign campaign = running(TENANT_A, "c1");
    Lead later = lead(campaign, lead(campaign, 1).id(), phone(1), 9, seconds(600), NEW_YORK);
    insert(campaign, List.of(later, lead(campaign, 2, 0, LONDON)));

    // the London lead is due, but its zone is not admitted
    assertThat(denial(claimIn(campaign, seconds(599), Set.of(NEW_YORK))))
        .isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(claimed(claimIn(campaign, seconds(600), Set.of(NEW_YORK))).lead().id())
        .isEqualTo(later.id());
  }

  @Test
  default void withoutARestrictionLeadsOfEveryZoneAreClaimedByPriorityThenFirstIn() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(
        campaign,
        List.of(
            lead(campaign, 1, 0, NEW_YORK),
            lead(campaign, 2, 5, KOLKATA),
            lead(campaign, 3, 5, LONDON),
            lead(campaign, 4, 1, NEW_YORK),
            lead(campaign, 5, 0, KOLKATA)));

    for (int expected : new int[] {2, 3, 4, 1, 5}) {
      assertThat(claimed(claimIn(campaign, T0, null)).lead().id())
          .isEqualTo(lead(campaign, expected).id());
    }
    assertThat(denial(claimIn(campaign, T0, null))).isEqualTo(Reason.NO_DUE_LEAD);
  }

  @Test
  default void anEmptySetOfZonesAdmitsNoLeadAndChangesNothing() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored =
        insert(campaign, List.of(lead(campaign, 1, 0, NEW_YORK), lead(campaign, 2, 3, LONDON)));
    Snapshot before = snapshot(campaign, CallId.forAttempt(stored.get(0).id(), 1));

    assertThat(denial(claimIn(campaign, T0, Set.of()))).isEqualTo(Reason.NO_DUE_LEAD);
    assertThat(denial(claimIn(campaign, T0, Set.of(ZoneId.of("Asia/Tokyo")))))
        .isEqualTo(Reason.NO_DUE_LEAD);

    assertThat(snapshot(campaign, CallId.forAttempt(stored.get(0).id(), 1))).isEqualTo(before);
    assertThat(store().queuedLeadZones(TENANT_A, campaign.id())).containsOnly(NEW_YORK, LONDON);
    assertThat(claimed(claimIn(campaign, T0, null)).lead().id()).isEqualTo(stored.get(1).id());
  }

  @Test
  default void theDenialsBeforeTheLeadComeFirstWhateverTheZones() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, List.of(lead(campaign, 1, 0, NEW_YORK), lead(campaign, 2, 0, NEW_YORK)));
    SlotLimits one = new SlotLimits(10, 10, 1);

    ClaimResult foreign =
        store().claimNext(claimRequest(campaign, OTHER_OWNER, T0, NO_LIMITS, Set.of()));
    assertThat(denial(foreign)).isEqualTo(Reason.NOT_LEASE_OWNER);
    claimed(store().claimNext(claimRequest(campaign, OWNER, T0, one, Set.of(NEW_YORK))));
    assertThat(denial(store().claimNext(claimRequest(campaign, OWNER, T0, one, Set.of()))))
        .isEqualTo(Reason.CAMPAIGN_LIMIT);
  }

  @Test
  default void queuedLeadZonesFollowTheQueuedLeads() {
    Campaign campaign = running(TENANT_A, "c1");
    Lead later = lead(campaign, lead(campaign, 3).id(), phone(3), 0, seconds(600), LONDON);
    insert(
        campaign,
        List.of(
            lead(campaign, 1, 1, NEW_YORK),
            lead(campaign, 2, 0, NEW_YORK),
            later,
            lead(campaign, 4, 0, KOLKATA),
            lead(campaign, 5, 0, NEW_YORK)));
    assertThat(zones(campaign)).containsOnly(NEW_YORK, LONDON, KOLKATA);

    ClaimResult.Claimed kolkata = claimed(claimIn(campaign, T0, Set.of(KOLKATA)));
    assertThat(zones(campaign)).containsOnly(NEW_YORK, LONDON);
    claimed(claimIn(campaign, T0, Set.of(NEW_YORK)));
    ClaimResult.Claimed newYork = claimed(claimIn(campaign, T0, Set.of(NEW_YORK)));
    assertThat(zones(campaign)).containsOnly(NEW_YORK, LONDON);
    ClaimResult.Claimed lastNewYork = claimed(claimIn(campaign, T0, Set.of(NEW_YORK)));
    assertThat(zones(campaign)).containsOnly(LONDON);

    // a retry puts its zone back; a lead that is done does not
    applied(end(kolkata.call(), CallStatus.BUSY, LeadOutcome.retryAt(seconds(900)), "e", T0));
    assertThat(zones(campaign)).containsOnly(LONDON, KOLKATA);
    applied(
        end(newYork.call(), CallStatus.COMPLETED, LeadOutcome.finalState(LeadState.DONE), "e", T0));
    assertThat(zones(campaign)).containsOnly(LONDON, KOLKATA);
    applied(end(lastNewYork.call(), CallStatus.FAILED, LeadOutcome.putBack(seconds(60)), null, T0));
    assertThat(zones(campaign)).containsOnly(LONDON, KOLKATA, NEW_YORK);
  }

  @Test
  default void queuedLeadZonesOfAnotherTenantOrAnUnknownCampaignAreEmpty() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, List.of(lead(campaign, 1, 0, NEW_YORK)));

    assertThat(store().queuedLeadZones(TENANT_B, campaign.id())).isEmpty();
    assertThat(store().queuedLeadZones(TENANT_A, CampaignId.of("nope"))).isEmpty();
    assertThat(store().queuedLeadZones(TENANT_A, running(TENANT_A, "c2").id())).isEmpty();
  }

  private void applied(CallTransition transition) {
    assertThat(store().applyTransition(transition).outcome()).isEqualTo(Outcome.APPLIED);
  }

  private Set<ZoneId> zones(Campaign campaign) {
    return store().queuedLeadZones(campaign.tenant(), campaign.id());
  }

  private ClaimResult claimIn(Campaign campaign, Instant now, Set<ZoneId> zones) {
    return store().claimNext(claimRequest(campaign, OWNER, now, NO_LIMITS, zones));
  }
}
