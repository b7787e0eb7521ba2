package dev.dialkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code schemaProblem()} on H2: what the health check shows for a database without the Dialkit
 * schema, with it, and with a schema a newer Dialkit made. (That a migrated store reports none is
 * in the store contract too.)
 */
class H2SchemaProblemTest {
  private final JdbcConnectionPool pool = TestDatabases.h2Memory();

  @AfterEach
  void shutdown() {
    TestDatabases.shutdownH2(pool);
  }

  @Test
  void anUnmigratedDatabaseReportsTheMissingMigrationsUntilMigrated() {
    JdbcCampaignStore store = JdbcCampaignStore.create(pool);

    assertThat(store.schemaProblem())
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("version 0")
                    .contains("needs version " + JdbcCampaignStore.SCHEMA_VERSION)
                    .contains("migrate()"));

    store.migrate();
    assertThat(store.schemaProblem()).isEmpty();
  }

  @Test
  void aSchemaFromANewerDialkitIsReported() throws Exception {
    JdbcCampaignStore store = JdbcCampaignStore.create(pool);
    store.migrate();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO dialkit_schema_version (version, description) VALUES (99, 'from the future')");
    }

    assertThat(store.schemaProblem())
        .hasValueSatisfying(problem -> assertThat(problem).contains("99").contains("newer"));
  }
}
