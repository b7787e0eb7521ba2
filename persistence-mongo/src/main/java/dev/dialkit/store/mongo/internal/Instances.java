package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The instance registry: one document per dialer instance, holding its last heartbeat. */
final class Instances {
  private final Collections db;

  Instances(Collections db) {
    this.db = db;
  }

  void heartbeat(String instanceId, Instant now) {
    try {
      db.instances()
          .updateOne(
              Filters.eq("_id", instanceId),
              Updates.set("at", Codec.date(now)),
              new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (!Errors.isDuplicateKey(e)) {
        throw e;
      }
      // two first heartbeats raced: the other one registered it; record ours
      db.instances().updateOne(Filters.eq("_id", instanceId), Updates.set("at", Codec.date(now)));
    }
  }

  Set<String> live(Instant now, Duration timeout) {
    Set<String> live = new HashSet<>();
    db.instances()
        .find(Filters.gt("at", Codec.date(now.minus(timeout))))
        .forEach(d -> live.add(d.getString("_id")));
    return Set.copyOf(live);
  }

  void deregister(String instanceId) {
    db.instances().deleteOne(Filters.eq("_id", instanceId));
  }

  int removeSeenBefore(Instant seenBefore) {
    return (int)
        db.instances().deleteMany(Filters.lte("at", Codec.date(seenBefore))).getDeletedCount();
  }
}
