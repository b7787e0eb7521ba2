package dev.dialkit.campaign.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SPI's default count (paging through the campaign) and the in-memory store's (its queue) agree
 * on every lead, due instant and zone set of a random campaign: the default is what an outside
 * store gets without overriding.
 */
class LeadsAheadTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final CampaignId CAMPAIGN = CampaignId.of("cmp-1");
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/New_York"));

  @Test
  void theDefaultCountAgreesWithTheInMemoryStore() {
    CampaignStore store = CampaignStore.inMemory();
    store.createCampaign(
        Campaign.draft(
                CAMPAIGN,
                TENANT,
                CampaignSpec.builder()
                    .name("ahead")
                    .agent(Agent.answerUrl("https://agent.example.com/answer"))
                    .callerIds("+14155550100")
                    .build(),
                T0)
            .withStatus(CampaignStatus.RUNNING, T0));
    Random random = new Random(17);
    List<Lead> input = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      input.add(
          new Lead(
              LeadId.of("lead-" + i),
              TENANT,
              CAMPAIGN,
              PhoneNumber.of(String.format("+1212%07d", 2_000_000 + i)),
              null,
              null,
              null,
              null,
              ZONES.get(random.nextInt(ZONES.size())),
              random.nextInt(4),
              0,
              0,
              LeadState.QUEUED,
              T0.plusSeconds(random.nextInt(4) * 600L),
              null,
              T0));
    }
    List<Lead> stored = store.insertLeads(TENANT, CAMPAIGN, input).inserted();
    List<Set<ZoneId>> zoneSets = List.of(Set.of(ZONES.get(0)), Set.of(ZONES.get(1), ZONES.get(2)));
    for (int i = 0; i < 40; i++) {
      Lead lead = stored.get(random.nextInt(stored.size()));
      Instant dueBy = T0.plusSeconds(random.nextInt(5) * 600L);
      Set<ZoneId> zones = random.nextBoolean() ? null : zoneSets.get(random.nextInt(2));
      long expected =
          stored.stream().filter(o -> LeadsAhead.isAhead(o, lead, dueBy, zones)).count();
      assertThat(LeadsAhead.byPaging(store, lead, dueBy, zones)).isEqualTo(expected);
      assertThat(store.countLeadsAhead(lead, dueBy, zones)).isEqualTo(expected);
    }
  }
}
