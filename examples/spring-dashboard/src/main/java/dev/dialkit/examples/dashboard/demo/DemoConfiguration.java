package dev.dialkit.examples.dashboard.demo;

import dev.dialkit.campaign.CampaignDialer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * The demo, with {@code dialkit.demo=true} (or the {@code --demo} argument): the demo provider as
 * the dialer's provider, and the sample campaign.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dialkit.demo", havingValue = "true")
public class DemoConfiguration {
  @Bean
  DemoSettings demoSettings(Environment env) {
    return DemoSettings.from(env);
  }

  /** The starter's webhook route ({@code dialkit.webhooks.path}) for the demo provider. */
  @Bean
  DemoWebhookTarget demoWebhookTarget(Environment env) {
    String path = env.getProperty("dialkit.webhooks.path", "/dialkit/webhooks");
    return new DemoWebhookTarget(path + "/" + DemoCallProvider.NAME);
  }

  @Bean(destroyMethod = "close")
  DemoCallProvider demoCallProvider(DemoSettings settings, DemoWebhookTarget target) {
    return new DemoCallProvider(settings.speed(), settings.callsPerSecond(), target);
  }

  /**
   * The simulated provider lives in the app and dies with it: it stops calling back as soon as the
   * app starts shutting down, before the dialer stops. Calls it leaves unfinished are recovered by
   * the next start (the provider no longer knows them, so they are released).
   */
  @Bean
  ApplicationListener<ContextClosedEvent> demoProviderShutdown(DemoCallProvider provider) {
    return event -> provider.close();
  }

  @Bean
  SampleCampaign sampleCampaign(CampaignDialer dialer, DemoSettings settings) {
    return new SampleCampaign(dialer, settings);
  }
}
