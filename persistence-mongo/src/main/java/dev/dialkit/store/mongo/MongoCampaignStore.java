package dev.dialkit.store.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.store.mongo.internal.MongoStore;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link CampaignStore} on MongoDB through the official sync driver, correct without
 * multi-document transactions: every write is a single-document atomic update, and changes that
 * span documents are ordered so that a crash between two writes is finished by the next change or
 * by {@link #releaseOrphanSlots()}. Works on a standalone server, a replica set or a sharded
 * cluster (see the module's README for which guarantees need a replica set).
 *
 * <pre>{@code
 * MongoClient client = MongoClients.create(connectionString);
 * CampaignStore store = MongoCampaignStore.create(client.getDatabase("dialkit"));
 * }</pre>
 *
 * <p>The host owns the {@link MongoClient}: the store never closes it.
 */
public interface MongoCampaignStore extends CampaignStore {

  /** {@code "dialkit_"}: the prefix of every collection the store uses. */
  String DEFAULT_COLLECTION_PREFIX = "dialkit_";

  /** Majority, acknowledged after the journal is written: the default write concern. */
  WriteConcern DEFAULT_WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);

  /** Majority: the default read concern. */
  ReadConcern DEFAULT_READ_CONCERN = ReadConcern.MAJORITY;

  /**
   * A store on {@code database} with the defaults; its indexes are created (see {@link
   * #ensureIndexes()}).
   *
   * @throws StoreException if the indexes cannot be created (a conflicting index, missing
   *     permissions, the server unreachable)
   */
  static MongoCampaignStore create(MongoDatabase database) {
    return builder(database).build();
  }

  /**
   * A store on the database {@code databaseName} of {@code client}, with the defaults.
   *
   * @throws InvalidConfigurationException if the name is not a valid database name
   */
  static MongoCampaignStore create(MongoClient client, String databaseName) {
    Objects.requireNonNull(client, "client");
    Builder.checkDatabaseName(databaseName);
    return create(client.getDatabase(databaseName));
  }

  static Builder builder(MongoDatabase database) {
    return new Builder(database);
  }

  /**
   * Creates the store's indexes if they are missing; idempotent and cheap when they exist. Called
   * by {@link Builder#build()}.
   *
   * @throws StoreException if an index of the same name or keys exists with other keys or options
   *     (the message names it), or the user may not create indexes
   */
  void ensureIndexes();

  /** Builds a {@link MongoCampaignStore}; every setter checks its value. */
  final class Builder {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,40}");
    // what MongoDB forbids in database names, on any platform
    private static final Pattern BAD_DB_CHARS = Pattern.compile("[/\\\\. \"$*<>:|?\\x00]");

    private final MongoDatabase database;
    private String prefix = DEFAULT_COLLECTION_PREFIX;
    private WriteConcern writeConcern = DEFAULT_WRITE_CONCERN;
    private ReadConcern readConcern = DEFAULT_READ_CONCERN;

    private Builder(MongoDatabase database) {
      this.database = Objects.requireNonNull(database, "database");
      checkDatabaseName(database.getName());
    }

    /**
     * The prefix of the store's collection names; default {@value
     * MongoCampaignStore#DEFAULT_COLLECTION_PREFIX}. Letters, digits and {@code _}, at most 40.
     */
    public Builder collectionPrefix(String prefix) {
      if (prefix == null || !PREFIX.matcher(prefix).matches()) {
        throw new InvalidConfigurationException(
            "collectionPrefix",
            prefix == null ? null : "'" + prefix + "'",
            "must be at most 40 letters, digits or '_'");
      }
      this.prefix = prefix;
      return this;
    }

    /**
     * The write concern of every write; default {@link MongoCampaignStore#DEFAULT_WRITE_CONCERN}
     * (majority, journaled). It must be acknowledged: the store reads its own writes and relies on
     * duplicate-key errors.
     */
    public Builder writeConcern(WriteConcern writeConcern) {
      if (writeConcern == null || !writeConcern.isAcknowledged()) {
        throw new InvalidConfigurationException(
            "writeConcern", writeConcern, "must be an acknowledged write concern");
      }
      this.writeConcern = writeConcern;
      return this;
    }

    /** The read concern of every read; default {@link MongoCampaignStore#DEFAULT_READ_CONCERN}. */
    public Builder readConcern(ReadConcern readConcern) {
      if (readConcern == null) {
        throw new InvalidConfigurationException("readConcern", null, "must not be null");
      }
      this.readConcern = readConcern;
      return this;
    }

    /**
     * The store, with its indexes created.
     *
     * @throws StoreException if the indexes cannot be created
     */
    public MongoCampaignStore build() {
      MongoStore store = new MongoStore(database, prefix, writeConcern, readConcern);
      store.ensureIndexes();
      return store;
    }

    static void checkDatabaseName(String name) {
      if (name == null
          || name.isEmpty()
          || name.length() > 63
          || BAD_DB_CHARS.matcher(name).find()) {
        throw new InvalidConfigurationException(
            "database",
            name == null ? null : "'" + name + "'",
            "must be 1 to 63 characters without / \\ . space \" $ * < > : | ? or NUL");
      }
    }
  }
}
