package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.AutoPause;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallerIdRotation;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.testkit.StoreFixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Every field of a campaign spec and of a call comes back exactly, instants to the microsecond. */
abstract class RoundTripTests {
  static final String PREFIX = "dkrt_";

  abstract DataSource dataSource();

  JdbcCampaignStore store() {
    DataSource ds = dataSource();
    TestDatabases.dropTables(ds, PREFIX);
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(PREFIX).build();
    store.migrate();
    return store;
  }

  @Test
  void everyFieldOfASpecAndACallRoundTrips() {
    JdbcCampaignStore store = store();
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("Q1 push ✓")
            .agent(Agent.hosted("agent-7").withVariables(Map.of("lang", "de", "tone", "warm")))
            .callerIds("+14155550100", "+14155550101")
            .provider("twilio")
            .maxConcurrentCalls(7)
            .ringTimeout(Duration.ofMillis(25_500))
            .maxCallDuration(Duration.ofMinutes(42))
            .machineDetection(true)
            .record(true)
            .retry(RetryPolicy.noAnswerAndBusy(4, Duration.ofMinutes(17)))
            .callingWindow(
                CallingWindow.overnight("20:30", "02:15")
                    .on(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)
                    .in("Asia/Kolkata"))
            .callerIdRotation(CallerIdRotation.LEAST_RECENTLY_USED)
            .autoPause(new AutoPause(50, 0.35))
            .build();
    Instant created = Instant.parse("2025-03-03T09:59:59.123456Z");
    Campaign campaign = Campaign.draft(CampaignId.of("rt-1"), TENANT_A, spec, created);
    store.createCampaign(campaign);
    assertThat(store.findCampaign(TENANT_A, campaign.id())).contains(campaign);

    store.transitionCampaign(
        TENANT_A, campaign.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0);
    store.tryLease(campaign.id(), OWNER, T0, StoreFixtures.LEASE_TTL);
    store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, 1));
    Call call =
        ((ClaimResult.Claimed)
                store.claimNext(
                    StoreFixtures.claimRequest(campaign, OWNER, T0.plusMillis(1), NO_LIMITS)))
            .call();
    Instant at = Instant.parse("2025-03-03T10:00:01.987654Z");
    Call full =
        call.toBuilder()
            .providerCallId("CA123")
            .providerRequestId("req-9")
            .status(CallStatus.COMPLETED)
            .ringingAt(at.minusMillis(999))
            .answeredAt(at.minusMillis(500))
            .endedAt(at)
            .duration(Duration.ofNanos(500_000_001))
            .billedDuration(Duration.ofSeconds(60))
            .failureReason(FailureReason.CARRIER_ERROR)
            .hangupCause("NORMAL_CLEARING")
            .sipCode("200")
            .answeredBy(AnsweredBy.MACHINE)
            .recordingUrl("https://rec.example/1.mp3")
            .rawStatus("completed")
            .lastSequence(Long.MAX_VALUE)
            .nextVersion(at)
            .build();
    store.applyTransition(
        new CallTransition(full, 1, "k", false, null, CounterDelta.NONE, List.of()));

    assertThat(store.findCall(TENANT_A, call.id())).contains(full);
    assertThat(store.findCallByProviderId("sim", "CA123")).contains(full);
    assertThat(store.findCallByProviderId("sim", "req-9")).contains(full);
  }
}
