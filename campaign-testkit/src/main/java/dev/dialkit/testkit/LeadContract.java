package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.KOLKATA;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.lead;
import static dev.dialkit.testkit.StoreFixtures.leads;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadInsertResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leads: insert with de-duplication by phone, sequences, counters, reading one, and paging. */
interface LeadContract extends StoreContractSupport {

  @Test
  default void insertedLeadsGetIncreasingSequencesAndCountAsQueued() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> first = leads(campaign, 0, 3);
    List<Lead> second = leads(campaign, 3, 2);

    LeadInsertResult one = store().insertLeads(TENANT_A, campaign.id(), first);
    LeadInsertResult two = store().insertLeads(TENANT_A, campaign.id(), second);

    assertThat(one.duplicates()).isEmpty();
    assertThat(two.duplicates()).isEmpty();
    List<Lead> stored = new ArrayList<>(one.inserted());
    stored.addAll(two.inserted());
    assertThat(stored).extracting(Lead::id).containsExactlyElementsOf(ids(first, second));
    for (int i = 0; i < stored.size(); i++) {
      Lead given = i < 3 ? first.get(i) : second.get(i - 3);
      assertThat(stored.get(i).withSequence(0)).isEqualTo(given);
      assertThat(stored.get(i).sequence()).isPositive();
      if (i > 0) {
        assertThat(stored.get(i).sequence()).isGreaterThan(stored.get(i - 1).sequence());
      }
    }
    assertThat(allLeads(campaign)).containsExactlyElementsOf(stored);
    Campaign reloaded = reload(campaign);
    assertThat(reloaded.counters().get(Counter.LEADS_TOTAL)).isEqualTo(5);
    assertThat(reloaded.counters().get(Counter.LEADS_QUEUED)).isEqualTo(5);
    assertThat(reloaded.counters().get(Counter.LEADS_IN_PROGRESS)).isZero();
  }

  @Test
  default void numbersTheCampaignHasOrTheInputRepeatsAreReportedAsDuplicates() {
    Campaign campaign = running(TENANT_A, "c1");
    insert(campaign, List.of(lead(campaign, 1), lead(campaign, 2)));

    LeadInsertResult result =
        store()
            .insertLeads(
                TENANT_A,
                campaign.id(),
                List.of(
                    lead(campaign, 3),
                    again(campaign, "x1", 1),
                    lead(campaign, 4),
                    again(campaign, "x3", 3),
                    again(campaign, "x2", 2)));

    assertThat(result.inserted())
        .extracting(Lead::id)
        .containsExactly(lead(campaign, 3).id(), lead(campaign, 4).id());
    assertThat(result.duplicates()).containsExactly(phone(1), phone(3), phone(2));
    assertThat(allLeads(campaign)).hasSize(4);
    assertThat(counter(campaign, Counter.LEADS_TOTAL)).isEqualTo(4);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(4);
  }

  @Test
  default void aNumberMayBeInSeveralCampaigns() {
    Campaign one = running(TENANT_A, "c1");
    Campaign two = running(TENANT_A, "c2");
    insert(one, List.of(lead(one, 1)));

    LeadInsertResult result = store().insertLeads(TENANT_A, two.id(), List.of(lead(two, 1)));

    assertThat(result.inserted()).hasSize(1);
    assertThat(result.duplicates()).isEmpty();
  }

  @Test
  default void insertIntoAnUnknownOrForeignCampaignFailsAndStoresNothing() {
    Campaign campaign = running(TENANT_A, "c1");
    Campaign unknown = StoreFixtures.draft(TENANT_A, "nope");
    Campaign foreign = StoreFixtures.draft(TENANT_B, "c1");

    assertThatThrownBy(() -> store().insertLeads(TENANT_A, unknown.id(), leads(unknown, 0, 2)))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(((StoreException) e).isTransient()).isFalse());
    assertThatThrownBy(() -> store().insertLeads(TENANT_B, campaign.id(), leads(foreign, 0, 2)))
        .isInstanceOf(StoreException.class);

    assertThat(allLeads(campaign)).isEmpty();
    assertThat(counter(campaign, Counter.LEADS_TOTAL)).isZero();
  }

  @Test
  default void anExistingLeadIdFailsTheWholeInsert() {
    Campaign campaign = running(TENANT_A, "c1");
    Lead first = lead(campaign, 1);
    insert(campaign, List.of(first));

    List<Lead> batch =
        List.of(lead(campaign, 2), StoreFixtures.lead(campaign, first.id(), phone(3), 0, T0));
    assertThatThrownBy(() -> store().insertLeads(TENANT_A, campaign.id(), batch))
        .isInstanceOf(StoreException.class);

    assertThat(allLeads(campaign)).extracting(Lead::id).containsExactly(first.id());
    assertThat(counter(campaign, Counter.LEADS_TOTAL)).isEqualTo(1);
  }

  @Test
  default void listLeadsPagesBySequenceWithOffsetLimitAndCursor() {
    Campaign campaign = running(TENANT_A, "c1");
    List<Lead> stored = insert(campaign, leads(campaign, 0, 25));
    CampaignId id = campaign.id();

    Page<Lead> first = store().listLeads(TENANT_A, id, PageRequest.of(0, 10));
    assertThat(first.items()).containsExactlyElementsOf(stored.subList(0, 10));
    assertThat(first.total()).isEqualTo(25);
    assertThat(first.nextCursor()).isEqualTo(stored.get(9).sequence());

    Page<Lead> last = store().listLeads(TENANT_A, id, PageRequest.of(2, 10));
    assertThat(last.items()).containsExactlyElementsOf(stored.subList(20, 25));
    Page<Lead> beyond = store().listLeads(TENANT_A, id, PageRequest.of(3, 10));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(25);
    assertThat(beyond.nextCursor()).isZero();

    Page<Lead> next = store().listLeads(TENANT_A, id, PageRequest.after(first.nextCursor(), 10));
    assertThat(next.items()).containsExactlyElementsOf(stored.subList(10, 20));
    assertThat(next.total()).isEqualTo(25);
    Page<Lead> skipped =
        store().listLeads(TENANT_A, id, new PageRequest(2, 3, stored.get(4).sequence()));
    assertThat(skipped.items()).containsExactlyElementsOf(stored.subList(7, 10));
    long end = stored.get(24).sequence();
    Page<Lead> tail = store().listLeads(TENANT_A, id, PageRequest.after(end, 10));
    assertThat(tail.items()).isEmpty();
    assertThat(tail.nextCursor()).isEqualTo(end);

    Page<Lead> foreign = store().listLeads(TENANT_B, id, PageRequest.of(0, 10));
    assertThat(foreign.items()).isEmpty();
    assertThat(foreign.total()).isZero();
  }

  @Test
  default void findLeadReturnsTheStoredLeadAsItIsNow() {
    Campaign campaign = running(TENANT_A, "c1");
    Lead stored = insert(campaign, List.of(lead(campaign, 1, 0, KOLKATA))).get(0);

    assertThat(store().findLead(TENANT_A, stored.id())).contains(stored);
    assertThat(store().findLead(TENANT_A, stored.id()).orElseThrow().timeZone()).isEqualTo(KOLKATA);

    ClaimResult.Claimed claimed = claimed(campaign, seconds(5));
    Lead inProgress = store().findLead(TENANT_A, stored.id()).orElseThrow();
    assertThat(inProgress).isEqualTo(claimed.lead());
    assertThat(inProgress.state()).isEqualTo(LeadState.IN_PROGRESS);
    assertThat(inProgress.attempts()).isEqualTo(1);

    store()
        .applyTransition(
            end(claimed.call(), CallStatus.BUSY, LeadOutcome.retryAt(seconds(600)), "e", T0));
    Lead requeued = store().findLead(TENANT_A, stored.id()).orElseThrow();
    assertThat(requeued.state()).isEqualTo(LeadState.QUEUED);
    assertThat(requeued.attempts()).isEqualTo(1);
    assertThat(requeued.nextAttemptAt()).isEqualTo(seconds(600));
    assertThat(requeued.lastOutcome()).isEqualTo(CallStatus.BUSY);
    assertThat(requeued.sequence()).isEqualTo(stored.sequence());
  }

  @Test
  default void findLeadOfAnotherTenantOrAnUnknownIdIsEmpty() {
    Campaign campaign = running(TENANT_A, "c1");
    Lead stored = insert(campaign, List.of(lead(campaign, 1))).get(0);

    assertThat(store().findLead(TENANT_B, stored.id())).isEmpty();
    assertThat(store().findLead(TENANT_A, LeadId.of("nope"))).isEmpty();
    assertThat(store().findLead(TENANT_A, stored.id())).contains(stored);
  }

  private static Lead again(Campaign campaign, String id, int phone) {
    return StoreFixtures.lead(
        campaign, LeadId.of(campaign.id() + "-" + id), phone(phone), 0, StoreFixtures.T0);
  }

  private static List<LeadId> ids(List<Lead> first, List<Lead> second) {
    List<LeadId> ids = new ArrayList<>();
    first.forEach(l -> ids.add(l.id()));
    second.forEach(l -> ids.add(l.id()));
    return ids;
  }
}
