package dev.dialkit.testkit;

import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static dev.dialkit.testkit.StoreFixtures.TENANT_B;
import static dev.dialkit.testkit.StoreFixtures.draft;
import static dev.dialkit.testkit.StoreFixtures.logEntry;
import static dev.dialkit.testkit.StoreFixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call log: sequences, campaign and call pages, offset, limit, cursor and tenants. */
interface CallLogContract extends StoreContractSupport {
  CallId CALL_1 = CallId.of("lead-1.1");
  CallId CALL_2 = CallId.of("lead-2.1");

  @Test
  default void appendedEntriesGetIncreasingSequencesInAppendOrder() {
    Campaign campaign = created("c1");
    List<CallLogEntry> drafts =
        List.of(
            logEntry(campaign, null, T0, "started"),
            logEntry(campaign, CALL_1, seconds(1), "placed"),
            logEntry(campaign, CALL_1, seconds(1), "placed again"));
    store().appendLog(drafts.subList(0, 2));
    store().appendLog(List.of());
    store().appendLog(drafts.subList(2, 3));

    List<CallLogEntry> log = campaignLog(campaign);

    assertThat(log).hasSize(3);
    for (int i = 0; i < log.size(); i++) {
      assertThat(log.get(i)).isEqualTo(drafts.get(i).withSequence(log.get(i).sequence()));
    }
    assertThat(log.get(0).sequence()).isPositive();
    assertThat(log.get(1).sequence()).isGreaterThan(log.get(0).sequence());
    assertThat(log.get(2).sequence()).isGreaterThan(log.get(1).sequence());
  }

  @Test
  default void theCampaignLogHoldsEveryEventTheCallLogOnlyItsCalls() {
    Campaign campaign = created("c1");
    Campaign other = created("c2");
    store()
        .appendLog(
            List.of(
                logEntry(campaign, null, T0, "started"),
                logEntry(campaign, CALL_1, seconds(1), "one"),
                logEntry(other, null, seconds(1), "other started"),
                logEntry(campaign, CALL_2, seconds(2), "two"),
                logEntry(campaign, CALL_1, seconds(3), "one again")));

    assertThat(campaignLog(campaign))
        .extracting(CallLogEntry::detail)
        .containsExactly("started", "one", "two", "one again");
    assertThat(callLog(campaign, CALL_1))
        .extracting(CallLogEntry::detail)
        .containsExactly("one", "one again");
    assertThat(callLog(campaign, CALL_2)).extracting(CallLogEntry::detail).containsExactly("two");
    assertThat(campaignLog(other))
        .extracting(CallLogEntry::detail)
        .containsExactly("other started");
  }

  @Test
  default void pagesHonourOffsetAndLimitAndCountTheWholeLog() {
    Campaign campaign = created("c1");
    List<CallLogEntry> log = appendCalls(campaign, 12);

    Page<CallLogEntry> first = page(campaign, PageRequest.of(0, 5));
    assertThat(first.items()).containsExactlyElementsOf(log.subList(0, 5));
    assertThat(first.total()).isEqualTo(12);
    assertThat(first.nextCursor()).isEqualTo(log.get(4).sequence());
    assertThat(page(campaign, PageRequest.of(2, 5)).items())
        .containsExactlyElementsOf(log.subList(10, 12));
    assertThat(page(campaign, new PageRequest(3, 4, 0)).items())
        .containsExactlyElementsOf(log.subList(3, 7));
    Page<CallLogEntry> beyond = page(campaign, PageRequest.of(3, 5));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(12);
    assertThat(beyond.nextCursor()).isZero();

    Page<CallLogEntry> ofCall =
        store().callLog(TENANT_A, CALL_1, new PageRequest(1, 2, log.get(0).sequence()));
    // the call's entries are every other one: 0, 2, 4, ...; after 0, skip 2, take 4 and 6
    assertThat(ofCall.items()).containsExactly(log.get(4), log.get(6));
    assertThat(ofCall.total()).isEqualTo(6);
  }

  @Test
  default void aCursorTailsTheLogAsItGrows() {
    Campaign campaign = created("c1");
    List<CallLogEntry> log = appendCalls(campaign, 7);
    List<CallLogEntry> seen = new ArrayList<>();
    long cursor = 0;

    Page<CallLogEntry> page;
    do {
      page = page(campaign, PageRequest.after(cursor, 3));
      assertThat(page.total()).isEqualTo(7);
      seen.addAll(page.items());
      cursor = page.nextCursor();
    } while (!page.items().isEmpty());

    assertThat(seen).containsExactlyElementsOf(log);
    assertThat(cursor).isEqualTo(log.get(6).sequence());
    store().appendLog(List.of(logEntry(campaign, null, seconds(99), "late")));
    Page<CallLogEntry> tail = page(campaign, PageRequest.after(cursor, 3));
    assertThat(tail.items()).extracting(CallLogEntry::detail).containsExactly("late");
    assertThat(tail.total()).isEqualTo(8);
    assertThat(tail.nextCursor()).isEqualTo(tail.items().get(0).sequence());
  }

  @Test
  default void theLogIsScopedByTenant() {
    Campaign campaign = created("c1");
    appendCalls(campaign, 3);

    Page<CallLogEntry> foreign =
        store().campaignLog(TENANT_B, campaign.id(), PageRequest.after(2, 10));
    assertThat(foreign.items()).isEmpty();
    assertThat(foreign.total()).isZero();
    assertThat(foreign.nextCursor()).isEqualTo(2);
    assertThat(store().callLog(TENANT_B, CALL_1, PageRequest.of(0, 10)).items()).isEmpty();
  }

  @Test
  default void transitionEntriesFollowEarlierEntriesInTheLog() {
    Campaign campaign = runningWithLeads(TENANT_A, "c1", 0, 1);
    store().appendLog(List.of(logEntry(campaign, null, T0, "started")));
    var claimed = claimed(campaign, T0);
    store()
        .applyTransition(
            StoreFixtures.end(
                claimed.call(),
                CallStatus.COMPLETED,
                LeadOutcome.finalState(LeadState.DONE),
                "end",
                seconds(5)));
    store().appendLog(List.of(logEntry(campaign, null, seconds(6), "completed")));

    List<CallLogEntry> log = campaignLog(campaign);
    assertThat(log)
        .extracting(CallLogEntry::detail)
        .containsExactly("started", "status COMPLETED", "completed");
    assertThat(log.get(1).sequence())
        .isGreaterThan(log.get(0).sequence())
        .isLessThan(log.get(2).sequence());
    assertThat(callLog(claimed.call())).containsExactly(log.get(1));
  }

  private Campaign created(String id) {
    Campaign campaign = draft(TENANT_A, id);
    store().createCampaign(campaign);
    return campaign;
  }

  /** Appends {@code count} entries alternating between two calls; returns them as stored. */
  private List<CallLogEntry> appendCalls(Campaign campaign, int count) {
    List<CallLogEntry> drafts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      drafts.add(logEntry(campaign, i % 2 == 0 ? CALL_1 : CALL_2, seconds(i), "entry " + i));
    }
    store().appendLog(drafts);
    List<CallLogEntry> stored = campaignLog(campaign);
    assertThat(stored).hasSize(count);
    return stored;
  }

  private Page<CallLogEntry> page(Campaign campaign, PageRequest request) {
    return store().campaignLog(campaign.tenant(), campaign.id(), request);
  }

  private List<CallLogEntry> callLog(Campaign campaign, CallId call) {
    return store()
        .callLog(campaign.tenant(), call, new PageRequest(0, PageRequest.MAX_LIMIT, 0))
        .items();
  }
}
