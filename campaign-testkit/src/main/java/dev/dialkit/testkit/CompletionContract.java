package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Completion and lead insert are atomic with respect to each other: a campaign completes only when
 * no lead is queued or in progress, a finished campaign refuses leads, and a lead is never accepted
 * by a campaign that then completes without dialing it.
 */
interface CompletionContract extends StoreContractSupport {

  @Test
  default void aCampaignCompletesOnlyWhenEveryLeadIsSettled() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 2);
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), seconds(1))).isEmpty();

    Call first = claimed(campaign, seconds(1)).call();
    Call second = claimed(campaign, seconds(1)).call();
    finish(first, seconds(2));
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), seconds(3)))
        .as("a lead is still in progress")
        .isEmpty();
    finish(second, seconds(4));

    assertThat(store().completeIfDone(TENANT_B, campaign.id(), seconds(5)))
        .as("another tenant's")
        .isEmpty();
    Campaign done = store().completeIfDone(TENANT_A, campaign.id(), seconds(5)).orElseThrow();
    assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThat(done.endedAt()).isEqualTo(seconds(5));
    assertThat(reload(campaign)).isEqualTo(done);
    assertThat(store().completeIfDone(TENANT_A, campaign.id(), seconds(6))).isEmpty();
  }

  @Test
  default void aCampaignWithoutLeadsOrNotDispatchingNeverCompletes() {
    Campaign empty = running(TENANT_A, "empty");
    assertThat(store().completeIfDone(TENANT_A, empty.id(), seconds(1))).isEmpty();

    Campaign paused = runningWithLeads(TENANT_A, "paused", 0, 1);
    finish(claimed(paused, seconds(1)).call(), seconds(2));
    move(paused, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(3));
    assertThat(store().completeIfDone(TENANT_A, paused.id(), seconds(4))).isEmpty();

    move(paused, CampaignStatus.PAUSED, CampaignStatus.RUNNING, seconds(5));
    move(paused, CampaignStatus.RUNNING, CampaignStatus.SCHEDULED, seconds(6));
    assertThat(store().completeIfDone(TENANT_A, paused.id(), seconds(7)).orElseThrow().status())
        .as("scheduled counts as dispatching")
        .isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  default void aFinishedCampaignRefusesLeadsAndStoresNothing() {
    Campaign done = runningWithLeads(TENANT_A, "done", 0, 1);
    finish(claimed(done, seconds(1)).call(), seconds(2));
    store().completeIfDone(TENANT_A, done.id(), seconds(3)).orElseThrow();
    Campaign canceled = runningWithLeads(TENANT_A, "canceled", 0, 1);
    move(canceled, CampaignStatus.RUNNING, CampaignStatus.CANCELED, seconds(3));
    Campaign failed = runningWithLeads(TENANT_A, "failed", 0, 1);
    move(failed, CampaignStatus.RUNNING, CampaignStatus.FAILED, seconds(3));

    for (Campaign campaign : List.of(done, canceled, failed)) {
      Campaign before = reload(campaign);
      assertThatThrownBy(() -> insert(campaign, StoreFixtures.leads(campaign, 10, 2)))
          .isInstanceOf(IllegalCampaignStateException.class)
          .hasMessageContaining(campaign.id().value())
          .hasMessageContaining(before.status().name());
      assertThat(reload(campaign)).isEqualTo(before);
      assertThat(allLeads(campaign)).hasSize(1);
    }
  }

  @Test
  default void aPausedOrDraftCampaignStillTakesLeads() {
    Campaign draft = StoreFixtures.draft(TENANT_A, "draft");
    store().createCampaign(draft);
    assertThat(insert(draft, StoreFixtures.leads(draft, 0, 1))).hasSize(1);
    Campaign paused = runningWithLeads(TENANT_A, "paused", 0, 1);
    move(paused, CampaignStatus.RUNNING, CampaignStatus.PAUSED, seconds(1));
    assertThat(insert(paused, StoreFixtures.leads(paused, 1, 1))).hasSize(1);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  default void anInsertRacingTheCompletionIsEitherRefusedOrKeepsTheCampaignRunning()
      throws Exception {
    for (int round = 0; round < 10; round++) {
      Campaign campaign = runningWithLeads(TENANT_A, "race-" + round, 0, 1);
      finish(claimed(campaign, seconds(1)).call(), seconds(2));

      List<Object> results =
          race(
              6,
              i -> {
                if (i % 2 == 0) {
                  return store().completeIfDone(TENANT_A, campaign.id(), seconds(3)).isPresent();
                }
                try {
                  return insert(campaign, StoreFixtures.leads(campaign, 100 + i, 1)).size();
                } catch (IllegalCampaignStateException e) {
                  return e;
                }
              });
      long accepted = results.stream().filter(r -> r instanceof Integer n && n == 1).count();
      Campaign after = reload(campaign);
      long queued = after.counters().get(Counter.LEADS_QUEUED);
      if (after.status() == CampaignStatus.COMPLETED) {
        assertThat(accepted).as("completed: every insert was refused").isZero();
        assertThat(queued).isZero();
      } else {
        assertThat(after.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(accepted).as("running: some insert got in first").isPositive();
        assertThat(queued).isEqualTo(accepted);
      }
      assertThat(allLeads(campaign).stream().filter(l -> l.state() == LeadState.QUEUED).count())
          .isEqualTo(queued);
    }
  }

  private void finish(Call call, java.time.Instant at) {
    store()
        .applyTransition(
            end(call, CallStatus.COMPLETED, LeadOutcome.finalState(LeadState.DONE), null, at));
  }
}
