package dev.dialkit.spring.boot.internal;

import com.mongodb.client.MongoClient;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.spring.boot.MongoStoreProperties;
import dev.dialkit.store.mongo.MongoCampaignStore;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/** Builds the MongoDB store; loaded only when persistence-mongo and the driver are present. */
final class MongoStores {
  private MongoStores() {}

  static boolean hasClient(ConfigurableListableBeanFactory beans) {
    return UniqueBean.name(beans, MongoClient.class) != null;
  }

  static CampaignStore create(MongoStoreProperties mongo, ConfigurableListableBeanFactory beans) {
    String clientBean = UniqueBean.name(beans, MongoClient.class);
    if (clientBean == null) {
      throw new InvalidConfigurationException(
          "dialkit.store.type", "mongo", "needs one MongoClient bean (or one marked @Primary)");
    }
    if (mongo.getDatabase() == null || mongo.getDatabase().isBlank()) {
      throw new InvalidConfigurationException(
          "dialkit.store.mongo.database", null, "is required for the MongoDB store");
    }
    MongoClient client = beans.getBean(clientBean, MongoClient.class);
    UniqueBean.storeDependsOn(beans, clientBean);
    return MongoCampaignStore.builder(client.getDatabase(mongo.getDatabase()))
        .collectionPrefix(mongo.getCollectionPrefix())
        .build();
  }
}
