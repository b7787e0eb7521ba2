package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OTHER_OWNER;
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
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.Lease;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.testkit.StoreFixtures;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every field of a campaign spec, of a call (its {@code sentAt} too) and of a lease (its epoch too)
 * comes back exactly, instants to the microsecond.
 */
abstract class RoundTripTests {
  static final String PREFIX = "dkrt_";

  abstract DataSource dataSource();

  JdbcCampaignStore store() {
    return store(dataSource());
  }

  JdbcCampaignStore store(DataSource ds) {
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
    long epoch =
        store.tryLease(campaign.id(), OWNER, 0, T0, StoreFixtures.LEASE_TTL).orElseThrow().epoch();
    store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, 1));
    Call call =
        ((ClaimResult.Claimed)
                store.claimNext(
                    StoreFixtures.claimRequest(campaign, OWNER, T0.plusMillis(1), NO_LIMITS)))
            .call();
    assertThat(call.sentAt()).isNull();
    assertThat(store.findCall(TENANT_A, call.id())).as("never sent: no sentAt").contains(call);

    Instant sentAt = Instant.parse("2025-03-03T10:00:00.654321Z");
    Call sent = permitted(store, call, epoch, sentAt, null);
    assertThat(sent.sentAt()).isEqualTo(sentAt);
    assertThat(store.findCall(TENANT_A, call.id())).contains(sent);
    Instant resentAt = Instant.parse("2025-03-03T10:00:00.700001Z");
    Call resent =
        permitted(store, sent, epoch, resentAt, store.findCall(TENANT_A, call.id()).get().sentAt());
    assertThat(store.findCall(TENANT_A, call.id()))
        .as("a resend presents the stored sentAt")
        .contains(resent);

    Instant at = Instant.parse("2025-03-03T10:00:01.987654Z");
    Call full =
        resent.toBuilder()
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
        new CallTransition(full, resent.version(), "k", false, null, CounterDelta.NONE, List.of()));

    assertThat(full.sentAt()).isEqualTo(resentAt);
    assertThat(store.findCall(TENANT_A, call.id())).contains(full);
    assertThat(store.findCallByProviderId("sim", "CA123")).contains(full);
    assertThat(store.findCallByProviderId("sim", "req-9")).contains(full);
  }

  @Test
  void leasesComeBackWithTheirEpochAndExpiryAndTheEpochSurvivesARelease() throws Exception {
    DataSource ds = dataSource();
    JdbcCampaignStore store = store(ds);
    Campaign campaign = StoreFixtures.draft(TENANT_A, "rt-lease");
    store.createCampaign(campaign);
    Instant now = Instant.parse("2025-03-03T10:00:00.000001Z");
    Duration ttl = Duration.ofNanos(29_999_999_000L);

    Lease first = store.tryLease(campaign.id(), OWNER, 0, now, ttl).orElseThrow();
    assertThat(first).isEqualTo(new Lease(OWNER, 1, now.plus(ttl)));
    assertThat(store.tryLease(campaign.id(), OTHER_OWNER, 0, now, ttl))
        .as("the holder's lease, read back as stored")
        .contains(first);

    store.releaseLease(campaign.id(), OWNER, 1);
    // an epoch beyond a double's exact range: the column keeps all 64 bits
    long big = (1L << 53) + 1;
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE " + PREFIX + "campaigns SET lease_epoch = " + big);
    }
    Lease second = store.tryLease(campaign.id(), OTHER_OWNER, 0, now, ttl).orElseThrow();
    assertThat(second).isEqualTo(new Lease(OTHER_OWNER, big + 1, now.plus(ttl)));
    assertThat(store.tryLease(campaign.id(), OTHER_OWNER, big + 1, now.plusSeconds(1), ttl))
        .as("renewed: same epoch")
        .contains(new Lease(OTHER_OWNER, big + 1, now.plusSeconds(1).plus(ttl)));
  }

  private static Call permitted(
      JdbcCampaignStore store, Call call, long epoch, Instant now, Instant previousSentAt) {
    DialPermit permit =
        store.requestDialPermit(
            new PermitRequest(
                call.tenant(), call.id(), OWNER, epoch, now, previousSentAt, List.of()));
    assertThat(permit).isInstanceOf(DialPermit.Granted.class);
    return ((DialPermit.Granted) permit).call();
  }
}
