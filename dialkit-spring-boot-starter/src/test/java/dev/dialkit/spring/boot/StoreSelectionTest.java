package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which store the starter builds, and that it refuses to start on none. */
class StoreSelectionTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DialkitProvidersAutoConfiguration.class, DialkitAutoConfiguration.class))
          .withUserConfiguration(TestProviders.class);

  @Test
  void withoutDataSourceOrMongoClientItRefusesToStartNamingTheProperty() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .isInstanceOf(InvalidConfigurationException.class)
              .hasMessageContaining("dialkit.store.type")
              .hasMessageContaining("dialkit.store.type=memory");
        });
  }

  @Test
  void memoryOnlyWhenAskedFor() {
    runner
        .withPropertyValues("dialkit.store.type=memory")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(CampaignDialer.class);
              assertThat(context.getBean(CampaignStore.class).getClass().getSimpleName())
                  .isEqualTo("InMemoryCampaignStore");
            });
  }

  @Test
  void aDataSourceGivesAMigratedJdbcStoreWithTheConfiguredPrefix() {
    runner
        .withBean(DataSource.class, () -> h2("store-selection"))
        .withPropertyValues("dialkit.store.jdbc.table-prefix=dk_")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CampaignStore.class))
                  .isInstanceOf(JdbcCampaignStore.class);
              try (Connection c = context.getBean(DataSource.class).getConnection();
                  ResultSet tables = c.getMetaData().getTables(null, null, "DK_CAMPAIGNS", null)) {
                assertThat(tables.next()).as("dk_campaigns created by migrate()").isTrue();
              }
            });
  }

  @Test
  void migrateFalseLeavesTheSchemaToTheApplication() {
    runner
        .withBean(DataSource.class, () -> h2("no-migrate"))
        .withPropertyValues("dialkit.store.migrate=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              try (Connection c = context.getBean(DataSource.class).getConnection();
                  ResultSet tables =
                      c.getMetaData().getTables(null, null, "DIALKIT_CAMPAIGNS", null)) {
                assertThat(tables.next()).isFalse();
              }
            });
  }

  @Test
  void typeJdbcWithoutDataSourceSaysSo() {
    runner
        .withPropertyValues("dialkit.store.type=jdbc")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("dialkit.store.type")
                    .hasMessageContaining("DataSource"));
  }

  static DataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    return ds;
  }
}
