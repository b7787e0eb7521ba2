package dev.dialkit.examples;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.DispositionCode;
import dev.dialkit.campaign.DispositionSet;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.Pacing;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The README's block on schedules, pacing and call outcomes, compiled: the code between the {@code
 * tag::outcomes[]} and {@code end::outcomes[]} comments, which {@code ReadmeSnippetTest} keeps
 * equal to the README. It takes what it uses as arguments, so it compiles without a running dialer.
 */
public final class OutcomesSnippet {
  private OutcomesSnippet() {}

  /** Builds the spec of the README and makes the calls it shows; returns the spec. */
  public static CampaignSpec run(
      CampaignDialer dialer,
      Agent agent,
      TenantId tenant,
      CampaignId campaign,
      CallId callId,
      LeadId leadId) {
    // tag::outcomes[]
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("renewals")
            .agent(agent)
            .callerIds("+14155550100")
            // SCHEDULED until the first day, started by whichever instance holds it; at the end
            // it stops claiming, lets calls finish and reports the undialed leads as expired
            .schedule(
                CampaignSchedule.dates(
                    LocalDate.of(2027, 1, 4),
                    LocalDate.of(2027, 1, 8),
                    ZoneId.of("America/New_York")))
            // or Pacing.evenOverWindow(): each day's leads spread evenly over the calling window
            .pacing(Pacing.finishBy(Instant.parse("2027-01-08T22:00:00Z")))
            .dispositions(
                DispositionSet.of(
                    DispositionCode.success("interested"),
                    DispositionCode.of("not_interested"),
                    DispositionCode.callback("callback"),
                    DispositionCode.doNotCall("do_not_call")))
            .build();

    // from the host's code, or recorded from a hosted agent's extracted data (Bolna)
    dialer
        .calls()
        .disposition(
            tenant,
            callId,
            Disposition.of("callback")
                .withScore(80)
                .withCallbackAt(LocalDateTime.of(2027, 1, 5, 17, 0)));
    dialer.calls().outcome(tenant, callId); // disposition, transcript, summary, fields
    dialer.leads().callback(tenant, leadId, LocalDateTime.of(2027, 1, 6, 10, 30)); // its zone
    dialer.leads().position(tenant, leadId); // leads ahead, expected dial time
    dialer.campaigns().progress(tenant, campaign); // expired, per code, conversionRate, eta
    // end::outcomes[]
    return spec;
  }
}
