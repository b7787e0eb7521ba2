package dev.dialkit.spring.boot;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.DialkitListener;
import dev.dialkit.campaign.TenantId;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The README's snippets, compiled so that they cannot rot (not run: no test uses them). */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  @RestController
  static class CampaignController {
    private final CampaignDialer dialer;

    CampaignController(CampaignDialer dialer) {
      this.dialer = dialer;
    }

    @PostMapping("/campaigns/{id}/start")
    void start(@PathVariable String id) {
      dialer.campaigns().start(TenantId.of("acme"), CampaignId.of(id));
    }
  }

  static class Customizing {
    @Bean
    DialkitDialerCustomizer dialerClock(Clock clock) {
      return builder ->
          builder.clock(clock).attemptCaps(TenantId.of("fl-client"), AttemptCaps.florida());
    }

    @Bean
    DialkitListener pushToDashboard(Consumer<DialkitEvent> hub) {
      return hub::accept;
    }
  }
}
