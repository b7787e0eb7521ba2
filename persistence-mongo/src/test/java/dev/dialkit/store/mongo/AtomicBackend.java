package dev.dialkit.store.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * mongo-java-server's memory backend, one command at a time. A real MongoDB applies each
 * single-document write atomically; mongo-java-server does not: two concurrent {@code
 * findOneAndUpdate}s with the same compare-and-set filter both matched, and a reader saw one
 * update's fields mixed with another's ({@code concurrentStartsOfACampaignHaveOneWinner} failed
 * with two winners). Running commands one at a time gives the store the atomicity it relies on from
 * a real server (and more: a multi-document write is atomic here, which it is not on a real server;
 * the directed tests with seams cover interleavings inside those).
 */
final class AtomicBackend implements MongoBackend {
  private final MongoBackend inner;

  AtomicBackend(MongoBackend inner) {
    this.inner = inner;
  }

  @Override
  public synchronized void handleClose(Channel channel) {
    inner.handleClose(channel);
  }

  @Override
  public synchronized Document handleCommand(
      Channel channel, String database, String command, Document query) {
    return inner.handleCommand(channel, database, command, query);
  }

  @Override
  public synchronized QueryResult handleQuery(MongoQuery query) {
    return inner.handleQuery(query);
  }

  @Override
  public synchronized Document handleMessage(MongoMessage message) {
    return inner.handleMessage(message);
  }

  @Override
  public synchronized void dropDatabase(String database) {
    inner.dropDatabase(database);
  }

  @Override
  public Collection<Document> getCurrentOperations(MongoQuery query) {
    return inner.getCurrentOperations(query);
  }

  @Override
  public Document getServerStatus() {
    return inner.getServerStatus();
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public synchronized void closeCursors(List<Long> cursorIds) {
    inner.closeCursors(cursorIds);
  }

  @Override
  public Clock getClock() {
    return inner.getClock();
  }

  @Override
  public void enableOplog() {
    inner.enableOplog();
  }

  @Override
  public void disableOplog() {
    inner.disableOplog();
  }

  @Override
  public MongoDatabase resolveDatabase(String database) {
    return inner.resolveDatabase(database);
  }

  @Override
  public MongoBackend version(MongoVersion version) {
    inner.version(version);
    return this;
  }
}
