package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The MongoDB store from the application's MongoClient (mongo-java-server, in memory). */
class MongoStoreTest {
  private static final MongoServer server = new MongoServer(new MemoryBackend());
  private static final InetSocketAddress address = server.bind();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DialkitProvidersAutoConfiguration.class, DialkitAutoConfiguration.class))
          .withUserConfiguration(TestProviders.class)
          .withBean(
              MongoClient.class,
              () ->
                  MongoClients.create(
                      "mongodb://" + address.getHostString() + ":" + address.getPort()));

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  @Test
  void aMongoClientGivesAMongoStoreOnTheConfiguredDatabaseAndPrefix() {
    runner
        .withPropertyValues(
            "dialkit.store.mongo.database=dialer", "dialkit.store.mongo.collection-prefix=dk_")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CampaignStore.class))
                  .isInstanceOf(MongoCampaignStore.class);
              assertThat(
                      context
                          .getBean(MongoClient.class)
                          .getDatabase("dialer")
                          .listCollectionNames()
                          .into(new ArrayList<>()))
                  .anyMatch(name -> name.startsWith("dk_"));
            });
  }

  @Test
  void withoutADatabaseNameItFailsNamingTheProperty() {
    runner.run(
        context ->
            assertThat(context.getStartupFailure())
                .rootCause()
                .hasMessageContaining("dialkit.store.mongo.database"));
  }
}
