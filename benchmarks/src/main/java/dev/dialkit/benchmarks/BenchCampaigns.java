package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.SlotLimits;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fresh {@link JdbcCampaignStore} under its own table prefix with {@code count} running campaigns
 * over two tenants, each leased by {@link StoreFixtures#OWNER} and holding {@code leadsEach} due
 * leads: what the claim and webhook measurements drive directly.
 *
 * @param store the migrated store
 * @param campaigns the running campaigns, in creation order
 * @param epochs the lease epoch of each campaign, same order
 */
record BenchCampaigns(JdbcCampaignStore store, List<Campaign> campaigns, List<Long> epochs) {
  /** The instant every claim and update of these measurements happens at (leases last 1 h). */
  static final Instant NOW = StoreFixtures.T0.plusSeconds(1);

  /** Limits no measurement reaches: the claims must be bound by the store, not by a limit. */
  static final SlotLimits UNBOUND = new SlotLimits(1_000_000, 1_000_000, 1_000_000);

  BenchCampaigns {
    campaigns = List.copyOf(campaigns);
    epochs = List.copyOf(epochs);
  }

  static BenchCampaigns create(DataSource ds, String prefix, int count, int leadsEach) {
    JdbcCampaignStore store = JdbcCampaignStore.builder(ds).tablePrefix(prefix).build();
    store.migrate();
    List<Campaign> campaigns = new ArrayList<>();
    List<Long> epochs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TenantId tenant = TenantId.of("bench-" + (i % 2));
      LeasedCampaign leased = LeasedCampaign.create(store, tenant, prefix + "c" + i);
      Campaign running = leased.campaign();
      epochs.add(leased.epoch());
      // distinct numbers across the campaigns: StoreFixtures.phone takes 0 to 7,999,999
      int first = i * 400_000;
      for (int from = 0; from < leadsEach; from += 10_000) {
        int n = Math.min(10_000, leadsEach - from);
        store.insertLeads(tenant, running.id(), StoreFixtures.leads(running, first + from, n));
      }
      campaigns.add(running);
    }
    return new BenchCampaigns(store, campaigns, epochs);
  }

  /** A single claim on campaign {@code i} at {@link #NOW} under {@link #UNBOUND} limits. */
  ClaimRequest claim(int i) {
    return StoreFixtures.claimRequest(campaigns.get(i), StoreFixtures.OWNER, NOW, UNBOUND);
  }

  /** A batch of up to {@code size} claims on campaign {@code i}. */
  BatchClaimRequest batch(int i, int size) {
    return BatchClaimRequest.of(claim(i), size);
  }
}
