package dev.dialkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.TenantId;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tenant and campaign tags stay within their limits however many campaigns there are. */
class CardinalityTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aThousandCampaignsMakeAtMostMaxCampaignTagsPlusOneSeries() {
    DialkitMetrics metrics = DialkitMetrics.builder().maxCampaignTags(20).maxTenantTags(5).build();
    metrics.bindTo(registry);

    for (int i = 0; i < 1_000; i++) {
      TenantId tenant = TenantId.of("tenant-" + (i % 50));
      CampaignId campaign = CampaignId.of("campaign-" + i);
      metrics.callPlaced(
          new DialerObserver.Placed(tenant, campaign, CallId.of("call-" + i), "twilio"));
      metrics.claimed(new DialerObserver.Claim(tenant, campaign, "twilio", 1, 0, Duration.ZERO));
    }

    var placed = registry.find("dialkit.calls.placed").counters();
    assertThat(values(placed, "campaign")).hasSize(21).contains(DialkitMetrics.OTHER);
    assertThat(values(placed, "tenant")).hasSize(6).contains(DialkitMetrics.OTHER);
    assertThat(values(registry.find("dialkit.claims").timers(), "campaign")).hasSize(21);
    assertThat(placed.stream().mapToDouble(c -> c.count()).sum())
        .as("nothing is lost by folding: the series still add up to every call")
        .isEqualTo(1_000);
    assertThat(new Meters(registry).counted("dialkit.calls.placed", "campaign", "campaign-7"))
        .as("a campaign seen early keeps its own series")
        .isEqualTo(1);
  }

  @Test
  void withNoRoomEveryCampaignIsOther() {
    DialkitMetrics metrics = DialkitMetrics.builder().maxCampaignTags(0).build();
    metrics.bindTo(registry);
    for (int i = 0; i < 10; i++) {
      metrics.callPlaced(
          new DialerObserver.Placed(
              TenantId.of("acme"), CampaignId.of("c" + i), CallId.of("call-" + i), "twilio"));
    }
    assertThat(values(registry.find("dialkit.calls.placed").counters(), "campaign"))
        .containsExactly(DialkitMetrics.OTHER);
  }

  private static Set<String> values(java.util.Collection<? extends Meter> meters, String tag) {
    return meters.stream().map(m -> m.getId().getTag(tag)).collect(Collectors.toSet());
  }
}
