package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The do-not-call list: entries per tenant, replaced on re-add, looked up one by one or by batch,
 * paged by number; and the claim that skips a suppressed lead for good, in the same atomic step,
 * counting it {@code LEADS_SKIPPED}.
 */
interface SuppressionContract extends StoreContractSupport {

  static Suppression entry(TenantId tenant, int n, SuppressionSource source, long at) {
    return new Suppression(tenant, phone(n), source, "reason " + n, null, seconds(at));
  }

  @Test
  default void entriesAreStoredPerTenantReplacedOnReAddAndRemoved() {
    store()
        .addSuppressions(
            List.of(
                entry(TENANT_A, 1, SuppressionSource.OPT_OUT, 1),
                entry(TENANT_A, 2, SuppressionSource.COMPLAINT, 1),
                entry(TENANT_B, 1, SuppressionSource.MANUAL, 1)));
    assertThat(store().findSuppression(TENANT_A, phone(1)))
        .contains(entry(TENANT_A, 1, SuppressionSource.OPT_OUT, 1));
    assertThat(store().findSuppression(TENANT_B, phone(1)))
        .contains(entry(TENANT_B, 1, SuppressionSource.MANUAL, 1));
    assertThat(store().findSuppression(TENANT_B, phone(2))).as("another tenant's").isEmpty();

    Suppression again = entry(TENANT_A, 1, SuppressionSource.NATIONAL_REGISTRY, 9);
    store().addSuppressions(List.of(again));
    assertThat(store().findSuppression(TENANT_A, phone(1))).contains(again);

    assertThat(store().removeSuppression(TENANT_A, phone(1))).isTrue();
    assertThat(store().removeSuppression(TENANT_A, phone(1))).isFalse();
    assertThat(store().findSuppression(TENANT_A, phone(1))).isEmpty();
    assertThat(store().findSuppression(TENANT_B, phone(1))).as("B's entry stays").isPresent();
  }

  @Test
  default void theLastEntryOfARepeatedNumberWinsAndAnEntryRoundTripsEveryField() {
    Suppression first = entry(TENANT_A, 3, SuppressionSource.MANUAL, 1);
    Suppression last =
        new Suppression(
            TENANT_A,
            phone(3),
            SuppressionSource.OPT_OUT,
            null,
            dev.dialkit.campaign.CallId.of("ld-x.1"),
            seconds(2));
    store().addSuppressions(List.of(first, last));
    assertThat(store().findSuppression(TENANT_A, phone(3))).contains(last);
  }

  @Test
  default void aBatchLookupReturnsOnlyTheListedNumbersOfTheTenant() {
    store()
        .addSuppressions(
            List.of(
                entry(TENANT_A, 1, SuppressionSource.MANUAL, 1),
                entry(TENANT_A, 3, SuppressionSource.MANUAL, 1),
                entry(TENANT_B, 2, SuppressionSource.MANUAL, 1)));
    var found = store().findSuppressions(TENANT_A, List.of(phone(1), phone(2), phone(3), phone(4)));
    assertThat(found).containsOnlyKeys(phone(1), phone(3));
    assertThat(found.get(phone(3))).isEqualTo(entry(TENANT_A, 3, SuppressionSource.MANUAL, 1));
    assertThat(store().findSuppressions(TENANT_A, List.of())).isEmpty();
  }

  @Test
  default void aLookupOfTooManyNumbersOrANullIsRefused() {
    List<PhoneNumber> tooMany =
        IntStream.rangeClosed(0, CampaignStore.MAX_SUPPRESSION_LOOKUP)
            .mapToObj(StoreFixtures::phone)
            .toList();
    assertThatThrownBy(() -> store().findSuppressions(TENANT_A, tooMany))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().findSuppressions(TENANT_A, Arrays.asList(phone(1), null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void aBatchWithANullEntryStoresNothing() {
    List<Suppression> batch = new ArrayList<>();
    batch.add(entry(TENANT_A, 1, SuppressionSource.MANUAL, 1));
    batch.add(null);
    assertThatThrownBy(() -> store().addSuppressions(batch)).isInstanceOf(RuntimeException.class);
    assertThat(store().findSuppression(TENANT_A, phone(1))).isEmpty();
  }

  @Test
  default void theListPagesByNumber() {
    List<Suppression> entries = new ArrayList<>();
    for (int n : new int[] {5, 1, 4, 2, 3}) {
      entries.add(entry(TENANT_A, n, SuppressionSource.MANUAL, 1));
    }
    entries.add(entry(TENANT_B, 9, SuppressionSource.MANUAL, 1));
    store().addSuppressions(entries);
    var first = store().listSuppressions(TENANT_A, PageRequest.of(0, 2));
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.items()).extracting(Suppression::phone).containsExactly(phone(1), phone(2));
    var last = store().listSuppressions(TENANT_A, PageRequest.of(2, 2));
    assertThat(last.items()).extracting(Suppression::phone).containsExactly(phone(5));
    assertThatThrownBy(() -> store().listSuppressions(TENANT_A, PageRequest.after(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void aClaimSkipsASuppressedLeadForGoodAndDialsTheNext() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 3);
    store().addSuppressions(List.of(entry(TENANT_A, 0, SuppressionSource.OPT_OUT, 1)));
    store().addSuppressions(List.of(entry(TENANT_B, 1, SuppressionSource.OPT_OUT, 1)));

    ClaimResult.Claimed claimed = claimed(campaign, seconds(2));
    assertThat(claimed.lead().phone()).as("B's list does not apply").isEqualTo(phone(1));
    assertThat(claimed.lead().hold()).isNull();
    assertThat(claimed.passedOver()).hasSize(1);
    Lead skipped = claimed.passedOver().get(0);
    assertThat(skipped.phone()).isEqualTo(phone(0));
    assertThat(skipped.state()).isEqualTo(LeadState.SKIPPED);
    assertThat(skipped.hold()).isEqualTo(LeadHold.SUPPRESSED);
    assertThat(reloadLead(skipped)).isEqualTo(skipped);
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(counter(campaign, Counter.LEADS_IN_PROGRESS)).isEqualTo(1);

    store().removeSuppression(TENANT_A, phone(0));
    assertThat(claimed(campaign, seconds(3)).lead().phone())
        .as("a skipped lead stays skipped")
        .isEqualTo(phone(2));
  }

  @Test
  default void whenEveryDueLeadIsSuppressedTheClaimSaysNoDueLeadAndTheCampaignCanComplete() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    store()
        .addSuppressions(
            List.of(
                entry(TENANT_A, 0, SuppressionSource.MANUAL, 1),
                entry(TENANT_A, 1, SuppressionSource.MANUAL, 1)));
    ClaimResult result = claim(campaign, seconds(2), NO_LIMITS);
    assertThat(denial(result)).isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
    assertThat(result.passedOver())
        .extracting(Lead::state)
        .containsExactly(LeadState.SKIPPED, LeadState.SKIPPED);
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(2);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), seconds(3)).orElseThrow().status())
        .isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  default void aDeniedClaimPassesNoLeadOver() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    store().addSuppressions(List.of(entry(TENANT_A, 0, SuppressionSource.MANUAL, 1)));
    move(campaign, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(1));
    ClaimResult result = claim(campaign, seconds(2), NO_LIMITS);
    assertThat(denial(result)).isEqualTo(ClaimResult.Reason.NOT_RUNNING);
    assertThat(result.passedOver()).isEmpty();
    assertThat(allLeads(campaign).get(0).state()).isEqualTo(LeadState.QUEUED);
  }

  @Test
  default void aClaimPassesOverAtMostTheLimitAndAskingAgainReachesTheDialableLead() {
    int listed = CampaignStore.MAX_PASSED_OVER + 20;
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, listed + 1);
    List<Suppression> entries = new ArrayList<>();
    for (int n = 0; n < listed; n++) {
      entries.add(entry(TENANT_A, n, SuppressionSource.NATIONAL_REGISTRY, 1));
    }
    store().addSuppressions(entries);

    int passed = 0;
    ClaimResult result = null;
    for (int round = 0; round < 3 && !(result instanceof ClaimResult.Claimed); round++) {
      result = claim(campaign, seconds(2 + round), NO_LIMITS);
      assertThat(result.passedOver()).hasSizeLessThanOrEqualTo(CampaignStore.MAX_PASSED_OVER);
      if (result instanceof ClaimResult.Denied) {
        assertThat(denial(result)).isEqualTo(ClaimResult.Reason.NO_DUE_LEAD);
        assertThat(result.passedOver())
            .as("a stop short of the lead passed some over")
            .isNotEmpty();
      }
      passed += result.passedOver().size();
    }
    assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
    assertThat(((ClaimResult.Claimed) result).lead().phone()).isEqualTo(phone(listed));
    assertThat(passed).isEqualTo(listed);
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(listed);
  }
}
