package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.provider.bolna.BolnaProvider;
import dev.dialkit.provider.plivo.PlivoProvider;
import dev.dialkit.provider.sanspbx.SansPbxProvider;
import dev.dialkit.provider.twilio.TwilioProvider;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Each provider built from {@code dialkit.providers.*}, every one handed to the dialer. */
class ProvidersFromPropertiesTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DialkitProvidersAutoConfiguration.class, DialkitAutoConfiguration.class))
          .withPropertyValues(
              "dialkit.store.type=memory",
              "dialkit.public-base-url=https://dialer.example.com/",
              "dialkit.callback-secret=0123456789abcdef0123456789abcdef");

  @Test
  void allFourProvidersFromPropertiesWithTheirSettings() {
    runner
        .withPropertyValues(
            "dialkit.providers.plivo.auth-id=MA0123456789ABCDEF01",
            "dialkit.providers.plivo.auth-token=plivo-token",
            "dialkit.providers.plivo.time-zone=Asia/Kolkata",
            "dialkit.providers.plivo.calls-per-second=7",
            "dialkit.providers.sanspbx.api-url=https://pbx.example.com",
            "dialkit.providers.sanspbx.access-token=sans-token",
            "dialkit.providers.sanspbx.access-key=sans-key",
            "dialkit.providers.sanspbx.call-to-format=country-code",
            "dialkit.providers.sanspbx.callback-placement=both",
            "dialkit.providers.bolna.api-key=bolna-key",
            "dialkit.providers.bolna.name=voice-agent",
            "dialkit.providers.twilio.account-sid=" + FakeTwilioApi.ACCOUNT_SID,
            "dialkit.providers.twilio.auth-token=" + FakeTwilioApi.AUTH_TOKEN,
            "dialkit.providers.twilio.machine-detection=detect-message-end")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(PlivoProvider.class);
              assertThat(context).hasSingleBean(SansPbxProvider.class);
              assertThat(context).hasSingleBean(BolnaProvider.class);
              Map<String, Double> rates = new TreeMap<>();
              context
                  .getBeansOfType(CallProvider.class)
                  .values()
                  .forEach(p -> rates.put(p.name(), p.callsPerSecond()));
              assertThat(rates)
                  .containsOnlyKeys("plivo", "sanspbx", "voice-agent", "twilio")
                  .containsEntry("plivo", 7.0);
              assertThat(context).hasSingleBean(CampaignDialer.class);
            });
  }

  @Test
  void credentialsFromEnvironmentVariablesByRelaxedBinding() {
    Map<String, Object> environment =
        Map.of(
            "DIALKIT_PROVIDERS_TWILIO_ACCOUNT_SID", FakeTwilioApi.ACCOUNT_SID,
            "DIALKIT_PROVIDERS_TWILIO_AUTH_TOKEN", FakeTwilioApi.AUTH_TOKEN);
    runner
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        // named as Boot names the real one, so that it maps the variables
                        new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(TwilioProvider.class);
              assertThat(context.getBean(TwilioProvider.class).name()).isEqualTo("twilio");
            });
  }

  @Test
  void aProviderThatSignsNothingNeedsTheCallbackSecret() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DialkitProvidersAutoConfiguration.class, DialkitAutoConfiguration.class))
        .withPropertyValues("dialkit.store.type=memory", "dialkit.providers.bolna.api-key=k")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("callbackSecret"));
  }

  @Test
  void aBadEnumValueNamesThePropertyAndTheAcceptedValues() {
    runner
        .withPropertyValues(
            "dialkit.providers.sanspbx.api-url=https://pbx.example.com",
            "dialkit.providers.sanspbx.access-token=t",
            "dialkit.providers.sanspbx.access-key=k",
            "dialkit.providers.sanspbx.callback-placement=sideways")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("dialkit.providers.sanspbx.callback-placement")
                    .hasMessageContaining("top-level, custom-field, both"));
  }
}
