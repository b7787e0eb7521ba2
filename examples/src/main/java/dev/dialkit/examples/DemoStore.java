package dev.dialkit.examples;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.store.jdbc.JdbcCampaignStore;
import dev.dialkit.store.mongo.MongoCampaignStore;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The store the quickstart runs on, from its {@code --store} option: {@code memory}, a JDBC URL
 * (H2, PostgreSQL, MariaDB), or a MongoDB connection string. The default is an H2 file under {@code
 * ./dialkit-demo}, so a second run finds the first run's campaigns.
 */
final class DemoStore implements AutoCloseable {
  /** An embedded H2 file database next to where the demo runs. */
  // WRITE_DELAY=0: a commit is on disk when it returns, so a killed demo loses nothing it answered
  static final String DEFAULT = "jdbc:h2:file:./dialkit-demo/quickstart;WRITE_DELAY=0";

  private final CampaignStore store;
  private final AutoCloseable resource;
  private final String description;

  private DemoStore(CampaignStore store, AutoCloseable resource, String description) {
    this.store = store;
    this.resource = resource;
    this.description = description;
  }

  static DemoStore open(String spec) {
    if (spec.equals("memory")) {
      return new DemoStore(CampaignStore.inMemory(), null, "in memory (nothing is kept)");
    }
    if (spec.startsWith("mongodb://") || spec.startsWith("mongodb+srv://")) {
      MongoClient client = MongoClients.create(spec);
      String database =
          Optional.ofNullable(new ConnectionString(spec).getDatabase())
              .orElse("dialkit_quickstart");
      return new DemoStore(
          MongoCampaignStore.create(client, database), client, "MongoDB database " + database);
    }
    if (spec.startsWith("jdbc:")) {
      DataSource pool = dataSource(spec);
      JdbcCampaignStore jdbc = JdbcCampaignStore.create(pool);
      jdbc.migrate();
      AutoCloseable close =
          () -> {
            if (pool instanceof JdbcConnectionPool h2) {
              h2.dispose();
            } else if (pool instanceof AutoCloseable closeable) {
              closeable.close();
            }
          };
      return new DemoStore(jdbc, close, spec.replaceAll("password=[^&;]*", "password=***"));
    }
    throw new IllegalArgumentException(
        "--store must be memory, a JDBC URL or a MongoDB connection string, was '" + spec + "'");
  }

  /**
   * A pooled data source for {@code url}: the store opens a connection per operation, which without
   * a pool costs a connection setup each time (and, for an embedded H2 file, closing and compacting
   * the database whenever the last connection closes).
   */
  private static DataSource dataSource(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return JdbcConnectionPool.create(url, "", "");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
      postgres.setURL(url);
      return JdbcConnectionPool.create(postgres);
    }
    if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      try {
        return new MariaDbPoolDataSource(url.replace("jdbc:mysql:", "jdbc:mariadb:"));
      } catch (java.sql.SQLException e) {
        throw new IllegalArgumentException("bad MariaDB URL: " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException(
        "--store supports jdbc:h2:, jdbc:postgresql: and jdbc:mariadb: URLs, was '" + url + "'");
  }

  CampaignStore store() {
    return store;
  }

  /** Whether campaigns outlive the run. */
  boolean persistent() {
    return resource != null;
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    if (resource != null) {
      resource.close();
    }
  }
}
