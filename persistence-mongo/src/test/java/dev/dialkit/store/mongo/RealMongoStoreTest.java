package dev.dialkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.CampaignStoreContract;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same store contract against a real MongoDB server, when the environment variable {@code
 * MONGODB_URI} holds its connection string (e.g. {@code
 * mongodb://localhost:27017/?replicaSet=rs0}). Skipped without it; fails if the server cannot be
 * reached. Each test uses a database of its own ({@code dialkit_test_<random>}), dropped
 * afterwards.
 */
class RealMongoStoreTest extends CampaignStoreContract {
  private static MongoClient client;
  private MongoDatabase database;

  @BeforeAll
  static void connect() {
    String uri = System.getenv("MONGODB_URI");
    assumeTrue(
        uri != null && !uri.isBlank(),
        "MONGODB_URI is not set: set it to a MongoDB connection string (for example"
            + " MONGODB_URI=mongodb://localhost:27017) to run the store contract against a real"
            + " server");
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    // fails the class (not skips it) when the server given is unreachable
    Document ping = client.getDatabase("admin").runCommand(new Document("ping", 1));
    assertThat(ping.get("ok")).asString().startsWith("1");
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  @Override
  protected CampaignStore createStore() {
    database = client.getDatabase("dialkit_test_" + UUID.randomUUID().toString().substring(0, 8));
    return MongoCampaignStore.create(database);
  }

  @Override
  protected void closeStore(CampaignStore store) {
    database.drop();
  }
}
