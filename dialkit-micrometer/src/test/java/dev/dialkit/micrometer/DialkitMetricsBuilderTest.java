package dev.dialkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings: each checked, and the prefixes applied to every name and tag key. */
class DialkitMetricsBuilderTest {

  @Test
  void outOfRangeSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> DialkitMetrics.builder().maxCampaignTags(-1))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxCampaignTags");
    assertThatThrownBy(() -> DialkitMetrics.builder().maxTenantTags(10_001))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxTenantTags");
    assertThatThrownBy(() -> DialkitMetrics.builder().prefix("Dial Kit"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> DialkitMetrics.builder().prefix(""))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThatThrownBy(() -> DialkitMetrics.builder().tagPrefix("dialkit"))
        .as("a tag prefix ends with a dot")
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("tagPrefix");
    assertThatThrownBy(() -> DialkitMetrics.defaults().bindTo(null))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void thePrefixesNameEveryMeterAndTag() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DialkitMetrics metrics =
        DialkitMetrics.builder().prefix("acme.dialer").tagPrefix("dk.").build();
    metrics.bindTo(registry);

    metrics.callPlaced(
        new DialerObserver.Placed(
            TenantId.of("t"), CampaignId.of("c"), CallId.of("call"), "twilio"));
    metrics.webhookHandled(
        new DialerObserver.Webhook("twilio", WebhookResult.REJECTED_SIGNATURE, Duration.ZERO));

    assertThat(
            registry
                .get("acme.dialer.calls.placed")
                .tags("dk.tenant", "t", "dk.campaign", "c", "dk.provider", "twilio")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("acme.dialer.webhooks")
                .tags("dk.result", "REJECTED_SIGNATURE")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.find("dialkit.calls.placed").counters()).isEmpty();
  }

  @Test
  void whatIsObservedBeforeBindingIsNotCountedAndEveryBoundRegistryIsFed() {
    DialkitMetrics metrics = DialkitMetrics.defaults();
    DialerObserver.StoreFailure failure = new DialerObserver.StoreFailure("claimNext", true);
    metrics.storeFailed(failure);

    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(first);
    metrics.bindTo(second);
    metrics.storeFailed(failure);

    for (SimpleMeterRegistry registry : new SimpleMeterRegistry[] {first, second}) {
      assertThat(
              registry
                  .get("dialkit.store.failures")
                  .tags("operation", "claimNext", "transient", "true")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }
}
