package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.spring.boot.StoreProperties;
import dev.dialkit.spring.boot.StoreProperties.StoreType;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Chooses and builds the {@link CampaignStore} that {@code dialkit.store.type} asks for. The JDBC
 * and MongoDB parts live in their own classes, loaded only when their jars are present.
 */
public final class StoreFactory {
  private static final Logger log = LoggerFactory.getLogger(StoreFactory.class);

  /** The bean the store is registered as; the DataSource or MongoClient outlives it. */
  public static final String STORE_BEAN = "dialkitCampaignStore";

  private StoreFactory() {}

  public static CampaignStore create(
      StoreProperties properties, ConfigurableListableBeanFactory beans) {
    ClassLoader loader = beans.getBeanClassLoader();
    boolean jdbc = ClassUtils.isPresent("dev.dialkit.store.jdbc.JdbcCampaignStore", loader);
    boolean mongo =
        ClassUtils.isPresent("dev.dialkit.store.mongo.MongoCampaignStore", loader)
            && ClassUtils.isPresent("com.mongodb.client.MongoClient", loader);
    StoreType type = properties.getType();
    switch (type) {
      case MEMORY:
        log.warn(
            "Dialkit store: in memory (dialkit.store.type=memory); every campaign, lead and call"
                + " is lost when the application stops");
        return CampaignStore.inMemory();
      case JDBC:
        requireJar(jdbc, "jdbc", "dev.dialkit:persistence-jdbc");
        return JdbcStores.create(properties, beans, requireDataSource(beans));
      case MONGO:
        requireJar(mongo, "mongo", "dev.dialkit:persistence-mongo and mongodb-driver-sync");
        return MongoStores.create(properties.getMongo(), beans);
      default:
        String dataSource = jdbc ? UniqueBean.name(beans, DataSource.class) : null;
        if (dataSource != null) {
          return JdbcStores.create(properties, beans, dataSource);
        }
        if (mongo && MongoStores.hasClient(beans)) {
          return MongoStores.create(properties.getMongo(), beans);
        }
        throw new InvalidConfigurationException(
            "dialkit.store.type",
            "auto",
            "found no store: define a DataSource bean (with dev.dialkit:persistence-jdbc) or a"
                + " MongoClient bean (with dev.dialkit:persistence-mongo), or a CampaignStore bean;"
                + " or set dialkit.store.type=memory to keep everything in memory, lost at"
                + " restart");
    }
  }

  private static String requireDataSource(ConfigurableListableBeanFactory beans) {
    String name = UniqueBean.name(beans, DataSource.class);
    if (name == null) {
      throw new InvalidConfigurationException(
          "dialkit.store.type", "jdbc", "needs one DataSource bean (or one marked @Primary)");
    }
    return name;
  }

  private static void requireJar(boolean present, String type, String jar) {
    if (!present) {
      throw new InvalidConfigurationException(
          "dialkit.store.type", type, "needs " + jar + " on the classpath");
    }
  }
}
