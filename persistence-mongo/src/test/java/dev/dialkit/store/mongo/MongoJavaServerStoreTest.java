package dev.dialkit.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.CampaignStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract against mongo-java-server: an in-process server with an in-memory backend,
 * speaking the real wire protocol to the official driver. One server per class on a random port, a
 * new database per test.
 */
class MongoJavaServerStoreTest extends CampaignStoreContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static MongoServer server;
  private static MongoClient client;
  private String database;

  @BeforeAll
  static void startServer() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.shutdownNow();
  }

  static String hostAndPort(java.net.InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  protected CampaignStore createStore() {
    database = "contract_" + DATABASES.incrementAndGet();
    return MongoCampaignStore.create(client.getDatabase(database));
  }

  @Override
  protected void closeStore(CampaignStore store) {
    client.getDatabase(database).drop();
  }
}
