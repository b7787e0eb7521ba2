package dev.dialkit.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A mongo-java-server (in-memory backend) on a random port, and fresh databases on it. */
public final class InProcessMongo implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final MongoServer server = new MongoServer(new AtomicBackend(new MemoryBackend()));
  private final MongoClient client;

  public InProcessMongo() {
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
  }

  public MongoClient client() {
    return client;
  }

  public MongoDatabase freshDatabase(String prefix) {
    return client.getDatabase(prefix + "_" + DATABASES.incrementAndGet());
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
