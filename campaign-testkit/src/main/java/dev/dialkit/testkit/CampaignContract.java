package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.draft;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Campaigns: create, find, list, and the status compare-and-set. */
interface CampaignContract extends StoreContractSupport {

  @Test
  default void createdCampaignIsFoundByItsTenantOnly() {
    Campaign campaign = draft(TENANT_A, "c1");
    store().createCampaign(campaign);

    assertThat(store().findCampaign(TENANT_A, campaign.id())).contains(campaign);
    assertThat(store().findCampaign(TENANT_B, campaign.id())).isEmpty();
    assertThat(store().findCampaign(TENANT_A, CampaignId.of("nope"))).isEmpty();
  }

  @Test
  default void aCampaignsFailoverProvidersAreStoredInOrder() {
    Campaign plain = draft(TENANT_A, "c1");
    Campaign campaign =
        dev.dialkit.campaign.Campaign.draft(
            dev.dialkit.campaign.CampaignId.of("c2"),
            TENANT_A,
            dev.dialkit.campaign.CampaignSpec.from(plain.spec())
                .provider("primary")
                .failover("second", "third")
                .build(),
            plain.createdAt());
    store().createCampaign(campaign);
    assertThat(store().findCampaign(TENANT_A, campaign.id()).orElseThrow().spec().failover())
        .containsExactly("second", "third");
    store().createCampaign(plain);
    assertThat(store().findCampaign(TENANT_A, plain.id()).orElseThrow().spec().failover())
        .isEmpty();
  }

  @Test
  default void createCampaignWithAnExistingIdFailsAndKeepsTheFirst() {
    Campaign first = draft(TENANT_A, "c1");
    store().createCampaign(first);

    assertThatThrownBy(() -> store().createCampaign(draft(TENANT_B, "c1", seconds(5))))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(((StoreException) e).isTransient()).isFalse());
    assertThat(store().findCampaign(TENANT_A, first.id())).contains(first);
    assertThat(store().findCampaign(TENANT_B, first.id())).isEmpty();
    assertThat(store().listCampaigns(TENANT_B)).isEmpty();
  }

  @Test
  default void listCampaignsReturnsTheTenantsCampaignsOldestFirst() {
    Campaign later = draft(TENANT_A, "a-later", seconds(20));
    Campaign earlier = draft(TENANT_A, "a-earlier", seconds(10));
    Campaign tie = draft(TENANT_A, "a-tie", seconds(20));
    Campaign other = draft(TENANT_B, "b-only", T0);
    store().createCampaign(later);
    store().createCampaign(earlier);
    store().createCampaign(other);
    store().createCampaign(tie);

    assertThat(store().listCampaigns(TENANT_A)).containsExactly(earlier, later, tie);
    assertThat(store().listCampaigns(TENANT_B)).containsExactly(other);
    assertThat(store().listCampaigns(TenantId.of("nobody"))).isEmpty();
  }

  @Test
  default void findCampaignsByStatusSpansTenantsOldestFirst() {
    store().createCampaign(draft(TENANT_A, "a-draft", seconds(1)));
    store().createCampaign(draft(TENANT_B, "b-running", seconds(3)));
    store().createCampaign(draft(TENANT_A, "a-running", seconds(2)));
    store().createCampaign(draft(TENANT_A, "a-paused", seconds(4)));
    moveTo(TENANT_B, "b-running", CampaignStatus.RUNNING);
    moveTo(TENANT_A, "a-running", CampaignStatus.RUNNING);
    moveTo(TENANT_A, "a-paused", CampaignStatus.RUNNING);
    moveTo(TENANT_A, "a-paused", CampaignStatus.PAUSED);

    assertThat(store().findCampaignsByStatus(Set.of(CampaignStatus.RUNNING)))
        .extracting(c -> c.id().value())
        .containsExactly("a-running", "b-running");
    assertThat(
            store().findCampaignsByStatus(EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.PAUSED)))
        .extracting(c -> c.id().value())
        .containsExactly("a-draft", "a-paused");
    assertThat(store().findCampaignsByStatus(Set.of(CampaignStatus.COMPLETED))).isEmpty();
  }

  @Test
  default void transitionCampaignMovesOnlyFromAnExpectedStatusAndStampsTimes() {
    Campaign campaign = draft(TENANT_A, "c1");
    store().createCampaign(campaign);
    CampaignId id = campaign.id();

    assertThat(transition(id, CampaignStatus.PAUSED, CampaignStatus.RUNNING, seconds(1))).isEmpty();
    assertThat(reload(campaign)).isEqualTo(campaign);

    Campaign running =
        transition(id, CampaignStatus.DRAFT, CampaignStatus.RUNNING, seconds(10)).orElseThrow();
    assertThat(running).isEqualTo(campaign.withStatus(CampaignStatus.RUNNING, seconds(10)));
    assertThat(running.startedAt()).isEqualTo(seconds(10));
    assertThat(running.endedAt()).isNull();
    assertThat(running.updatedAt()).isEqualTo(seconds(10));
    assertThat(reload(campaign)).isEqualTo(running);

    Campaign paused =
        transition(id, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(20)).orElseThrow();
    Campaign resumed =
        transition(id, CampaignStatus.PAUSED, CampaignStatus.RUNNING, seconds(30)).orElseThrow();
    assertThat(paused.startedAt()).isEqualTo(seconds(10));
    assertThat(resumed.startedAt()).isEqualTo(seconds(10));
    assertThat(resumed.updatedAt()).isEqualTo(seconds(30));

    Campaign completed =
        transition(id, CampaignStatus.RUNNING, CampaignStatus.COMPLETED, seconds(40)).orElseThrow();
    assertThat(completed.status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThat(completed.startedAt()).isEqualTo(seconds(10));
    assertThat(completed.endedAt()).isEqualTo(seconds(40));
    assertThat(reload(campaign)).isEqualTo(completed);
  }

  @Test
  default void transitionCampaignOfAnotherTenantOrUnknownIdChangesNothing() {
    Campaign campaign = draft(TENANT_A, "c1");
    store().createCampaign(campaign);

    assertThat(
            store()
                .transitionCampaign(
                    TENANT_B,
                    campaign.id(),
                    Set.of(CampaignStatus.DRAFT),
                    CampaignStatus.RUNNING,
                    seconds(1)))
        .isEmpty();
    assertThat(
            transition(
                CampaignId.of("nope"), CampaignStatus.DRAFT, CampaignStatus.RUNNING, seconds(1)))
        .isEmpty();
    assertThat(reload(campaign)).isEqualTo(campaign);
  }

  @Test
  default void transitionCampaignKeepsTheCounters() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, StoreFixtures.leads(campaign, 0, 3));

    Campaign paused =
        transition(campaign.id(), CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(5))
            .orElseThrow();

    assertThat(paused.counters().get(Counter.LEADS_TOTAL)).isEqualTo(3);
    assertThat(paused.counters().get(Counter.LEADS_QUEUED)).isEqualTo(3);
  }

  private Optional<Campaign> transition(
      CampaignId id, CampaignStatus from, CampaignStatus to, Instant at) {
    return store().transitionCampaign(TENANT_A, id, Set.of(from), to, at);
  }

  private void moveTo(TenantId tenant, String id, CampaignStatus next) {
    Campaign current = store().findCampaign(tenant, CampaignId.of(id)).orElseThrow();
    assertThat(
            store()
                .transitionCampaign(
                    tenant, current.id(), Set.of(current.status()), next, seconds(60)))
        .isPresent();
  }
}
