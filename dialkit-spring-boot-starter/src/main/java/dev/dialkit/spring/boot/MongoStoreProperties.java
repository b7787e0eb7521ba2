package dev.dialkit.spring.boot;

/** {@code dialkit.store.mongo.*}. */
public class MongoStoreProperties {
  /**
   * The database of the application's MongoClient the store uses. Required for the MongoDB store.
   */
  private String database;

  /** The prefix of the store's collection names; at most 40 letters, digits or '_'. */
  private String collectionPrefix = "dialkit_";

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public String getCollectionPrefix() {
    return collectionPrefix;
  }

  public void setCollectionPrefix(String collectionPrefix) {
    this.collectionPrefix = collectionPrefix;
  }
}
