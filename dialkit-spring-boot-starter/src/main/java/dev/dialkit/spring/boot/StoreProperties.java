package dev.dialkit.spring.boot;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code dialkit.store.*}: which {@code CampaignStore} the starter builds, unless the application
 * defines its own {@code CampaignStore} bean.
 */
public class StoreProperties {
  /**
   * auto: JDBC on the application's DataSource, else MongoDB on its MongoClient, else refuse to
   * start; jdbc, mongo: that one or fail; memory: in memory, lost at restart (tests and demos
   * only).
   */
  private StoreType type = StoreType.AUTO;

  /**
   * Whether the JDBC store creates or upgrades its tables at start-up
   * (JdbcCampaignStore.migrate()); false when Flyway or Liquibase runs Dialkit's migrations.
   */
  private boolean migrate = true;

  /** The JDBC store. */
  @NestedConfigurationProperty private final JdbcStoreProperties jdbc = new JdbcStoreProperties();

  /** The MongoDB store. */
  @NestedConfigurationProperty
  private final MongoStoreProperties mongo = new MongoStoreProperties();

  public StoreType getType() {
    return type;
  }

  public void setType(StoreType type) {
    this.type = type;
  }

  public boolean isMigrate() {
    return migrate;
  }

  public void setMigrate(boolean migrate) {
    this.migrate = migrate;
  }

  public JdbcStoreProperties getJdbc() {
    return jdbc;
  }

  public MongoStoreProperties getMongo() {
    return mongo;
  }

  /** The kinds of store the starter can build. */
  public enum StoreType {
    /** JDBC if there is a DataSource, else MongoDB if there is a MongoClient, else fail. */
    AUTO,
    /** {@code JdbcCampaignStore} on the application's DataSource. */
    JDBC,
    /** {@code MongoCampaignStore} on the application's MongoClient. */
    MONGO,
    /** {@code CampaignStore.inMemory()}: everything is lost at restart. */
    MEMORY
  }
}
