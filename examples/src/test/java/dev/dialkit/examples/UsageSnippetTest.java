package dev.dialkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's snippet against the in-memory store and a simulated provider on virtual time.
 *
 * <p>The snippet builds its dialer as an application would, on the system clock and the dialer's
 * own threads, which may place calls while the test looks. The provider's virtual time is never
 * moved, so no placed call ever progresses: nothing the test checks depends on those threads.
 */
class UsageSnippetTest {
  @Test
  void snippetCreatesFillsAndStartsACampaign() {
    VirtualClock clock = VirtualClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    AtomicReference<Webhooks> webhooks = new AtomicReference<>();
    SimulatedCallProvider provider =
        SimulatedCallProvider.builder()
            .clock(clock)
            .scheduler(scheduler)
            .build()
            .connect(request -> webhooks.get().handle(request));

    UsageSnippet.Started started = UsageSnippet.run(CampaignStore.inMemory(), provider);
    try (var dialer = started.dialer()) {
      webhooks.set(dialer.webhooks());

      assertThat(started.progress().status()).isEqualTo(CampaignStatus.RUNNING);
      assertThat(started.progress().total()).isEqualTo(3);
      assertThat(started.progress().finished()).isZero();
      assertThat(started.log().items())
          .anyMatch(e -> e.event() == CallLogEvent.CAMPAIGN_STATUS)
          .allMatch(e -> e.campaignId().equals(started.campaign()));
      assertThat(dialer.leads().list(started.tenant(), started.campaign(), PageRequest.of(0, 10)))
          .satisfies(page -> assertThat(page.total()).isEqualTo(3))
          .satisfies(
              page ->
                  assertThat(page.items())
                      .extracting(Lead::name)
                      .containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper"));
      assertThat(scheduler.failures()).isEmpty();
    }
  }
}
