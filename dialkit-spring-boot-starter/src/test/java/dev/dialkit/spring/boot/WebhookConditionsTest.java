package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The webhook controller exists only in a servlet web application, unless turned off. */
class WebhookConditionsTest {
  private static final AutoConfigurations STARTER =
      AutoConfigurations.of(
          DialkitProvidersAutoConfiguration.class,
          DialkitAutoConfiguration.class,
          DialkitWebhooksAutoConfiguration.class);

  @Test
  void registeredInAServletApplicationUnlessDisabled() {
    WebApplicationContextRunner web =
        new WebApplicationContextRunner()
            .withConfiguration(STARTER)
            .withUserConfiguration(TestProviders.class)
            .withPropertyValues("dialkit.store.type=memory");
    web.run(context -> assertThat(context).hasSingleBean(DialkitWebhookController.class));
    web.withPropertyValues("dialkit.webhooks.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(DialkitWebhookController.class));
  }

  @Test
  void aPathThatTheMappingWouldNotMatchIsRefused() {
    new WebApplicationContextRunner()
        .withConfiguration(STARTER)
        .withUserConfiguration(TestProviders.class)
        .withPropertyValues("dialkit.store.type=memory", "dialkit.webhooks.path=/hooks/")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("dialkit.webhooks.path"));
  }

  @Test
  void absentOutsideAWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(STARTER)
        .withUserConfiguration(TestProviders.class)
        .withPropertyValues("dialkit.store.type=memory")
        .run(context -> assertThat(context).doesNotHaveBean(DialkitWebhookController.class));
  }
}
