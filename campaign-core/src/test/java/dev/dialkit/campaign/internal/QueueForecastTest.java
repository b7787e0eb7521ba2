package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadNotFoundException;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.QueuePosition;
import dev.dialkit.campaign.QueuePosition.Basis;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expected times: the rate (claims over the window, the start's fill left out; the fallback;
 * none), and a lead's expected dial time from its position, its due time and its window.
 */
class QueueForecastTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final CampaignId CAMPAIGN = CampaignId.of("cmp-1");
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z"); // 10:00 in New York
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private final MutableClock clock = new MutableClock(T0);
  private final CampaignStore store = CampaignStore.inMemory();
  private final DialRates rates = new DialRates(clock);
  private final QueueForecast forecast =
      new QueueForecast(
          store, clock, ConcurrencyPolicy.builder().global(20).perTenant(20).build(), rates);

  @Test
  void theFirstFillOfTheSlotsIsNoRate() {
    claim(20); // the start fills 20 slots at once
    for (int i = 0; i < 80; i++) {
      clock.advance(Duration.ofSeconds(3));
      claim(1); // then one lead every 3 s: 20 a minute
    }
    DialRates.Rate rate = rates.rate(CAMPAIGN, clock.instant(), 20, 20);
    assertThat(rate.basis()).isEqualTo(Basis.OBSERVED_CLAIMS);
    assertThat(rate.perSecond() * 60).isCloseTo(20, within(0.01));

    // once the window no longer holds the start, claims are the rate
    for (int i = 0; i < 120; i++) {
      clock.advance(Duration.ofSeconds(3));
      claim(1);
    }
    assertThat(rates.rate(CAMPAIGN, clock.instant(), 20, 20).perSecond() * 60)
        .isCloseTo(20, within(0.01));
  }

  @Test
  void tooFewClaimsFallBackToTheHandleTimesAndNothingGivesNoRate() {
    assertThat(rates.rate(CAMPAIGN, T0, 0, 20)).isEqualTo(DialRates.Rate.UNKNOWN);
    claim(20);
    assertThat(rates.rate(CAMPAIGN, T0.plusSeconds(10), 20, 20).basis()).isEqualTo(Basis.UNKNOWN);
    for (int i = 0; i < DialRates.MIN_HANDLE_TIMES; i++) {
      rates.ended(endedCall(i, Duration.ofSeconds(60)));
    }
    DialRates.Rate rate = rates.rate(CAMPAIGN, T0.plusSeconds(10), 20, 20);
    assertThat(rate.basis()).isEqualTo(Basis.CONCURRENCY_AND_HANDLE_TIME);
    assertThat(rate.perSecond() * 60).as("20 slots of a minute each").isCloseTo(20, within(1e-9));
  }

  @Test
  void aDueLeadIsExpectedOnceTheLeadsAheadAreDialed() {
    running(CallingWindow.always());
    List<Lead> leads = insert(61, T0);
    steadyTwentyAMinute();

    QueuePosition p = forecast.position(TENANT, leads.get(60).id()).orElseThrow();
    assertThat(p.position()).isEqualTo(61);
    assertThat(p.leadsAhead()).isEqualTo(60);
    assertThat(p.dueAt()).isEqualTo(clock.instant());
    assertThat(p.basis()).isEqualTo(Basis.OBSERVED_CLAIMS);
    assertThat(p.expectedDialAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(3)));
  }

  @Test
  void aLeadNotDueYetIsExpectedAtItsTimeOrWhenTheQueueAheadDrainsWhicheverIsLater() {
    running(CallingWindow.always());
    insert(100, T0); // 5 minutes of calls at 20 a minute
    steadyTwentyAMinute();
    Instant now = clock.instant();
    Lead soon = insertOne(101, now.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
    Lead late = insertOne(102, now.plus(Duration.ofHours(1)), ZoneOffset.UTC);

    QueuePosition drained = forecast.position(TENANT, soon.id()).orElseThrow();
    assertThat(drained.dueAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
    assertThat(drained.leadsAhead()).isEqualTo(100);
    assertThat(drained.expectedDialAt()).isEqualTo(now.plus(Duration.ofMinutes(5)));

    QueuePosition due = forecast.position(TENANT, late.id()).orElseThrow();
    assertThat(due.leadsAhead()).isEqualTo(101);
    assertThat(due.expectedDialAt()).isEqualTo(now.plus(Duration.ofHours(1)));
  }

  @Test
  void aLeadWhoseWindowIsClosedIsDueWhenItOpens() {
    running(CallingWindow.daily("09:00", "18:00"));
    steadyTwentyAMinute();
    Instant due = clock.instant(); // 10:06 in New York
    clock.set(due.plus(Duration.ofHours(8))); // 18:06 in New York: closed until 09:00
    Lead lead = insertOne(1, due, NEW_YORK);
    steadyTwentyAMinute();

    QueuePosition p = forecast.position(TENANT, lead.id()).orElseThrow();
    assertThat(p.dueAt()).isEqualTo(Instant.parse("2026-03-03T14:00:00Z"));
    assertThat(p.expectedDialAt()).isEqualTo(p.dueAt());
  }

  @Test
  void aPausedCampaignGivesAPositionWithoutATimeAndALeadNotQueuedNone() {
    Campaign campaign = running(CallingWindow.always());
    List<Lead> leads = insert(3, T0);
    steadyTwentyAMinute();
    store.transitionCampaign(
        TENANT,
        CAMPAIGN,
        java.util.EnumSet.of(CampaignStatus.RUNNING),
        CampaignStatus.PAUSED,
        clock.instant());

    QueuePosition p = forecast.position(TENANT, leads.get(2).id()).orElseThrow();
    assertThat(p.position()).isEqualTo(3);
    assertThat(p.basis()).isEqualTo(Basis.NOT_DIALING);
    assertThat(p.expectedDialAt()).isNull();
    assertThat(campaign.id()).isEqualTo(CAMPAIGN);
    assertThatThrownBy(() -> forecast.position(TENANT, LeadId.of("nope")))
        .isInstanceOf(LeadNotFoundException.class);
    assertThatThrownBy(() -> forecast.position(TenantId.of("other"), leads.get(0).id()))
        .isInstanceOf(LeadNotFoundException.class);
  }

  @Test
  void aQueuePositionIsValidated() {
    assertThatThrownBy(
            () ->
                new QueuePosition(
                    LeadId.of("l"), CAMPAIGN, 3, 1, T0, T0, Basis.OBSERVED_CLAIMS, 1, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leadsAhead + 1");
    assertThatThrownBy(
            () ->
                new QueuePosition(
                    LeadId.of("l"), CAMPAIGN, 1, 0, T0, null, Basis.OBSERVED_CLAIMS, 1, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedDialAt");
    assertThatThrownBy(
            () ->
                new QueuePosition(
                    LeadId.of("l"), CAMPAIGN, 1, 0, T0.minusSeconds(1), null, Basis.UNKNOWN, 0, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dueAt");
  }

  /** Claims at 20 a minute for six minutes, so the window no longer holds the first claim. */
  private void steadyTwentyAMinute() {
    for (int i = 0; i < 120; i++) {
      clock.advance(Duration.ofSeconds(3));
      claim(1);
    }
  }

  private void claim(int leads) {
    rates.claimed(new DialerObserver.Claim(TENANT, CAMPAIGN, "sim", leads, 0, Duration.ZERO));
  }

  private Campaign running(CallingWindow window) {
    Campaign campaign =
        Campaign.draft(
                CAMPAIGN,
                TENANT,
                CampaignSpec.builder()
                    .name("positions")
                    .agent(Agent.answerUrl("https://agent.example.com/answer"))
                    .callerIds("+14155550100")
                    .callingWindow(window)
                    .build(),
                T0)
            .withStatus(CampaignStatus.RUNNING, T0);
    store.createCampaign(campaign);
    return campaign;
  }

  private List<Lead> insert(int count, Instant due) {
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leads.add(lead(i, due, ZoneOffset.UTC));
    }
    return store.insertLeads(TENANT, CAMPAIGN, leads).inserted();
  }

  private Lead insertOne(int n, Instant due, ZoneId zone) {
    return store.insertLeads(TENANT, CAMPAIGN, List.of(lead(n, due, zone))).inserted().get(0);
  }

  private static Lead lead(int n, Instant due, ZoneId zone) {
    return new Lead(
        LeadId.of("lead-" + n),
        TENANT,
        CAMPAIGN,
        PhoneNumber.of(String.format("+1212%07d", 2_000_000 + n)),
        null,
        null,
        null,
        null,
        zone,
        0,
        0,
        0,
        LeadState.QUEUED,
        due,
        null,
        T0);
  }

  private static Call endedCall(int n, Duration held) {
    return Call.initiated(lead(n, T0, ZoneOffset.UTC), 1, "sim", PhoneNumber.of("+14155550100"), T0)
        .toBuilder()
        .status(dev.dialkit.campaign.CallStatus.COMPLETED)
        .endedAt(T0.plus(held))
        .build();
  }

  /** A clock a test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant at) {
      now = at;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
