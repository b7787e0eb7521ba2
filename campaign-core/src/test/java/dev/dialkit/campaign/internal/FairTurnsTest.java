package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairTurnsTest {
  private static final TenantId A = TenantId.of("a");
  private static final TenantId B = TenantId.of("b");
  private static final TenantId C = TenantId.of("c");

  @Test
  void theLeastBusyTenantGoesFirstAndTiesTakeTurns() {
    List<TenantId> tenants = new ArrayList<>(List.of(A, B, C));
    Map<TenantId, Long> active = Map.of(A, 2L, B, 1L, C, 1L);

    assertThat(FairTurns.leastBusy(tenants, active)).isEqualTo(B);
    assertThat(tenants).as("the chosen one moves to the back").containsExactly(A, C, B);
    assertThat(FairTurns.leastBusy(tenants, active)).as("the tie's other side").isEqualTo(C);
    assertThat(FairTurns.leastBusy(tenants, active)).isEqualTo(B);
  }

  @Test
  void aTenantMayClaimUpToOneAboveTheLeastBusyOther() {
    List<TenantId> tenants = List.of(A, B, C);
    Map<TenantId, Long> active = Map.of(A, 3L, B, 5L, C, 9L);

    assertThat(FairTurns.allowance(A, tenants, active)).as("3 → 6, one above B's 5").isEqualTo(3);
    assertThat(FairTurns.allowance(B, tenants, active)).as("5 → 4 is below: one").isEqualTo(1);
  }

  @Test
  void theBatchIsAtLeastOneAndAtMostTheStoresBatch() {
    assertThat(FairTurns.allowance(5, 5)).isEqualTo(1);
    assertThat(FairTurns.allowance(9, 5)).as("busier than the least: still one").isEqualTo(1);
    assertThat(FairTurns.allowance(0, 10_000)).isEqualTo(CampaignStore.MAX_CLAIM_BATCH);
    assertThat(FairTurns.allowance(0, Long.MAX_VALUE))
        .as("alone in the pass")
        .isEqualTo(CampaignStore.MAX_CLAIM_BATCH);
  }

  @Test
  void aTenantsCampaignsShareTheSameWay() {
    DispatchSlot busy = new DispatchSlot(null, null, null, 4);
    DispatchSlot idle = new DispatchSlot(null, null, null, 1);
    List<DispatchSlot> slots = new ArrayList<>(List.of(busy, idle));

    assertThat(FairTurns.leastBusy(slots)).isSameAs(idle);
    assertThat(FairTurns.allowance(idle, slots)).as("1 → 5, one above 4").isEqualTo(4);
    assertThat(FairTurns.allowance(busy, slots)).isEqualTo(1);
  }
}
