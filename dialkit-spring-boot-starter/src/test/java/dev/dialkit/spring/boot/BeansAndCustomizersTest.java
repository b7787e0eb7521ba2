package dev.dialkit.spring.boot;

import static dev.dialkit.spring.boot.WebhookControllerTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.DialkitListener;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PreDialHook;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.provider.twilio.TwilioProvider;
import dev.dialkit.spring.boot.internal.DialerLifecycle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The application's own beans: added to the dialer, or used instead of the starter's. */
class BeansAndCustomizersTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final String[] TWILIO = {
    "dialkit.providers.twilio.account-sid=" + FakeTwilioApi.ACCOUNT_SID,
    "dialkit.providers.twilio.auth-token=" + FakeTwilioApi.AUTH_TOKEN
  };

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DialkitProvidersAutoConfiguration.class, DialkitAutoConfiguration.class))
          .withPropertyValues("dialkit.store.type=memory", "dialkit.poll-interval=20ms");

  @Test
  void everyListenerAndPreDialHookBeanIsRegisteredAndCustomizersRunLast() {
    List<DialkitEvent> events = new CopyOnWriteArrayList<>();
    List<String> hooked = new CopyOnWriteArrayList<>();
    runner
        .withUserConfiguration(TestProviders.class)
        .withPropertyValues("dialkit.instance-id=from-properties")
        .withBean("listener", DialkitListener.class, () -> events::add)
        .withBean(
            "hook",
            PreDialHook.class,
            () ->
                (campaign, lead, call) -> {
                  hooked.add(call.id().value());
                  return CompletableFuture.completedFuture(null);
                })
        .withBean(DialkitDialerCustomizer.class, () -> builder -> builder.instanceId("customized"))
        .run(
            context -> {
              CampaignDialer dialer = context.getBean(CampaignDialer.class);
              assertThat(dialer.instanceId()).isEqualTo("customized");
              CampaignId campaign =
                  dialer
                      .campaigns()
                      .create(
                          TENANT,
                          CampaignSpec.builder()
                              .name("beans")
                              .agent(Agent.answerUrl("https://agent.example.com/answer"))
                              .callerIds("+14155550100")
                              .callingWindow(CallingWindow.always())
                              .build());
              dialer.leads().add(TENANT, campaign, List.of(NewLead.of("+14155550123")));
              dialer.campaigns().start(TENANT, campaign);
              awaitTrue(() -> !hooked.isEmpty(), "the pre-dial hook");
              awaitTrue(
                  () -> events.stream().anyMatch(e -> e instanceof DialkitEvent.CampaignStarted),
                  "the listener");
            });
  }

  @Test
  void theApplicationsOwnStoreAndDialerAreUsedAsTheyAre() {
    CampaignStore ownStore = CampaignStore.inMemory();
    runner
        .withPropertyValues("dialkit.store.type=auto") // would fail: no DataSource, no MongoClient
        .withBean(CampaignStore.class, () -> ownStore)
        .withBean(
            CampaignDialer.class,
            () ->
                CampaignDialer.builder()
                    .store(ownStore)
                    .provider(TestProviders.simulated())
                    .build())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CampaignStore.class)).isSameAs(ownStore);
              assertThat(context)
                  .getBeanNames(CampaignDialer.class)
                  .containsExactly("campaignDialer");
              assertThat(context).hasSingleBean(DialerLifecycle.class);
            });
  }

  @Test
  void twilioIsBuiltFromPropertiesOnlyWhenTheApplicationHasNoneOfItsOwn() {
    runner
        .withPropertyValues(TWILIO)
        .withPropertyValues("dialkit.public-base-url=https://dialer.example.com")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(TwilioProvider.class);
              assertThat(context.getBean(CallProvider.class).name()).isEqualTo("twilio");
            });
    TwilioProvider own =
        TwilioProvider.builder()
            .name("own-twilio")
            .accountSid(FakeTwilioApi.ACCOUNT_SID)
            .authToken(FakeTwilioApi.AUTH_TOKEN)
            .callbackBaseUrl("https://own.example.com/hooks")
            .build();
    runner
        .withPropertyValues(TWILIO)
        .withBean(TwilioProvider.class, () -> own)
        .run(context -> assertThat(context.getBean(TwilioProvider.class)).isSameAs(own));
  }

  @Test
  void noProviderWithoutItsJarOrItsRequiredProperties() {
    runner
        .withUserConfiguration(TestProviders.class)
        .withPropertyValues(TWILIO)
        .withClassLoader(new FilteredClassLoader(TwilioProvider.class))
        .run(
            context -> assertThat(context).hasNotFailed().doesNotHaveBean("dialkitTwilioProvider"));
    runner
        .withUserConfiguration(TestProviders.class)
        .withPropertyValues(TWILIO[0]) // no auth token
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TwilioProvider.class));
  }

  @Test
  void aProviderWithoutPublicBaseUrlFailsNamingTheProperty() {
    runner
        .withPropertyValues(TWILIO)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("dialkit.public-base-url"));
  }

  @Test
  void aBadSettingFailsStartUpNamingIt() {
    runner
        .withUserConfiguration(TestProviders.class)
        .withPropertyValues("dialkit.poll-interval=1ms")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("pollInterval")
                    .hasMessageContaining("PT0.001S"));
  }
}
