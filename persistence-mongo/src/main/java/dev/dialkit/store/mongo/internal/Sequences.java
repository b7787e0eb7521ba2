package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/** Named counters ({@code $inc} on one document each) that hand out blocks of sequences. */
final class Sequences {
  private final MongoCollection<Document> sequences;

  Sequences(MongoCollection<Document> sequences) {
    this.sequences = sequences;
  }

  /**
   * Reserves {@code count} numbers of {@code name}; returns the last (the first is last-count+1).
   */
  long reserve(String name, int count) {
    FindOneAndUpdateOptions options =
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    for (int attempt = 0; ; attempt++) {
      try {
        Document doc =
            sequences.findOneAndUpdate(
                Filters.eq("_id", name), Updates.inc("v", (long) count), options);
        return Codec.number(doc, "v");
      } catch (MongoException e) {
        // two first upserts of one name race: the loser retries and finds the document
        if (!Errors.isDuplicateKey(e) || attempt > 2) {
          throw e;
        }
      }
    }
  }
}
