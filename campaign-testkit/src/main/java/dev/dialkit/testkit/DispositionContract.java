package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.DispositionCode;
import dev.dialkit.campaign.DispositionSet;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Call outcomes: one disposition per call (same value unchanged, another replaces it, each change
 * logged with it atomically), what the agent learned merged over what was stored, counts per code
 * for progress, a campaign's disposition set kept with its spec, and another tenant's call read as
 * missing and left untouched.
 */
interface DispositionContract extends StoreContractSupport {

  private Call endedCall(Campaign campaign) {
    Call call = claimed(campaign, T0).call();
    store()
        .applyTransition(
            StoreFixtures.end(
                call,
                CallStatus.COMPLETED,
                LeadOutcome.finalState(LeadState.DONE),
                "end",
                seconds(30)));
    return reloadCall(call);
  }

  private DispositionWrite record(Call call, Disposition d, Instant at) {
    return store().recordDisposition(call.tenant(), call.id(), d, at, entry(call, d, at));
  }

  private static CallLogEntry entry(Call call, Disposition d, Instant at) {
    return CallLogEntry.draft(
        call, at, CallLogEvent.DISPOSITION_RECORDED, null, "disposition " + d.code(), null);
  }

  @Test
  default void aDispositionIsRecordedOnceUnchangedWhenRepeatedAndReplacedByAnother() {
    Campaign campaign = runningWithLeads(TENANT_A, "disp-1", 0, 1);
    Call call = endedCall(campaign);
    Disposition interested =
        Disposition.of("interested")
            .withScore(Disposition.HOT)
            .withFields(Map.of("budget", "10k\nper year", "plan", "gold"))
            .withCallbackAt(LocalDateTime.parse("2025-03-04T17:00"));

    DispositionWrite first = record(call, interested, seconds(60));
    assertThat(first.result()).isEqualTo(DispositionWrite.Result.RECORDED);
    assertThat(first.previous()).isNull();
    assertThat(first.outcome().disposition()).isEqualTo(interested);
    assertThat(first.outcome().dispositionAt()).isEqualTo(seconds(60));

    DispositionWrite again = record(call, interested, seconds(61));
    assertThat(again.result()).isEqualTo(DispositionWrite.Result.UNCHANGED);
    assertThat(again.outcome().dispositionAt()).as("not rewritten").isEqualTo(seconds(60));

    Disposition notInterested = Disposition.of("not_interested");
    DispositionWrite replaced = record(call, notInterested, seconds(62));
    assertThat(replaced.result()).isEqualTo(DispositionWrite.Result.REPLACED);
    assertThat(replaced.previous()).isEqualTo(interested);

    CallOutcome stored = store().findCallOutcome(TENANT_A, call.id()).orElseThrow();
    assertThat(stored.disposition()).isEqualTo(notInterested);
    assertThat(stored.dispositionAt()).isEqualTo(seconds(62));
    assertThat(stored.leadId()).isEqualTo(call.leadId());
    assertThat(stored.campaignId()).isEqualTo(campaign.id());
    assertThat(
            callLog(call).stream()
                .filter(e -> e.event() == CallLogEvent.DISPOSITION_RECORDED)
                .map(CallLogEntry::detail))
        .as("one entry per change, none for the repeat")
        .containsExactly("disposition interested", "disposition not_interested");
  }

  @Test
  default void everyFieldOfADispositionAndAConversationRoundTrips() {
    Campaign campaign = runningWithLeads(TENANT_A, "disp-2", 0, 1);
    Call call = endedCall(campaign);
    assertThat(store().findCallOutcome(TENANT_A, call.id()))
        .as("a call with nothing recorded has an empty outcome")
        .hasValueSatisfying(
            o -> {
              assertThat(o.disposition()).isNull();
              assertThat(o.conversation().isEmpty()).isTrue();
            });
    Conversation said =
        new Conversation(
            "Agent: hello\r\nLead: \"hi\" — ünïcødé 👋\tok",
            "wants a demo",
            Map.of("disposition", "interested", "city", "Pune"));
    Disposition d =
        new Disposition(
            "callback",
            0,
            Map.of("note", "'; DROP TABLE x; --"),
            LocalDateTime.parse("2025-03-05T09:30"));
    store().saveConversation(TENANT_A, call.id(), said, seconds(40));
    record(call, d, seconds(50));

    CallOutcome stored = store().findCallOutcome(TENANT_A, call.id()).orElseThrow();
    assertThat(stored.conversation()).isEqualTo(said);
    assertThat(stored.disposition()).isEqualTo(d);
    assertThat(stored.updatedAt()).isEqualTo(seconds(50));
  }

  @Test
  default void aLaterConversationIsLaidOverTheStoredOneAndKeepsTheDisposition() {
    Campaign campaign = runningWithLeads(TENANT_A, "disp-3", 0, 1);
    Call call = endedCall(campaign);
    record(call, Disposition.of("interested"), seconds(35));
    store()
        .saveConversation(
            TENANT_A, call.id(), new Conversation("part one", null, Map.of("a", "1")), seconds(40));
    store()
        .saveConversation(
            TENANT_A,
            call.id(),
            new Conversation(null, "the summary", Map.of("a", "2", "b", "3")),
            seconds(41));
    CallOutcome stored = store().findCallOutcome(TENANT_A, call.id()).orElseThrow();
    assertThat(stored.conversation())
        .isEqualTo(new Conversation("part one", "the summary", Map.of("a", "2", "b", "3")));
    assertThat(stored.disposition()).isEqualTo(Disposition.of("interested"));
  }

  @Test
  default void anotherTenantsCallIsNotFoundAndStaysUntouched() {
    Campaign campaign = runningWithLeads(TENANT_A, "disp-4", 0, 1);
    Call call = endedCall(campaign);
    record(call, Disposition.of("interested"), seconds(40));

    DispositionWrite foreign =
        store()
            .recordDisposition(
                TENANT_B,
                call.id(),
                Disposition.of("do_not_call"),
                seconds(41),
                entry(call, Disposition.of("do_not_call"), seconds(41)));
    assertThat(foreign.result()).isEqualTo(DispositionWrite.Result.NOT_FOUND);
    assertThat(foreign.outcome()).isNull();
    assertThat(
            store()
                .saveConversation(
                    TENANT_B, call.id(), new Conversation("x", null, null), seconds(42)))
        .isEmpty();
    assertThat(store().findCallOutcome(TENANT_B, call.id())).isEmpty();
    assertThat(store().dispositionCounts(TENANT_B, campaign.id())).isEmpty();

    CallOutcome stored = store().findCallOutcome(TENANT_A, call.id()).orElseThrow();
    assertThat(stored.disposition()).isEqualTo(Disposition.of("interested"));
    assertThat(stored.conversation().isEmpty()).isTrue();
    assertThat(callLog(call).stream().filter(e -> e.event() == CallLogEvent.DISPOSITION_RECORDED))
        .hasSize(1);
  }

  @Test
  default void countsPerCodeFollowEveryReplacementWithinTheCampaign() {
    Campaign campaign = runningWithLeads(TENANT_A, "disp-5", 0, 3);
    Campaign other = runningWithLeads(TENANT_A, "disp-6", 10, 1);
    Call a = endedCall(campaign);
    Call b = endedCall(campaign);
    Call c = endedCall(campaign);
    Call elsewhere = endedCall(other);
    record(a, Disposition.of("interested"), seconds(40));
    record(b, Disposition.of("interested"), seconds(40));
    record(c, Disposition.of("callback"), seconds(40));
    record(elsewhere, Disposition.of("interested"), seconds(40));
    record(b, Disposition.of("not_interested"), seconds(41));
    record(a, Disposition.of("interested").withScore(10), seconds(41));

    assertThat(store().dispositionCounts(TENANT_A, campaign.id()))
        .isEqualTo(Map.of("interested", 1L, "not_interested", 1L, "callback", 1L));
    assertThat(store().dispositionCounts(TENANT_A, other.id())).isEqualTo(Map.of("interested", 1L));
    assertThat(store().dispositionCounts(TENANT_A, CampaignId.of("no-such"))).isEmpty();
  }

  @Test
  default void aCampaignsDispositionSetIsKeptWithItsSpec() {
    Campaign draft = StoreFixtures.draft(TENANT_A, "disp-7");
    CampaignSpec spec =
        CampaignSpec.from(draft.spec())
            .dispositions(
                new DispositionSet(
                    List.of(
                        DispositionCode.success("interested"),
                        DispositionCode.doNotCall("do_not_call"),
                        DispositionCode.callback("callback"),
                        new DispositionCode("maybe", true, false, false, false)),
                    false))
            .build();
    Campaign campaign = Campaign.draft(draft.id(), TENANT_A, spec, T0);
    store().createCampaign(campaign);
    assertThat(reload(campaign).spec()).isEqualTo(spec);
    assertThat(reload(campaign).spec().dispositions().callbacksCountAsAttempts()).isFalse();
  }
}
