package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CampaignStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code dialkit} health contributor reports what {@code CampaignDialer.health()} finds. */
class HealthIndicatorTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DialkitProvidersAutoConfiguration.class,
                  DialkitAutoConfiguration.class,
                  DialkitHealthAutoConfiguration.class))
          .withUserConfiguration(TestProviders.class)
          .withPropertyValues("dialkit.health-check-timeout=500ms");

  @Test
  void aWorkingStoreAndAStartedDialerAreUp() {
    runner
        .withBean(CampaignStore.class, CampaignStore::inMemory)
        .run(
            context -> {
              Health health = context.getBean(DialkitHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("running", true)
                  .containsEntry("storeReachable", true)
                  .containsEntry("schemaCurrent", true)
                  .containsKey("circuitBreakers");
            });
  }

  @Test
  void aStoreThatDoesNotAnswerIsDownWithTheProblem() {
    runner
        .withBean(CampaignStore.class, () -> failingSchemaCheck(CampaignStore.inMemory()))
        .run(
            context -> {
              Health health = context.getBean(DialkitHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails()).containsEntry("storeReachable", false);
              assertThat(health.getDetails().get("problems").toString())
                  .contains("database unreachable");
            });
  }

  @Test
  void itCanBeTurnedOff() {
    runner
        .withBean(CampaignStore.class, CampaignStore::inMemory)
        .withPropertyValues("management.health.dialkit.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(DialkitHealthIndicator.class));
  }

  /** {@code store} whose live health check fails as an unreachable database would. */
  private static CampaignStore failingSchemaCheck(CampaignStore store) {
    return (CampaignStore)
        Proxy.newProxyInstance(
            CampaignStore.class.getClassLoader(),
            new Class<?>[] {CampaignStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("schemaProblem")) {
                throw new StoreException("database unreachable", true);
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
