package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Free slots go to the least busy tenant, then to its least busy campaign. */
class FairnessTest {
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("a"), TenantId.of("b"), TenantId.of("c"));

  private static List<CampaignId> campaignsOf(DialerRig rig, int leadsEach) {
    List<CampaignId> ids = new ArrayList<>();
    for (int i = 0; i < TENANTS.size(); i++) {
      CampaignId id = rig.campaign(TENANTS.get(i), "c" + i, s -> s);
      rig.dialer.leads().add(TENANTS.get(i), id, DialerRig.leads(i * 1000, leadsEach));
      ids.add(id);
    }
    return ids;
  }

  private static List<Integer> activePerTenant(DialerRig rig, List<CampaignId> ids) {
    List<Integer> active = new ArrayList<>();
    for (int i = 0; i < TENANTS.size(); i++) {
      active.add(rig.store.slotUsage(TENANTS.get(i), ids.get(i)).tenant());
    }
    return active;
  }

  @Test
  void aGlobalLimitOfTenIsSharedFourThreeThreeNotTenZeroZero() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.builder().global(10).perTenant(10).build(), p -> p)) {
      List<CampaignId> ids = campaignsOf(rig, 5);
      for (int i = 0; i < TENANTS.size(); i++) {
        rig.dialer.campaigns().start(TENANTS.get(i), ids.get(i));
      }
      rig.dialer.start();
      rig.scheduler.runDue();

      assertThat(activePerTenant(rig, ids)).containsExactlyInAnyOrder(4, 3, 3);
    }
  }

  @Test
  void everyRefillKeepsTenantsWithinOneCallOfEachOther() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.builder().global(10).perTenant(10).build(), p -> p)) {
      List<CampaignId> ids = campaignsOf(rig, 60);
      AtomicInteger checks = new AtomicInteger();
      AtomicInteger worstSpread = new AtomicInteger();
      rig.afterClaim.add(
          store -> {
            boolean allQueued =
                ids.stream()
                    .allMatch(
                        id -> rig.dialer.campaigns().progress(tenantOf(ids, id), id).queued() > 0);
            if (allQueued) {
              List<Integer> active = activePerTenant(rig, ids);
              int spread =
                  active.stream().mapToInt(x -> x).max().getAsInt()
                      - active.stream().mapToInt(x -> x).min().getAsInt();
              worstSpread.accumulateAndGet(spread, Math::max);
              checks.incrementAndGet();
            }
          });
      for (int i = 0; i < TENANTS.size(); i++) {
        rig.dialer.campaigns().start(TENANTS.get(i), ids.get(i));
      }
      rig.dialer.start();
      rig.scheduler.runUntil(
          () ->
              ids.stream()
                  .allMatch(
                      id -> rig.dialer.campaigns().progress(tenantOf(ids, id), id).queued() == 0));

      assertThat(checks.get()).isGreaterThan(100);
      assertThat(worstSpread.get()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void defaultsAreTenGlobalAndTwoPerTenant() {
    assertThat(ConcurrencyPolicy.defaults().global()).isEqualTo(10);
    assertThat(ConcurrencyPolicy.defaults().perTenant()).isEqualTo(2);
    try (DialerRig rig = new DialerRig(ConcurrencyPolicy.defaults(), p -> p)) {
      CampaignId id = rig.startCampaign("defaults", 10, s -> s);
      rig.scheduler.runDue();
      assertThat(rig.store.slotUsage(DialerRig.TENANT, id).tenant()).isEqualTo(2);
    }
  }

  @Test
  void aCampaignsOwnLimitIsRespected() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.builder().global(20).perTenant(20).build(), p -> p)) {
      CampaignId limited = rig.startCampaign("three at most", 30, s -> s.maxConcurrentCalls(3));
      AtomicInteger max = new AtomicInteger();
      rig.afterClaim.add(
          store ->
              max.accumulateAndGet(
                  store.slotUsage(DialerRig.TENANT, limited).campaign(), Math::max));
      rig.runUntilStatus(limited, dev.dialkit.campaign.CampaignStatus.COMPLETED);
      assertThat(max.get()).isEqualTo(3);
    }
  }

  private static TenantId tenantOf(List<CampaignId> ids, CampaignId id) {
    return TENANTS.get(ids.indexOf(id));
  }
}
