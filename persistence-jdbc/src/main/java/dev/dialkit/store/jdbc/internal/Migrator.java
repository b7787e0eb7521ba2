package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.StoreException;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned scripts under {@code /dev/dialkit/store/jdbc/migration/<dialect>/} that the
 * schema-version table does not list yet, under a database-wide lock so that instances starting
 * together migrate once: PostgreSQL {@code pg_advisory_xact_lock} (and transactional DDL), MariaDB
 * {@code GET_LOCK}, H2 a row lock ({@code SELECT ... FOR UPDATE}) held by a second connection while
 * the first runs the DDL (H2 commits on DDL, which would release a lock held by the same session).
 * Each script records its own version, so a schema made by the host's Flyway is recognised too.
 */
public final class Migrator {
  /** The scripts of this jar, in order; the last one's version is the one this jar needs. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__dialkit.sql",
          "V2__fencing.sql",
          "V3__compliance.sql",
          "V4__outcome_counters.sql",
          "V5__throughput.sql",
          "V6__lead_indexes.sql",
          "V7__call_outcomes.sql",
          "V8__schedule.sql");

  public static final int SUPPORTED_VERSION = SCRIPTS.size();

  private static final Logger log = LoggerFactory.getLogger(Migrator.class);
  private static final String PLACEHOLDER = "${dialkit_prefix}";

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final Tables tables;

  public Migrator(DataSource dataSource, JdbcDialect dialect, Tables tables) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.tables = tables;
  }

  /** Applies the pending scripts; returns how many. */
  public int migrate() {
    return migrateTo(SUPPORTED_VERSION);
  }

  /**
   * Applies the pending scripts up to version {@code target} only: how a test makes the schema an
   * older jar made, to check that it is upgraded.
   */
  int migrateTo(int target) {
    try {
      return switch (dialect) {
        case POSTGRESQL -> migratePostgres(target);
        case MARIADB -> migrateMariaDb(target);
        case H2 -> migrateH2(target);
      };
    } catch (SQLException e) {
      throw SqlErrors.translate("migrating the Dialkit schema", e);
    }
  }

  /**
   * The schema version found, 0 if there is no Dialkit schema.
   *
   * @throws StoreException if the database cannot be reached (transient)
   */
  public int currentVersion() {
    try (Connection c = dataSource.getConnection()) {
      return currentVersion(c);
    } catch (SQLException e) {
      throw SqlErrors.translate("reading the Dialkit schema version", e);
    }
  }

  /** Checks that the schema is the one this jar needs; throws naming both otherwise. */
  public void verify() {
    int found = currentVersion();
    if (found > SUPPORTED_VERSION) {
      throw newer(found);
    }
    if (found < SUPPORTED_VERSION) {
      throw new StoreException(
          "Dialkit schema version "
              + found
              + (found == 0 ? " (no table " + tables.schemaVersion + ")" : "")
              + " found, but this persistence-jdbc needs version "
              + SUPPORTED_VERSION
              + ": call JdbcCampaignStore.migrate(), or apply the scripts in classpath:"
              + "dev/dialkit/store/jdbc/migration/"
              + dialect.migrationFolder()
              + " with Flyway (placeholder dialkit_prefix="
              + tables.prefix
              + ")",
          false);
    }
  }

  private int migratePostgres(int target) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        String schema;
        try (Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT current_schema()")) {
          r.next();
          schema = r.getString(1);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          s.setLong(1, ("dialkit-migrate:" + schema + ":" + tables.prefix).hashCode());
          s.execute();
        }
        int applied = applyPending(c, target);
        c.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private int migrateMariaDb(int target) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      String lock;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT DATABASE()")) {
        r.next();
        lock = ("dialkit_migrate." + r.getString(1) + "." + tables.prefix);
      }
      lock = lock.length() > 64 ? lock.substring(0, 64) : lock;
      try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, 120)")) {
        s.setString(1, lock);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || r.getInt(1) != 1) {
            throw new StoreException(
                "could not take the migration lock " + lock + " within 120 s", true);
          }
        }
      }
      try {
        return applyPending(c, target);
      } finally {
        try (PreparedStatement s = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
          s.setString(1, lock);
          s.execute();
        }
      }
    }
  }

  private int migrateH2(int target) throws SQLException {
    String lockTable = tables.prefix + "schema_lock";
    try (Connection lock = dataSource.getConnection();
        Connection work = dataSource.getConnection()) {
      boolean autoCommit = lock.getAutoCommit();
      try (Statement s = lock.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + lockTable + " (id INT PRIMARY KEY)");
        try {
          s.execute("MERGE INTO " + lockTable + " (id) KEY (id) VALUES (1)");
        } catch (SQLException e) {
          if (!SqlErrors.isDuplicateKey(e)) {
            throw e;
          }
        }
        s.execute("SET LOCK_TIMEOUT 120000");
      }
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.executeQuery("SELECT id FROM " + lockTable + " WHERE id = 1 FOR UPDATE").close();
        if (!work.getAutoCommit()) {
          work.setAutoCommit(true);
        }
        return applyPending(work, target);
      } finally {
        lock.commit();
        lock.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * With the lock held: creates the version table if needed and runs the missing scripts up to
   * {@code target}.
   */
  private int applyPending(Connection c, int target) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + tables.schemaVersion
              + " (version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL,"
              + " installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
    }
    int found = currentVersion(c);
    if (found > SUPPORTED_VERSION) {
      throw newer(found);
    }
    int applied = 0;
    for (int v = found + 1; v <= target; v++) {
      String script = SCRIPTS.get(v - 1);
      log.info("applying Dialkit migration {} ({}) to tables {}*", script, dialect, tables.prefix);
      try (Statement s = c.createStatement()) {
        for (String sql : statements(load(script))) {
          s.execute(sql);
        }
      }
      applied++;
    }
    return applied;
  }

  private int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT MAX(version) FROM " + tables.schemaVersion)) {
      return r.next() ? r.getInt(1) : 0;
    } catch (SQLException e) {
      if (SqlErrors.isTransient(e)) {
        throw e;
      }
      // no version table: no Dialkit schema yet (PostgreSQL: the transaction must go on)
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      return 0;
    }
  }

  private StoreException newer(int found) {
    return new StoreException(
        "Dialkit schema version "
            + found
            + " found in "
            + tables.schemaVersion
            + ", but this persistence-jdbc supports versions 1 to "
            + SUPPORTED_VERSION
            + ": the database was migrated by a newer Dialkit; upgrade this application's Dialkit",
        false);
  }

  private String load(String script) {
    String path = "/dev/dialkit/store/jdbc/migration/" + dialect.migrationFolder() + "/" + script;
    try (InputStream in = Migrator.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration script missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace(PLACEHOLDER, tables.prefix);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  /** The script's statements: comment lines dropped, split at semicolons ending a line. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
