package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.NEW_YORK;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attempt caps per number, across the tenant's campaigns, enforced inside the claim: a lead at a
 * cap is deferred to the moment the cap allows, with the cap recorded; calls of other tenants and
 * calls released unsent do not count; racing claims on several campaigns never exceed a cap.
 */
interface AttemptCapContract extends StoreContractSupport {
  /** The number every campaign of these tests calls. */
  int SHARED = 7;

  /**
   * A running campaign of {@code tenant} whose one lead calls the shared number in {@code zone}.
   */
  private Campaign sharing(TenantId tenant, String id, java.time.ZoneId zone) {
    Campaign campaign = running(tenant, id);
    insert(
        campaign,
        List.of(
            StoreFixtures.lead(
                campaign,
                dev.dialkit.campaign.LeadId.of(id + "-shared"),
                phone(SHARED),
                0,
                T0,
                zone)));
    return campaign;
  }

  /** Claims as {@code OWNER} at {@code now}, taking the lease again first (it lasts an hour). */
  private ClaimResult claim(Campaign campaign, Instant now, AttemptCaps caps) {
    assertThat(lease(campaign.id(), OWNER, now, StoreFixtures.LEASE_TTL)).isTrue();
    return store().claimNext(StoreFixtures.claimRequest(campaign, OWNER, now, NO_LIMITS, caps));
  }

  @Test
  default void aRolling24HourCapDefersTheLeadUntilTheOldestCountedCallLeavesTheWindow() {
    AttemptCaps caps = AttemptCaps.perRolling24Hours(2);
    Campaign a = sharing(TENANT_A, "a", java.time.ZoneOffset.UTC);
    Campaign b = sharing(TENANT_A, "b", java.time.ZoneOffset.UTC);
    Campaign c = sharing(TENANT_A, "c", java.time.ZoneOffset.UTC);
    Instant first = T0;
    Instant second = T0.plus(Duration.ofHours(1));
    claimed(claim(a, first, caps));
    claimed(claim(b, second, caps));

    Instant third = T0.plus(Duration.ofHours(2));
    ClaimResult held = claim(c, third, caps);
    assertThat(denial(held)).isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
    Lead deferred = held.passedOver().get(0);
    assertThat(deferred.state()).isEqualTo(LeadState.QUEUED);
    assertThat(deferred.hold()).isEqualTo(LeadHold.ROLLING_24_HOUR_CAP);
    assertThat(deferred.nextAttemptAt()).isEqualTo(first.plus(Duration.ofHours(24)));
    assertThat(reloadLead(deferred)).isEqualTo(deferred);

    assertThat(denial(claim(c, first.plus(Duration.ofHours(24)).minusMillis(1), caps)))
        .as("not yet due")
        .isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
    ClaimResult.Claimed later = claimed(claim(c, first.plus(Duration.ofHours(24)), caps));
    assertThat(later.lead().hold()).as("a claim clears the hold").isNull();
    assertThat(later.passedOver()).isEmpty();
  }

  @Test
  default void aCalendarDayCapCountsTheDayInTheLeadsZoneAndDefersToItsMidnight() {
    AttemptCaps caps = AttemptCaps.perCalendarDay(1);
    // T0 is 05:00 in New York on 2025-03-03
    Campaign a = sharing(TENANT_A, "a", NEW_YORK);
    Campaign b = sharing(TENANT_A, "b", NEW_YORK);
    claimed(claim(a, T0, caps));
    ClaimResult held = claim(b, T0.plus(Duration.ofHours(1)), caps);
    Lead deferred = held.passedOver().get(0);
    assertThat(deferred.hold()).isEqualTo(LeadHold.CALENDAR_DAY_CAP);
    assertThat(deferred.nextAttemptAt()).isEqualTo(Instant.parse("2025-03-04T05:00:00Z"));
  }

  @Test
  default void aCallOfTheDayBeforeInTheLeadsZoneDoesNotCountForTheDailyCap() {
    AttemptCaps caps = AttemptCaps.perCalendarDay(1);
    java.time.ZoneId kolkata = StoreFixtures.KOLKATA;
    Campaign a = sharing(TENANT_A, "a", kolkata);
    Campaign b = sharing(TENANT_A, "b", kolkata);
    claimed(claim(a, Instant.parse("2025-03-03T18:00:00Z"), caps)); // 23:30 in Kolkata
    assertThat(claimed(claim(b, Instant.parse("2025-03-03T19:00:00Z"), caps)).lead().phone())
        .isEqualTo(phone(SHARED));
  }

  @Test
  default void anotherTenantsCallsDoNotCount() {
    AttemptCaps caps = AttemptCaps.perRolling24Hours(1);
    Campaign a = sharing(TENANT_A, "a", java.time.ZoneOffset.UTC);
    Campaign b = sharing(TENANT_B, "b", java.time.ZoneOffset.UTC);
    claimed(claim(a, T0, caps));
    assertThat(claimed(claim(b, T0.plusSeconds(1), caps)).passedOver()).isEmpty();
  }

  @Test
  default void aCallReleasedUnsentDoesNotCount() {
    AttemptCaps caps = AttemptCaps.perRolling24Hours(1);
    Campaign a = sharing(TENANT_A, "a", java.time.ZoneOffset.UTC);
    Campaign b = sharing(TENANT_A, "b", java.time.ZoneOffset.UTC);
    Call call = claimed(claim(a, T0, caps)).call();
    Call released =
        call.toBuilder()
            .status(CallStatus.CANCELED)
            .failureReason(FailureReason.NOT_DIALED)
            .endedAt(T0.plusSeconds(1))
            .nextVersion(T0.plusSeconds(1))
            .build();
    store()
        .applyTransition(
            new CallTransition(
                released,
                call.version(),
                "released",
                true,
                LeadOutcome.putBack(T0.plusSeconds(1)),
                dev.dialkit.campaign.CounterDelta.of(
                        dev.dialkit.campaign.Counter.LEADS_IN_PROGRESS, -1)
                    .plus(dev.dialkit.campaign.Counter.LEADS_QUEUED, 1),
                List.of(StoreFixtures.logOf(released, T0.plusSeconds(1)))));
    assertThat(claimed(claim(b, T0.plusSeconds(2), caps)).passedOver()).isEmpty();
  }

  @Test
  default void withoutCapsANumberIsCalledAsOftenAsCampaignsWant() {
    Campaign a = sharing(TENANT_A, "a", java.time.ZoneOffset.UTC);
    Campaign b = sharing(TENANT_A, "b", java.time.ZoneOffset.UTC);
    claimed(claim(a, T0, AttemptCaps.NONE));
    assertThat(claimed(claim(b, T0, AttemptCaps.NONE)).passedOver()).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void racingClaimsOnEightCampaignsNeverExceedTheCap() throws Exception {
    AttemptCaps caps = AttemptCaps.perRolling24Hours(2);
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      campaigns.add(sharing(TENANT_A, "race-" + i, java.time.ZoneOffset.UTC));
    }
    List<ClaimResult> results = race(8, i -> claim(campaigns.get(i), T0, caps));
    long claimed = results.stream().filter(r -> r instanceof ClaimResult.Claimed).count();
    assertThat(claimed).isEqualTo(2);
    assertThat(results.stream().mapToLong(r -> r.passedOver().size()).sum()).isEqualTo(6);
  }
}
