package dev.dialkit.store.mongo.internal;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** The store's collections, all with the store's write and read concern. */
record Collections(
    String database,
    String prefix,
    MongoCollection<Document> campaigns,
    MongoCollection<Document> leads,
    MongoCollection<Document> calls,
    MongoCollection<Document> slots,
    MongoCollection<Document> log,
    MongoCollection<Document> sequences,
    MongoCollection<Document> instances,
    MongoCollection<Document> counters,
    MongoCollection<Document> suppressions,
    MongoCollection<Document> numbers,
    MongoCollection<Document> callOutcomes) {

  static Collections of(
      MongoDatabase db, String prefix, WriteConcern writeConcern, ReadConcern readConcern) {
    MongoDatabase d = db.withWriteConcern(writeConcern).withReadConcern(readConcern);
    return new Collections(
        db.getName(),
        prefix,
        d.getCollection(prefix + "campaigns"),
        d.getCollection(prefix + "leads"),
        d.getCollection(prefix + "calls"),
        d.getCollection(prefix + "slots"),
        d.getCollection(prefix + "call_log"),
        d.getCollection(prefix + "sequences"),
        d.getCollection(prefix + "instances"),
        d.getCollection(prefix + "counters"),
        d.getCollection(prefix + "suppressions"),
        d.getCollection(prefix + "numbers"),
        d.getCollection(prefix + "call_outcomes"));
  }
}
