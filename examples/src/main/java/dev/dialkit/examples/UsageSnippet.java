package dev.dialkit.examples;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimelineEntry;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import java.util.List;

/**
 * The usage snippet of the README, compiled. The README's block is the code between the {@code
 * tag::usage[]} and {@code end::usage[]} comments, and {@code ReadmeSnippetTest} checks that the
 * two stay equal. It takes the store and the provider as arguments so that it compiles without a
 * database or provider credentials.
 */
public final class UsageSnippet {
  private UsageSnippet() {}

  /** What the snippet made, for the caller to look at and close. */
  public record Started(
      CampaignDialer dialer,
      TenantId tenant,
      CampaignId campaign,
      CampaignProgress progress,
      Page<TimelineEntry> log) {}

  /** Creates and starts a dialer, then creates, fills and starts a campaign. */
  public static Started run(CampaignStore store, CallProvider provider) {
    // tag::usage[]
    // one dialer per application instance: create it at startup, close it at shutdown
    CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store) // e.g. a JDBC store on your database
            .provider(provider) // e.g. Twilio, with your credentials
            .concurrency(ConcurrencyPolicy.builder().global(20).perTenant(5).build())
            .listener(
                event -> {
                  if (event instanceof DialkitEvent.CampaignCompleted done) {
                    System.out.println("done: " + done.progress().finished() + " leads");
                  }
                })
            .build();
    dialer.start();

    TenantId tenant = TenantId.of("acme");
    CampaignId campaign =
        dialer
            .campaigns()
            .create(
                tenant,
                CampaignSpec.builder()
                    .name("Spring renewals")
                    .agent(Agent.answerUrl("https://agent.example.com/answer"))
                    .callerIds("+14155550100")
                    .retry(RetryPolicy.noAnswerAndBusy()) // 3 calls per lead, 30 min apart
                    .build());
    dialer
        .leads()
        .add(
            tenant,
            campaign,
            List.of(
                NewLead.of("+12125550101", "Ada Lovelace"),
                NewLead.of("+12125550102", "Alan Turing"),
                NewLead.of("+12125550103", "Grace Hopper")));
    dialer.campaigns().start(tenant, campaign);

    // progress and the call log can be read at any time, from any instance
    CampaignProgress progress = dialer.campaigns().progress(tenant, campaign);
    System.out.printf(
        "%s: %d of %d leads finished, %d calls in progress%n",
        progress.status(), progress.finished(), progress.total(), progress.inProgress());
    Page<TimelineEntry> log = dialer.callLog().forCampaign(tenant, campaign, PageRequest.of(0, 50));
    for (TimelineEntry entry : log.items()) {
      System.out.printf(
          "%s %s %s %s %s%n",
          entry.at(), entry.leadName(), entry.maskedNumber(), entry.event(), entry.detail());
    }
    // end::usage[]
    return new Started(dialer, tenant, campaign, progress, log);
  }
}
