package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.spi.ClaimResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list's batch semantics without transactions, and the bound on leads passed over. */
class DoNotCallListTest extends DirectedTest {

  @Test
  void aBatchSentAgainAfterAPartialWriteEndsAsTheBatchAlone() {
    List<Suppression> batch = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      batch.add(entry(n, SuppressionSource.NATIONAL_REGISTRY));
    }
    // what a failure after the first writes of the bulk leaves: a part stored
    store.addSuppressions(batch.subList(0, 4));
    store.addSuppressions(batch);

    assertThat(store.listSuppressions(TENANT_A, PageRequest.of(0, 100)).items())
        .containsExactlyElementsOf(batch);
  }

  @Test
  void aClaimPassesOverAtMostItsBoundAndTheNextClaimGoesOn() {
    int listed = Claimer.MAX_PASSED_OVER + 1;
    Campaign campaign = running("c1", listed + 1);
    List<Suppression> entries = new ArrayList<>();
    for (int n = 0; n < listed; n++) {
      entries.add(entry(n, SuppressionSource.MANUAL));
    }
    store.addSuppressions(entries);

    ClaimResult first = claim(campaign, NO_LIMITS);
    assertThat(first).isInstanceOf(ClaimResult.Denied.class);
    assertThat(first.passedOver()).hasSize(Claimer.MAX_PASSED_OVER);

    ClaimResult.Claimed second = (ClaimResult.Claimed) claim(campaign, NO_LIMITS);
    assertThat(second.passedOver()).hasSize(1);
    assertThat(second.lead().phone()).isEqualTo(phone(listed));
    assertThat(counter(campaign, Counter.LEADS_SKIPPED)).isEqualTo(listed);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
  }

  private static Suppression entry(int n, SuppressionSource source) {
    return new Suppression(TENANT_A, phone(n), source, "entry " + n, null, T0);
  }
}
