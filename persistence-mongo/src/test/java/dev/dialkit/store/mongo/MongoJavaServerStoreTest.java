package dev.dialkit.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.CampaignStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract against mongo-java-server: an in-process server with an in-memory backend,
 * speaking the real wire protocol to the official driver. One server per class on a random port, a
 * new database per test.
 */
class MongoJavaServerStoreTest extends CampaignStoreContract {
  private static InProcessMongo mongo;
  private MongoDatabase database;

  @BeforeAll
  static void startServer() {
    mongo = new InProcessMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @Override
  protected CampaignStore createStore() {
    database = mongo.freshDatabase("contract");
    return MongoCampaignStore.create(database);
  }

  @Override
  protected void closeStore(CampaignStore store) {
    database.drop();
  }

  /** Every operation is a round trip to the server: the two dialers share 1,000 leads here. */
  @Override
  public int twoDialersLeads() {
    return 1000;
  }
}
