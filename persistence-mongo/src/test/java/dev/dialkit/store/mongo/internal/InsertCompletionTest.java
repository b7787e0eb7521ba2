package dev.dialkit.store.mongo.internal;

import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.testkit.StoreFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A lead insert and a completion are atomic with respect to each other: a lead is either refused or
 * keeps its campaign running until it is dialed, never stored and then stranded in a completed
 * campaign. Each test starts from a campaign whose only lead is done, so that it is complete by its
 * counters, and runs the insert and the completion into each other at a seam.
 */
class InsertCompletionTest extends DirectedTest {

  @Test
  void aCompletionBetweenTheInsertsLeadsAndItsLastWriteFindsTheCampaignBusy() {
    completionAfterTheLeadsAreStored();
  }

  @Test
  void whenTheLeadsAreCountedAfterwardsTheCompletionStrandsThem() {
    failsWithout(() -> Switches.fencedLeadInserts = false, this::completionAfterTheLeadsAreStored);
  }

  @Test
  void anInsertBetweenTheCompletionsReadAndItsWriteMakesTheWriteFail() {
    insertAfterTheCompletionRead();
  }

  @Test
  void whenTheCompletionChecksOnlyTheStatusItStrandsTheLeads() {
    failsWithout(() -> Switches.fencedLeadInserts = false, this::insertAfterTheCompletionRead);
  }

  @Test
  void anInsertThatDiedAfterStoringItsLeadsIsRolledBackByTheRepair() {
    Campaign campaign = doneByItsCounters();
    Seams.set(
        Seams.Point.LEADS_STORED,
        () -> {
          throw new IllegalStateException("the inserter dies here");
        });
    assertThatThrownBy(() -> insertOne(campaign)).hasMessageContaining("dies here");
    Seams.clear();
    assertThat(store.completeIfDone(TENANT_A, campaign.id(), seconds(3)))
        .as("an open insert counts its leads")
        .isEmpty();

    for (int pass = 0; pass < InsertIntents.STALE_AFTER; pass++) {
      store.releaseOrphanSlots();
      assertThat(counter(campaign, Counter.LEADS_QUEUED)).as("pass %d", pass).isEqualTo(1);
    }
    store.releaseOrphanSlots();

    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
    assertThat(counter(campaign, Counter.LEADS_TOTAL)).isEqualTo(1);
    assertThat(leads(campaign)).hasSize(1);
    assertThat(store.completeIfDone(TENANT_A, campaign.id(), seconds(4))).isPresent();
  }

  @Test
  void anInsertThatStalledPastTheRepairStoresNothingAndSaysSo() {
    Campaign campaign = doneByItsCounters();
    Seams.set(
        Seams.Point.LEADS_STORED,
        () -> {
          for (int pass = 0; pass <= InsertIntents.STALE_AFTER; pass++) {
            store.releaseOrphanSlots();
          }
        });

    assertThatThrownBy(() -> insertOne(campaign))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("rolled it back")
        .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue());
    Seams.clear();

    assertThat(leads(campaign)).hasSize(1);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isZero();
    assertThat(store.completeIfDone(TENANT_A, campaign.id(), seconds(4))).isPresent();
  }

  /** The completion runs after the insert stored its leads, before its last write. */
  private void completionAfterTheLeadsAreStored() {
    Campaign campaign = doneByItsCounters();
    List<Optional<Campaign>> completion = new ArrayList<>();
    Seams.set(
        Seams.Point.LEADS_STORED,
        () -> completion.add(store.completeIfDone(TENANT_A, campaign.id(), seconds(3))));

    List<Lead> inserted = insertOne(campaign);
    Seams.clear();

    assertThat(completion).hasSize(1);
    assertStoredLeadKeepsTheCampaignRunning(campaign, inserted);
  }

  /** The insert runs after the completion read the campaign done, before its write. */
  private void insertAfterTheCompletionRead() {
    Campaign campaign = doneByItsCounters();
    List<Lead> inserted = new ArrayList<>();
    Seams.set(
        Seams.Point.COMPLETION_READ,
        () -> {
          Seams.clear(); // the completion reads again after a failed write: insert only once
          inserted.addAll(insertOne(campaign));
        });

    store.completeIfDone(TENANT_A, campaign.id(), seconds(3));

    assertStoredLeadKeepsTheCampaignRunning(campaign, inserted);
  }

  private void assertStoredLeadKeepsTheCampaignRunning(Campaign campaign, List<Lead> inserted) {
    assertThat(inserted).as("the insert was accepted").hasSize(1);
    assertThat(reload(campaign).status())
        .as("a campaign with a lead just stored and never dialed")
        .isEqualTo(CampaignStatus.RUNNING);
    assertThat(counter(campaign, Counter.LEADS_QUEUED)).isEqualTo(1);
    assertThat(claimed(campaign).leadId()).isEqualTo(inserted.get(0).id());
  }

  /** A running campaign with one lead, dialed and done: complete by its counters. */
  private Campaign doneByItsCounters() {
    Campaign campaign = running("c1", 1);
    finish(claimed(campaign), seconds(2));
    assertThat(reload(campaign).isDone()).isTrue();
    return campaign;
  }

  private List<Lead> insertOne(Campaign campaign) {
    return store
        .insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 100, 1))
        .inserted();
  }

  private List<Lead> leads(Campaign campaign) {
    return store.listLeads(TENANT_A, campaign.id(), PageRequest.of(0, 100)).items();
  }
}
