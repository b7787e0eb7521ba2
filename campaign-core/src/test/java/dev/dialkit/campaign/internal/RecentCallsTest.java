package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentCallsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId OTHER = TenantId.of("other");

  @Test
  void anOlderVersionNeverReplacesANewerOne() {
    RecentCalls recent = new RecentCalls(10);
    Call v1 = call(1);
    Call v2 = v1.toBuilder().status(CallStatus.RINGING).nextVersion(T0.plusSeconds(1)).build();

    recent.remember(v2);
    recent.remember(v1); // a late answer of an earlier write

    assertThat(recent.find(ACME, v1.id())).contains(v2);
    assertThat(recent.freshest(v1)).isEqualTo(v2);
    assertThat(recent.freshest(v2)).isSameAs(v2);
  }

  @Test
  void anEndedCallLeaves() {
    RecentCalls recent = new RecentCalls(10);
    Call call = call(1);
    recent.remember(call);
    recent.remember(
        call.toBuilder().status(CallStatus.COMPLETED).nextVersion(T0.plusSeconds(9)).build());

    assertThat(recent.find(ACME, call.id())).isEmpty();
    assertThat(recent.size()).isZero();
  }

  @Test
  void anotherTenantNeverFindsTheCall() {
    RecentCalls recent = new RecentCalls(10);
    Call call = call(1);
    recent.remember(call);

    assertThat(recent.find(OTHER, call.id())).isEmpty();
    Call foreign = call(OTHER, 1);
    assertThat(foreign.id()).isEqualTo(call.id());
    assertThat(recent.freshest(foreign)).isSameAs(foreign);
  }

  @Test
  void theOldestMakeRoomBeyondTheCapacity() {
    RecentCalls recent = new RecentCalls(2);
    Call first = call(1);
    Call second = call(2);
    Call third = call(3);
    recent.remember(first);
    recent.remember(second);
    recent.remember(third);

    assertThat(recent.size()).isEqualTo(2);
    assertThat(recent.find(ACME, first.id())).isEmpty();
    assertThat(recent.find(ACME, third.id())).contains(third);
  }

  private static Call call(int n) {
    return call(ACME, n);
  }

  private static Call call(TenantId tenant, int n) {
    Lead lead =
        new Lead(
            LeadId.of("lead-" + n),
            tenant,
            CampaignId.of("c1"),
            PhoneNumber.of(String.format("+1212%07d", 2_000_000 + n)),
            null,
            null,
            null,
            null,
            ZoneOffset.UTC,
            0,
            n,
            1,
            LeadState.IN_PROGRESS,
            T0,
            null,
            T0);
    return Call.initiated(lead, 1, "sim", PhoneNumber.of("+14155550100"), T0);
  }
}
