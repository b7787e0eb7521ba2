package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.spring.boot.JdbcStoreProperties;
import dev.dialkit.spring.boot.StoreProperties;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/** Builds the JDBC store; loaded only when persistence-jdbc is on the classpath. */
final class JdbcStores {
  private static final Logger log = LoggerFactory.getLogger(JdbcStores.class);

  private JdbcStores() {}

  static CampaignStore create(
      StoreProperties properties, ConfigurableListableBeanFactory beans, String dataSourceBean) {
    DataSource dataSource = beans.getBean(dataSourceBean, DataSource.class);
    UniqueBean.storeDependsOn(beans, dataSourceBean);
    JdbcStoreProperties jdbc = properties.getJdbc();
    JdbcCampaignStore.Builder builder =
        JdbcCampaignStore.builder(dataSource).tablePrefix(jdbc.getTablePrefix());
    if (jdbc.getDialect() != null) {
      builder.dialect(dialect(jdbc.getDialect()));
    }
    JdbcCampaignStore store = builder.build();
    if (store.dialect() == JdbcDialect.H2) {
      H2Checks.warnAbout(dataSource, beans.resolveEmbeddedValue("${spring.datasource.url:}"));
    }
    if (properties.isMigrate()) {
      int applied = store.migrate();
      log.info(
          "Dialkit JDBC store: {} migration(s) applied, schema at version {}",
          applied,
          JdbcCampaignStore.SCHEMA_VERSION);
    }
    return store;
  }

  private static JdbcDialect dialect(String name) {
    for (JdbcDialect d : JdbcDialect.values()) {
      if (d.name().equalsIgnoreCase(name.trim()) || d.migrationFolder().equals(name.trim())) {
        return d;
      }
    }
    throw new InvalidConfigurationException(
        "dialkit.store.jdbc.dialect",
        name.toLowerCase(Locale.ROOT),
        "must be postgresql, mariadb or h2");
  }
}
