package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.InvalidLeadException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PriorityPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code Leads.add}: the batch is checked whole, and a rejected one stores nothing. */
class LeadServiceValidationTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final CampaignId CAMPAIGN = CampaignId.of("cmp-1");
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final CampaignStore store = CampaignStore.inMemory();
  private final AtomicInteger wakes = new AtomicInteger();

  LeadServiceValidationTest() {
    store.createCampaign(
        Campaign.draft(
            CAMPAIGN,
            TENANT,
            CampaignSpec.builder()
                .name("Spring renewals")
                .agent(Agent.answerUrl("https://agent.example.com/answer"))
                .callerIds("+14155550100")
                .build(),
            T0));
  }

  private LeadService service(PriorityPolicy policy) {
    return new LeadService(
        store, Clock.fixed(T0, ZoneOffset.UTC), policy, null, id -> wakes.incrementAndGet(), null);
  }

  private List<Lead> stored() {
    return store.listLeads(TENANT, CAMPAIGN, PageRequest.of(0, 100)).items();
  }

  @Test
  void aNullLeadRejectsTheWholeBatchWithItsRowAndStoresNothing() {
    LeadService leads = service(PriorityPolicy.seedScore());
    leads.add(TENANT, CAMPAIGN, List.of(NewLead.of("+12125550100")));
    List<NewLead> batch =
        Arrays.asList(NewLead.of("+12125550101"), NewLead.of("+12125550102"), null);

    assertThatThrownBy(() -> leads.add(TENANT, CAMPAIGN, batch))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              assertThat(e.row()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("lead");
              assertThat(e.reason()).isEqualTo("must not be null");
              assertThat(e).hasMessage("lead at row 3: lead must not be null");
            });
    assertThat(stored()).extracting(l -> l.phone().e164()).containsExactly("+12125550100");
    assertThat(wakes).hasValue(1);
  }

  @Test
  void aNullListIsATypedError() {
    assertThatThrownBy(() -> service(PriorityPolicy.seedScore()).add(TENANT, CAMPAIGN, null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              assertThat(e.row()).isZero();
              assertThat(e.field()).isEqualTo("leads");
              assertThat(e).hasMessage("lead: leads must not be null");
            });
    assertThat(stored()).isEmpty();
  }

  @Test
  void aNullTenantOrCampaignIsATypedError() {
    LeadService leads = service(PriorityPolicy.seedScore());
    List<NewLead> batch = List.of(NewLead.of("+12125550101"));
    assertThatThrownBy(() -> leads.add(null, CAMPAIGN, batch))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("tenant is required, was null");
    assertThatThrownBy(() -> leads.add(TENANT, null, batch))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("campaign is required, was null");
    assertThat(stored()).isEmpty();
  }

  @Test
  void aFailingPriorityPolicyStoresNothingEither() {
    PriorityPolicy failsOnTheSecond =
        lead -> {
          if (lead.phone().e164().endsWith("2")) {
            throw new IllegalStateException("policy bug");
          }
          return 0;
        };
    List<NewLead> batch = List.of(NewLead.of("+12125550101"), NewLead.of("+12125550102"));
    assertThatThrownBy(() -> service(failsOnTheSecond).add(TENANT, CAMPAIGN, batch))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stored()).isEmpty();
    assertThat(wakes).hasValue(0);
  }

  @Test
  void aPolicyBonusOnTheHighestPriorityIsKeptWithoutOverflow() {
    NewLead top = NewLead.of("+12125550101", "Ada").withPriority(NewLead.MAX_PRIORITY);
    ImportReport report = service(PriorityPolicy.seedScore()).add(TENANT, CAMPAIGN, List.of(top));
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(stored()).extracting(Lead::priority).containsExactly(NewLead.MAX_PRIORITY + 100);
  }

  @Test
  void aValidBatchIsStoredWhole() {
    List<NewLead> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(NewLead.of(String.format("+1212555%04d", 100 + i)));
    }
    batch.add(NewLead.of("+12125550100")); // a repeat: reported, not an error
    ImportReport report = service(PriorityPolicy.asGiven()).add(TENANT, CAMPAIGN, batch);
    assertThat(report.inserted()).isEqualTo(20);
    assertThat(report.duplicates()).hasSize(1);
    assertThat(stored()).hasSize(20);
  }
}
