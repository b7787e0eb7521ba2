package dev.dialkit.examples.dashboard.demo;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Creates and starts the demo's sample campaign once the app is ready (the dialer is running and
 * the web server takes webhooks). A campaign left unfinished by an earlier run on the same store is
 * shown instead: the dialer picks it up again, and a second one with the same numbers would only
 * compete with it.
 */
final class SampleCampaign implements ApplicationListener<ApplicationReadyEvent> {
  private static final Logger log = LoggerFactory.getLogger(SampleCampaign.class);

  /** The tenant the demo runs as; the dashboard opens on it. */
  static final TenantId TENANT = TenantId.of("demo");

  private static final Set<CampaignStatus> UNFINISHED =
      EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.SCHEDULED, CampaignStatus.PAUSED);

  private final CampaignDialer dialer;
  private final DemoSettings settings;

  SampleCampaign(CampaignDialer dialer, DemoSettings settings) {
    this.dialer = dialer;
    this.settings = settings;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (settings.leads() == 0) {
      return;
    }
    Optional<Campaign> unfinished =
        dialer.campaigns().list(TENANT).stream()
            .filter(c -> UNFINISHED.contains(c.status()))
            .findFirst();
    if (unfinished.isPresent()) {
      log.info("demo campaign {} from an earlier run continues", unfinished.get().id());
      return;
    }
    CampaignId id = dialer.campaigns().create(TENANT, spec());
    dialer.leads().add(TENANT, id, leads(settings.leads()));
    dialer.campaigns().start(TENANT, id);
    log.info("demo campaign {} started with {} leads", id, settings.leads());
  }

  static CampaignSpec spec() {
    return CampaignSpec.builder()
        .name("Demo campaign")
        .agent(Agent.answerUrl("https://agent.example.com/answer"))
        .callerIds("+14155550100", "+14155550101")
        .machineDetection(true)
        // a second try for no-answer and busy, soon enough to be seen in the demo
        .retry(RetryPolicy.noAnswerAndBusy(2, Duration.ofSeconds(10)))
        .build();
  }

  /** {@code n} distinct numbers in a valid New York range. */
  static List<NewLead> leads(int n) {
    List<NewLead> leads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leads.add(NewLead.of(String.format("+1212%07d", 2_000_000 + i), "Lead " + (i + 1)));
    }
    return leads;
  }
}
