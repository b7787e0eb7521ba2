package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.KOLKATA;
import static dev.dialkit.testkit.StoreFixtures.LONDON;
import static dev.dialkit.testkit.StoreFixtures.NEW_YORK;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.lead;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Queue positions ({@code countLeadsAhead}): the leads a claim would take first, by the claim's own
 * order, due time and zones, and nothing of other campaigns, tenants or leads no longer queued.
 */
interface QueuePositionContract extends StoreContractSupport {

  @Test
  default void theLeadsAheadAreTheHigherPriorityThenTheEarlierOnes() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored =
        insert(
            campaign,
            List.of(
                lead(campaign, 1, 0),
                lead(campaign, 2, 5),
                lead(campaign, 3, 0),
                lead(campaign, 4, 5),
                lead(campaign, 5, 9)));

    // claim order: 5, 2, 4, 1, 3
    assertThat(ahead(stored.get(4), T0, null)).isZero();
    assertThat(ahead(stored.get(1), T0, null)).isEqualTo(1);
    assertThat(ahead(stored.get(3), T0, null)).isEqualTo(2);
    assertThat(ahead(stored.get(0), T0, null)).isEqualTo(3);
    assertThat(ahead(stored.get(2), T0, null)).isEqualTo(4);
  }

  @Test
  default void theCountIsWhatClaimsTakeBeforeTheLead() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored =
        insert(
            campaign,
            List.of(
                lead(campaign, 1, 2),
                lead(campaign, 2, 0),
                lead(campaign, 3, 7),
                lead(campaign, 4, 2),
                lead(campaign, 5, 0),
                lead(campaign, 6, 7)));
    Lead last = stored.get(4); // priority 0, inserted after lead 2: claimed last
    for (long expected = 5; expected >= 0; expected--) {
      assertThat(ahead(last, T0, null)).isEqualTo(expected);
      ClaimResult.Claimed claimed = claimed(campaign, T0);
      if (expected == 0) {
        assertThat(claimed.lead().id()).isEqualTo(last.id());
      } else {
        assertThat(claimed.lead().id()).isNotEqualTo(last.id());
      }
    }
  }

  @Test
  default void onlyLeadsDueByTheGivenInstantAreAhead() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored =
        insert(
            campaign,
            List.of(
                lead(campaign, 1, 5, seconds(600)),
                lead(campaign, 2, 5, T0),
                lead(campaign, 3, 0, seconds(60))));
    Lead waiting = stored.get(2);

    assertThat(ahead(waiting, seconds(60), null)).isEqualTo(1);
    assertThat(ahead(waiting, seconds(599), null)).isEqualTo(1);
    assertThat(ahead(waiting, seconds(600), null)).isEqualTo(2);
  }

  @Test
  default void onlyLeadsOfTheGivenZonesAreAhead() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored =
        insert(
            campaign,
            List.of(
                lead(campaign, 1, 5, NEW_YORK),
                lead(campaign, 2, 5, LONDON),
                lead(campaign, 3, 5, KOLKATA),
                lead(campaign, 4, 0, NEW_YORK)));
    Lead last = stored.get(3);

    assertThat(ahead(last, T0, Set.of(NEW_YORK))).isEqualTo(1);
    assertThat(ahead(last, T0, Set.of(NEW_YORK, LONDON))).isEqualTo(2);
    assertThat(ahead(last, T0, null)).isEqualTo(3);
  }

  @Test
  default void leadsInProgressOrFinishedAreNotAheadAndARetryIsOnceDue() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored =
        insert(campaign, List.of(lead(campaign, 1, 5), lead(campaign, 2, 5), lead(campaign, 3, 0)));
    Lead last = stored.get(2);
    ClaimResult.Claimed first = claimed(campaign, T0);
    ClaimResult.Claimed second = claimed(campaign, T0);
    assertThat(ahead(last, T0, null)).isZero();

    assertThat(
            store()
                .applyTransition(
                    end(first.call(), CallStatus.BUSY, LeadOutcome.retryAt(seconds(300)), "e", T0))
                .outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(
            store()
                .applyTransition(
                    end(
                        second.call(),
                        CallStatus.COMPLETED,
                        LeadOutcome.finalState(dev.dialkit.campaign.LeadState.DONE),
                        "e",
                        T0))
                .outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(ahead(last, seconds(299), null)).isZero();
    assertThat(ahead(last, seconds(300), null)).isEqualTo(1);
  }

  @Test
  default void otherCampaignsAndTenantsCountNothing() {
    Campaign campaign = running(TENANT_A, "c1");
    Campaign other = running(TENANT_A, "c2");
    Campaign foreign = running(TENANT_B, "c3");
    insert(other, List.of(lead(other, 1, 9), lead(other, 2, 9)));
    insert(foreign, List.of(lead(foreign, 3, 9)));
    Lead mine = insert(campaign, List.of(lead(campaign, 4, 0))).get(0);

    assertThat(ahead(mine, T0, null)).isZero();
    Lead asAnother =
        new Lead(
            mine.id(),
            TenantId.of("tenant-c"),
            mine.campaignId(),
            mine.phone(),
            null,
            null,
            null,
            null,
            mine.timeZone(),
            mine.priority(),
            mine.sequence() + 1,
            0,
            mine.state(),
            mine.nextAttemptAt(),
            null,
            mine.createdAt());
    assertThat(store().countLeadsAhead(asAnother, T0, null)).isZero();
  }

  @Test
  default void theLeadIsTakenAsGivenNotAsStored() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored =
        insert(campaign, List.of(lead(campaign, 1, 3), lead(campaign, 2, 3), lead(campaign, 3, 3)));
    // a lead not stored, placed by its priority and sequence only
    Lead probe = lead(campaign, LeadId.of("probe"), phone(99), 3, T0);
    Lead between =
        new Lead(
            probe.id(),
            probe.tenant(),
            probe.campaignId(),
            probe.phone(),
            null,
            null,
            null,
            null,
            probe.timeZone(),
            3,
            stored.get(1).sequence(),
            0,
            probe.state(),
            probe.nextAttemptAt(),
            null,
            probe.createdAt());
    assertThat(store().countLeadsAhead(between, T0, null)).isEqualTo(1);
  }

  @Test
  default void anEmptySetOfZonesIsRefused() {
    Campaign campaign = running(TENANT_A, "c1");
    Lead lead = insert(campaign, List.of(lead(campaign, 1, 0))).get(0);
    assertThatThrownBy(() -> store().countLeadsAhead(lead, T0, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long ahead(Lead lead, Instant dueBy, Set<ZoneId> zones) {
    return store().countLeadsAhead(lead, dueBy, zones);
  }
}
