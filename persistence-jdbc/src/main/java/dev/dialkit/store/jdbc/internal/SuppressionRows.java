package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The do-not-call list: one row per (tenant, number), primary key {@code (tenant, phone)}. Every
 * lookup is by that key, and written so that its plan does not depend on the table's statistics: on
 * PostgreSQL a nested loop of primary-key probes over the array of numbers, on MariaDB an {@code
 * IN} list with {@code FORCE INDEX (PRIMARY)}; see the README for the plans.
 */
public final class SuppressionRows {
  /** Rows per multi-row upsert statement: 6 parameters each, far below every driver's limit. */
  private static final int ROWS_PER_STATEMENT = 500;

  /** Numbers per MariaDB lookup statement. */
  private static final int LOOKUP_CHUNK = 1000;

  private static final String COLUMNS = "tenant, phone, source, reason, call_id, created_at";

  private final Tables t;
  private final JdbcDialect dialect;

  public SuppressionRows(Tables tables, JdbcDialect dialect) {
    this.t = tables;
    this.dialect = dialect;
  }

  /** Stores the entries, replacing those of the same (tenant, number); the last of repeats wins. */
  public void upsert(Connection c, List<Suppression> entries) throws SQLException {
    // one row per key: PostgreSQL refuses to touch a row twice in one ON CONFLICT statement
    Map<List<String>, Suppression> last = new LinkedHashMap<>();
    for (Suppression e : entries) {
      last.put(List.of(e.tenant().value(), e.phone().e164()), e);
    }
    List<Suppression> rows = new ArrayList<>(last.values());
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Suppression> chunk =
          rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      try (PreparedStatement s = c.prepareStatement(upsertSql(chunk.size()))) {
        int i = 1;
        for (Suppression e : chunk) {
          s.setString(i++, e.tenant().value());
          s.setString(i++, e.phone().e164());
          s.setString(i++, e.source().name());
          s.setString(i++, e.reason());
          s.setString(i++, e.callId() == null ? null : e.callId().value());
          s.setLong(i++, Columns.micros(e.createdAt()));
        }
        s.executeUpdate();
      }
    }
  }

  private String upsertSql(int rows) {
    String values = ("(?, ?, ?, ?, ?, ?), ".repeat(rows));
    values = values.substring(0, values.length() - 2);
    return switch (dialect) {
      case POSTGRESQL ->
          "INSERT INTO "
              + t.suppressions
              + " ("
              + COLUMNS
              + ") VALUES "
              + values
              + " ON CONFLICT (tenant, phone) DO UPDATE SET source = EXCLUDED.source,"
              + " reason = EXCLUDED.reason, call_id = EXCLUDED.call_id,"
              + " created_at = EXCLUDED.created_at";
      case MARIADB ->
          "INSERT INTO "
              + t.suppressions
              + " ("
              + COLUMNS
              + ") VALUES "
              + values
              + " ON DUPLICATE KEY UPDATE source = VALUES(source), reason = VALUES(reason),"
              + " call_id = VALUES(call_id), created_at = VALUES(created_at)";
      case H2 ->
          "MERGE INTO "
              + t.suppressions
              + " ("
              + COLUMNS
              + ") KEY (tenant, phone) VALUES "
              + values;
    };
  }

  public boolean delete(Connection c, TenantId tenant, PhoneNumber phone) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + t.suppressions + " WHERE tenant = ? AND phone = ?")) {
      s.setString(1, tenant.value());
      s.setString(2, phone.e164());
      return s.executeUpdate() > 0;
    }
  }

  public Optional<Suppression> find(Connection c, TenantId tenant, PhoneNumber phone)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM " + t.suppressions + " WHERE tenant = ? AND phone = ?")) {
      s.setString(1, tenant.value());
      s.setString(2, phone.e164());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(map(r)) : Optional.empty();
      }
    }
  }

  /** Whether the tenant's list has the number: the claim's check, one primary-key probe. */
  public boolean contains(Connection c, TenantId tenant, PhoneNumber phone) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM " + t.suppressions + " WHERE tenant = ? AND phone = ?")) {
      s.setString(1, tenant.value());
      s.setString(2, phone.e164());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /** The entries of {@code phones} on the tenant's list, in the order of {@code phones}. */
  public Map<PhoneNumber, Suppression> findAll(
      Connection c, TenantId tenant, Collection<PhoneNumber> phones) throws SQLException {
    List<String> numbers = phones.stream().map(PhoneNumber::e164).distinct().toList();
    Map<String, Suppression> byNumber = new HashMap<>();
    if (dialect == JdbcDialect.POSTGRESQL) {
      // one statement, one array parameter. Not "phone = ANY(?)": on a table never analysed the
      // planner reads that as "the tenant's few rows, filtered" and scans the tenant's whole list.
      // A LATERAL subquery that OFFSET 0 keeps from being flattened can only be joined by a
      // nested loop, one primary-key probe per number, whatever the statistics say.
      if (!numbers.isEmpty()) {
        Array array = c.createArrayOf("varchar", numbers.toArray());
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT s.tenant, s.phone, s.source, s.reason, s.call_id, s.created_at"
                    + " FROM unnest(?::varchar[]) AS p(phone) CROSS JOIN LATERAL (SELECT "
                    + COLUMNS
                    + " FROM "
                    + t.suppressions
                    + " x WHERE x.tenant = ? AND x.phone = p.phone OFFSET 0) s")) {
          s.setArray(1, array);
          s.setString(2, tenant.value());
          collect(s, byNumber);
        } finally {
          array.free();
        }
      }
    } else if (dialect == JdbcDialect.H2) {
      // H2 would use only the tenant of an IN list (a scan of the tenant's list): join an array
      if (!numbers.isEmpty()) {
        Array array = c.createArrayOf("VARCHAR", numbers.toArray());
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT s.tenant, s.phone, s.source, s.reason, s.call_id, s.created_at"
                    + " FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS p(phone) JOIN "
                    + t.suppressions
                    + " s ON s.tenant = ? AND s.phone = p.phone")) {
          s.setArray(1, array);
          s.setString(2, tenant.value());
          collect(s, byNumber);
        } finally {
          array.free();
        }
      }
    } else {
      for (int from = 0; from < numbers.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + LOOKUP_CHUNK));
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM "
                    + t.suppressions
                    + " FORCE INDEX (PRIMARY) WHERE tenant = ? AND phone IN ("
                    + "?, ".repeat(chunk.size() - 1)
                    + "?)")) {
          s.setString(1, tenant.value());
          int i = 2;
          for (String n : chunk) {
            s.setString(i++, n);
          }
          collect(s, byNumber);
        }
      }
    }
    Map<PhoneNumber, Suppression> found = new LinkedHashMap<>();
    for (PhoneNumber phone : phones) {
      Suppression entry = byNumber.get(phone.e164());
      if (entry != null) {
        found.put(phone, entry);
      }
    }
    return found;
  }

  private static void collect(PreparedStatement s, Map<String, Suppression> into)
      throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Suppression entry = map(r);
        into.put(entry.phone().e164(), entry);
      }
    }
  }

  /** A page of the tenant's list by number; the total counts the whole list. */
  public Page<Suppression> page(Connection c, TenantId tenant, PageRequest page)
      throws SQLException {
    long total;
    try (PreparedStatement s =
        c.prepareStatement("SELECT COUNT(*) FROM " + t.suppressions + " WHERE tenant = ?")) {
      s.setString(1, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        total = r.getLong(1);
      }
    }
    List<Suppression> items = new ArrayList<>();
    if (total > 0) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM "
                  + t.suppressions
                  + " WHERE tenant = ? ORDER BY phone LIMIT ? OFFSET ?")) {
        s.setString(1, tenant.value());
        s.setInt(2, page.limit());
        s.setInt(3, page.offset());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            items.add(map(r));
          }
        }
      }
    }
    return new Page<>(items, total, 0);
  }

  private static Suppression map(ResultSet r) throws SQLException {
    String callId = r.getString("call_id");
    return new Suppression(
        TenantId.of(r.getString("tenant")),
        PhoneNumber.of(r.getString("phone")),
        SuppressionSource.valueOf(r.getString("source")),
        r.getString("reason"),
        callId == null ? null : CallId.of(callId),
        Columns.getInstant(r, "created_at"));
  }
}
