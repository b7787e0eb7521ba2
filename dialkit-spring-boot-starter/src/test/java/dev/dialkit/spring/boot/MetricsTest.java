package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.micrometer.DialkitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Dialkit's meters in the application's registry, fed by the dialer as listener and observer. */
class MetricsTest extends WebTestBase {
  @Autowired MeterRegistry registry;

  @Test
  void aWebhookHandledOverHttpIsTimedInTheApplicationsRegistry() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/dialkit/webhooks/twilio"))
                    .POST(HttpRequest.BodyPublishers.ofString("CallSid=CA1"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(registry.find("dialkit.webhooks").timers())
        .anySatisfy(timer -> assertThat(timer.count()).isPositive());
  }

  @Test
  void onlyWithAMeterRegistryAndUnlessDisabled() {
    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    DialkitMetricsAutoConfiguration.class,
                    DialkitProvidersAutoConfiguration.class,
                    DialkitAutoConfiguration.class))
            .withUserConfiguration(TestProviders.class)
            .withPropertyValues("dialkit.store.type=memory", "dialkit.metrics.max-campaign-tags=5");
    runner.run(context -> assertThat(context).doesNotHaveBean(DialkitMetrics.class));
    runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DialkitMetrics.class));
    runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("dialkit.metrics.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(DialkitMetrics.class));
  }
}
