package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.end;
import static dev.dialkit.testkit.StoreFixtures.logEntry;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.spi.ClaimResult;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a store returns is a value: later changes to the store never show through it. */
interface ReturnedValuesContract extends StoreContractSupport {

  @Test
  default void returnedValuesDoNotChangeWhenTheStoreDoes() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 3);
    Campaign found = reload(campaign);
    List<Campaign> listed = store().listCampaigns(TENANT_A);
    List<Campaign> listedCopy = new ArrayList<>(listed);
    Page<Lead> leads = store().listLeads(TENANT_A, campaign.id(), PageRequest.of(0, 10));
    List<Lead> leadsCopy = new ArrayList<>(leads.items());
    ClaimResult.Claimed claimed = claimed(campaign, T0);
    Lead claimedLead = claimed.lead();
    Call claimedCall = claimed.call();
    List<Call> active = store().findActiveCalls(TENANT_A, campaign.id());
    store().appendLog(List.of(logEntry(campaign, null, T0, "one")));
    Page<CallLogEntry> log = store().campaignLog(TENANT_A, campaign.id(), PageRequest.of(0, 10));

    store().createCampaign(StoreFixtures.draft(TENANT_A, "c2"));
    store()
        .applyTransition(
            end(
                claimedCall,
                CallStatus.COMPLETED,
                LeadOutcome.finalState(LeadState.DONE),
                "end",
                seconds(9)));
    claimed(campaign, seconds(10));
    store().appendLog(List.of(logEntry(campaign, null, seconds(11), "two")));
    store()
        .transitionCampaign(
            TENANT_A, campaign.id(), Set.of(CampaignStatus.RUNNING), CampaignStatus.PAUSED, T0);

    assertThat(found.status()).isEqualTo(CampaignStatus.RUNNING);
    assertThat(found.counters().get(Counter.CALLS_PLACED)).isZero();
    assertThat(listed).containsExactlyElementsOf(listedCopy).hasSize(1);
    assertThat(leads.items()).containsExactlyElementsOf(leadsCopy);
    assertThat(leads.items()).allSatisfy(l -> assertThat(l.state()).isEqualTo(LeadState.QUEUED));
    assertThat(claimedLead.state()).isEqualTo(LeadState.IN_PROGRESS);
    assertThat(claimedCall.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(claimedCall.version()).isEqualTo(1);
    assertThat(active).containsExactly(claimedCall);
    assertThat(log.items()).hasSize(1);
    assertThat(log.total()).isEqualTo(1);
  }
}
