package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Pacing;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ClaimResult.Reason;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Campaign schedules: the schedule and pacing stored with the spec, claims refused outside the
 * schedule (the end fenced like a pause), and the queued leads expired once at the end.
 */
interface ScheduleContract extends BatchClaims {

  /** Dials from {@code T0 + 10 s} to {@code T0 + 100 s}. */
  CampaignSchedule SCHEDULE = CampaignSchedule.between(seconds(10), seconds(100));

  /** A campaign with {@code schedule} and {@code pacing}, started at T0 and leased to OWNER. */
  private Campaign scheduled(
      TenantId tenant, String id, CampaignSchedule schedule, Pacing pacing, int leads) {
    Campaign plain = StoreFixtures.draft(tenant, id);
    CampaignSpec spec =
        CampaignSpec.from(plain.spec())
            .schedule(schedule)
            .pacing(pacing == null ? Pacing.asFastAsAllowed() : pacing)
            .build();
    Campaign draft = Campaign.draft(plain.id(), tenant, spec, T0);
    store().createCampaign(draft);
    Campaign running = move(draft, CampaignStatus.DRAFT, CampaignStatus.RUNNING, T0);
    assertThat(lease(running.id(), OWNER, T0, LEASE_TTL)).isTrue();
    if (leads > 0) {
      insert(running, StoreFixtures.leads(running, 0, leads));
    }
    return running;
  }

  private Campaign scheduled(String id, int leads) {
    return scheduled(TENANT_A, id, SCHEDULE, Pacing.asFastAsAllowed(), leads);
  }

  @Test
  default void theScheduleAndPacingAreStoredAndReadBackWithTheSpec() {
    Pacing pacing = Pacing.finishBy(seconds(3600), Duration.ofSeconds(90));
    Campaign campaign = scheduled(TENANT_A, "c1", SCHEDULE, pacing, 0);
    Campaign open = scheduled(TENANT_A, "c2", CampaignSchedule.endingAt(seconds(5)), null, 0);
    Campaign even = scheduled(TENANT_A, "c3", null, Pacing.evenOverWindow(), 0);

    assertThat(reload(campaign).spec()).isEqualTo(campaign.spec());
    assertThat(reload(campaign).spec().schedule()).isEqualTo(SCHEDULE);
    assertThat(reload(campaign).spec().pacing()).isEqualTo(pacing);
    assertThat(reload(open).spec().schedule().start()).isNull();
    assertThat(reload(open).spec().pacing()).isEqualTo(Pacing.asFastAsAllowed());
    assertThat(reload(even).spec().schedule()).isNull();
    assertThat(reload(even).spec().pacing()).isEqualTo(Pacing.evenOverWindow());
  }

  @Test
  default void aClaimBeforeTheStartOrFromTheEndOnIsRefused() {
    Campaign campaign = scheduled("c1", 3);

    assertThat(denial(claim(campaign, seconds(9), NO_LIMITS))).isEqualTo(Reason.OUTSIDE_SCHEDULE);
    assertThat(claimed(campaign, seconds(10)).lead().id())
        .isEqualTo(StoreFixtures.lead(campaign, 0).id());
    assertThat(claimed(campaign, seconds(99)).lead().id())
        .isEqualTo(StoreFixtures.lead(campaign, 1).id());
    // the lease is still held: only the end refuses, as a pause would
    assertThat(denial(claim(campaign, seconds(100), NO_LIMITS))).isEqualTo(Reason.OUTSIDE_SCHEDULE);
    assertThat(batch(campaign, seconds(100), NO_LIMITS, 3).stoppedBy())
        .isEqualTo(Reason.OUTSIDE_SCHEDULE);
    assertThat(batch(campaign, seconds(100), NO_LIMITS, 3).claimed()).isEmpty();
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(campaign, Counter.CALLS_PLACED)).isEqualTo(2);
  }

  @Test
  default void aScheduleWithAStartOnlyNeverRefusesAPermit() {
    Campaign campaign =
        scheduled(
            TENANT_A, "c1", CampaignSchedule.startingAt(seconds(10)), Pacing.asFastAsAllowed(), 1);
    long epoch = ownerEpoch(campaign, seconds(10));
    Call call = claimed(campaign, seconds(10)).call();

    assertThat(granted(permit(call, epoch, seconds(3_000))).sentAt()).isEqualTo(seconds(3_000));
  }

  @Test
  default void aCallClaimedBeforeTheEndGetsNoPermitFromTheEndOn() {
    Campaign campaign = scheduled("c1", 2);
    long epoch = ownerEpoch(campaign, seconds(10));
    Call early = claimed(campaign, seconds(98)).call();
    Call late = claimed(campaign, seconds(99)).call();

    assertThat(granted(permit(early, epoch, seconds(99))).sentAt()).isEqualTo(seconds(99));
    // held back past the end (a pre-dial hook, a stalled thread): the end refuses, as a pause would
    Snapshot before = snapshot(campaign, late.id());
    assertThat(refusal(permit(late, epoch, seconds(100))))
        .isEqualTo(dev.dialkit.campaign.spi.DialPermit.Reason.NOT_DIALING);
    assertThat(snapshot(campaign, late.id())).as("a refusal changes nothing").isEqualTo(before);
  }

  @Test
  default void expiringSetsTheQueuedLeadsAsideOnceFromTheEndOn() {
    Campaign campaign = scheduled("c1", 4);
    Campaign noEnd = scheduled(TENANT_A, "c2", CampaignSchedule.startingAt(T0), null, 2);
    Call inProgress = claimed(campaign, seconds(50)).call();

    assertThat(store().expireLeads(TENANT_A, campaign.id(), seconds(99))).isZero();
    assertThat(store().expireLeads(TENANT_B, campaign.id(), seconds(100))).isZero();
    assertThat(store().expireLeads(TENANT_A, noEnd.id(), seconds(1000))).isZero();
    assertThat(store().expireLeads(TENANT_A, campaign.id(), seconds(100))).isEqualTo(3);
    assertThat(store().expireLeads(TENANT_A, campaign.id(), seconds(101))).isZero();

    Campaign reloaded = reload(campaign);
    assertThat(reloaded.counters().get(Counter.LEADS_EXPIRED)).isEqualTo(3);
    assertThat(reloaded.counters().get(Counter.LEADS_SKIPPED)).isEqualTo(3);
    assertThat(reloaded.counters().get(Counter.LEADS_QUEUED)).isZero();
    assertThat(reloaded.counters().get(Counter.LEADS_IN_PROGRESS)).isEqualTo(1);
    assertThat(allLeads(campaign))
        .filteredOn(l -> l.state() == LeadState.SKIPPED)
        .hasSize(3)
        .allMatch(l -> l.hold() == LeadHold.EXPIRED);
    assertThat(reloadLead(StoreFixtures.lead(campaign, 0)).state())
        .isEqualTo(LeadState.IN_PROGRESS);
    assertThat(counter(noEnd, Counter.LEADS_QUEUED)).isEqualTo(2);
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), seconds(101)))
        .as("a call is still in progress")
        .isEmpty();

    // the call in progress at the end finishes; the retry policy queues its lead again
    store()
        .applyTransition(
            end(
                inProgress,
                CallStatus.NO_ANSWER,
                LeadOutcome.retryAt(seconds(110)),
                "k1",
                seconds(105)));
    assertThat(store().expireLeads(TENANT_A, campaign.id(), seconds(106))).isEqualTo(1);
    Campaign done = store().completeIfDone(TENANT_A, campaign.id(), seconds(107)).orElseThrow();
    assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThat(done.counters().get(Counter.LEADS_EXPIRED)).isEqualTo(4);
    assertThat(done.counters().get(Counter.LEADS_SKIPPED)).isEqualTo(4);
  }

  @Test
  default void twoInstancesExpiringAtOnceCountEachLeadOnce() throws Exception {
    Campaign campaign = scheduled("c1", 5);

    List<Long> expired =
        race(2, i -> store().expireLeads(TENANT_A, campaign.id(), seconds(100 + i)));

    assertThat(expired.get(0) + expired.get(1)).isEqualTo(5);
    assertThat(counter(campaign, Counter.LEADS_EXPIRED)).isEqualTo(5);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
    List<Lead> leads = allLeads(campaign);
    assertThat(leads).allMatch(l -> l.hold() == LeadHold.EXPIRED);
    assertThat(Set.copyOf(leads.stream().map(Lead::state).toList()))
        .containsExactly(LeadState.SKIPPED);
  }
}
