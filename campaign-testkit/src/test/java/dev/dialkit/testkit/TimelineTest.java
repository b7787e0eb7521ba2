package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call log read as timelines: what a dashboard shows, paged and tailed. */
class TimelineTest {
  @Test
  void entriesNameTheLeadMaskTheNumberAndShowTheCallerIdButNoPayloadUnlessAsked() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.builder().global(2).perTenant(2).build(), p -> p)) {
      CampaignId id = rig.startCampaign("timeline", 3, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      SimulatedCall first = rig.provider.calls().get(0);
      List<TimelineEntry> call =
          rig.dialer
              .callLog()
              .forCall(DialerRig.TENANT, first.callId(), PageRequest.of(0, 50))
              .items();
      assertThat(call).isNotEmpty();
      assertThat(call).extracting(TimelineEntry::event).startsWith(CallLogEvent.CALL_INITIATED);
      assertThat(call)
          .allSatisfy(
              e -> {
                assertThat(e.callId()).isEqualTo(first.callId());
                assertThat(e.leadName()).startsWith("Lead ");
                assertThat(e.maskedNumber())
                    .isEqualTo(first.to().masked())
                    .doesNotContain(first.to().e164().substring(1, 8));
                assertThat(e.callerId()).isEqualTo(first.from().e164());
                assertThat(e.provider()).isEqualTo("simulated");
                assertThat(e.rawPayload()).isNull();
              });
      assertThat(call).anyMatch(e -> e.status() != null && e.status().isTerminal());

      List<TimelineEntry> withRaw =
          rig.dialer
              .callLog()
              .forCall(DialerRig.TENANT, first.callId(), PageRequest.of(0, 50), true)
              .items();
      assertThat(withRaw)
          .filteredOn(e -> e.event() == CallLogEvent.STATUS_APPLIED)
          .allSatisfy(
              e -> assertThat(e.rawPayload()).contains("CallSid=" + first.providerCallId()));
    }
  }

  @Test
  void theCampaignTimelinePagesByOffsetAndTailsByCursor() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.builder().global(2).perTenant(2).build(), p -> p)) {
      CampaignId id = rig.startCampaign("tail", 4, s -> s);
      rig.scheduler.runUntil(() -> rig.provider.calls().size() >= 2);

      List<TimelineEntry> tailed = new ArrayList<>();
      long cursor = 0;
      while (rig.status(id) != CampaignStatus.COMPLETED) {
        Page<TimelineEntry> page =
            rig.dialer.callLog().forCampaign(DialerRig.TENANT, id, PageRequest.after(cursor, 5));
        tailed.addAll(page.items());
        cursor = page.nextCursor();
        rig.scheduler.advance(java.time.Duration.ofSeconds(5));
      }
      Page<TimelineEntry> rest;
      do {
        rest = rig.dialer.callLog().forCampaign(DialerRig.TENANT, id, PageRequest.after(cursor, 5));
        tailed.addAll(rest.items());
        cursor = rest.nextCursor();
      } while (!rest.items().isEmpty());

      Page<TimelineEntry> all =
          rig.dialer.callLog().forCampaign(DialerRig.TENANT, id, PageRequest.of(0, 1000));
      assertThat(tailed).as("tailing misses nothing and repeats nothing").isEqualTo(all.items());
      assertThat(all.total()).isEqualTo(all.items().size());
      assertThat(tailed).extracting(TimelineEntry::sequence).isSorted().doesNotHaveDuplicates();
      Page<TimelineEntry> second =
          rig.dialer.callLog().forCampaign(DialerRig.TENANT, id, PageRequest.of(1, 3));
      assertThat(second.items()).isEqualTo(all.items().subList(3, 6));
      assertThat(tailed)
          .anyMatch(e -> e.event() == CallLogEvent.CAMPAIGN_STATUS && e.callId() == null)
          .anyMatch(e -> e.status() == CallStatus.RINGING);
      assertThat(
              rig.dialer
                  .callLog()
                  .forCampaign(TenantId.of("someone-else"), id, PageRequest.of(0, 10))
                  .items())
          .isEmpty();
    }
  }
}
