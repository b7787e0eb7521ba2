package dev.dialkit.store.jdbc;

import dev.dialkit.campaign.StoreException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases {@link JdbcCampaignStore} runs on. Detected from {@link DatabaseMetaData} when the
 * store is built, or set with {@link JdbcCampaignStore.Builder#dialect(JdbcDialect)}.
 */
public enum JdbcDialect {
  /** PostgreSQL 12 or later (tested on 15). */
  POSTGRESQL("postgresql", "PostgreSQL 12+"),
  /** MariaDB 10.6 or later (tested on 10.11), and MySQL 8.0 or later: both have SKIP LOCKED. */
  MARIADB("mariadb", "MariaDB 10.6+ or MySQL 8.0+"),
  /** H2 2.x, embedded (in memory or in a file) or as a server. */
  H2("h2", "H2 2.x");

  private final String folder;
  private final String supported;

  JdbcDialect(String folder, String supported) {
    this.folder = folder;
    this.supported = supported;
  }

  /**
   * The folder of this dialect's migrations under {@code /dev/dialkit/store/jdbc/migration/}, for a
   * host's Flyway: {@code classpath:dev/dialkit/store/jdbc/migration/<folder>}.
   */
  public String migrationFolder() {
    return folder;
  }

  /** What every dialect supports, for error messages. */
  static String supportedDatabases() {
    StringBuilder s = new StringBuilder();
    for (JdbcDialect d : values()) {
      s.append(s.length() == 0 ? "" : ", ").append(d.supported);
    }
    return s.toString();
  }

  /**
   * The dialect of the database {@code meta} describes.
   *
   * @throws StoreException (not transient) naming the database found and the ones supported, if it
   *     is none of them or too old
   */
  public static JdbcDialect of(DatabaseMetaData meta) throws SQLException {
    String product = meta.getDatabaseProductName();
    String version = meta.getDatabaseProductVersion();
    int major = meta.getDatabaseMajorVersion();
    int minor = meta.getDatabaseMinorVersion();
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    String found = product + " " + version;
    // MariaDB's Connector/J says "MariaDB"; MySQL's driver on MariaDB says "MySQL" with a
    // version such as "5.5.5-10.11.6-MariaDB"
    boolean mariaDb =
        name.contains("mariadb") || (version != null && version.toLowerCase().contains("mariadb"));
    if (name.contains("postgresql")) {
      return check(POSTGRESQL, major >= 12, found);
    }
    if (mariaDb) {
      int[] v = mariaDbVersion(version, major, minor);
      return check(MARIADB, v[0] > 10 || (v[0] == 10 && v[1] >= 6), found);
    }
    if (name.contains("mysql")) {
      return check(MARIADB, major >= 8, found);
    }
    if (name.equals("h2")) {
      return check(H2, major >= 2, found);
    }
    throw unsupported(found);
  }

  private static JdbcDialect check(JdbcDialect dialect, boolean recentEnough, String found) {
    if (!recentEnough) {
      throw unsupported(found);
    }
    return dialect;
  }

  private static int[] mariaDbVersion(String version, int major, int minor) {
    // "5.5.5-10.11.6-MariaDB" (the replication prefix) or "10.11.6-MariaDB"
    if (version != null) {
      String v = version.startsWith("5.5.5-") ? version.substring(6) : version;
      String[] parts = v.split("[.-]");
      try {
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      } catch (RuntimeException e) {
        // fall back to the driver's numbers
      }
    }
    return new int[] {major, minor};
  }

  private static StoreException unsupported(String found) {
    return new StoreException(
        "unsupported database: found "
            + found
            + "; JdbcCampaignStore supports "
            + supportedDatabases()
            + " (set JdbcCampaignStore.builder(dataSource).dialect(...) only if yours is"
            + " compatible with one of them)",
        false);
  }
}
