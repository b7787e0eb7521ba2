package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves a campaign's first leads (in claim order) past their first call, in bulk: dialing 300,000
 * leads through the store would take far longer than the plans. Four in five are done; one in five
 * was not answered and is queued again for a retry ({@code retryMicros}), as a retry policy leaves
 * them: still first in claim order (priority and sequence do not change), but not due. Only the
 * lead columns a call's end sets are written by name; the rows of the call, its dedupe keys and its
 * log are copies of a template call the store itself ended, every column the schema has copied,
 * only the ids, the number and the status replaced. So the tables have the sizes a campaign
 * part-way through has, and the copy follows the schema as it changes. The campaign's counters are
 * not moved.
 */
final class QueryPlansFastForward {
  private final String prefix;
  private final boolean postgres;

  /**
   * @param postgres PostgreSQL's SQL, else MariaDB's
   */
  QueryPlansFastForward(String prefix, boolean postgres) {
    this.prefix = prefix;
    this.postgres = postgres;
  }

  /**
   * Moves {@code count} leads of {@code campaign} due at {@code dueMicros}, best first, past their
   * first call, each with a copy of call {@code template}; the unanswered ones are due again at
   * {@code retryMicros}.
   */
  void run(
      Connection c, String campaign, long dueMicros, long retryMicros, int count, String template)
      throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      // CREATE TABLE AS takes no bind parameter; the values are this program's own
      s.execute(
          "CREATE TEMPORARY TABLE dk_ff AS SELECT id, phone,"
              + " row_number() OVER (ORDER BY priority DESC, seq) % 5 = 0 AS retry FROM "
              + prefix
              + "leads WHERE campaign_id = '"
              + campaign
              + "' AND state = 'QUEUED' AND next_attempt_at <= "
              + dueMicros
              + " ORDER BY priority DESC, seq LIMIT "
              + count);
      s.executeUpdate(
          "UPDATE "
              + prefix
              + (postgres ? "leads l SET" : "leads l JOIN dk_ff f ON l.id = f.id SET")
              + " attempts = 1, calls_made = 1,"
              + " state = CASE WHEN f.retry THEN 'QUEUED' ELSE 'DONE' END,"
              + " last_outcome = CASE WHEN f.retry THEN 'NO_ANSWER' ELSE 'COMPLETED' END,"
              + " next_attempt_at = CASE WHEN f.retry THEN "
              + retryMicros
              + " ELSE l.next_attempt_at END"
              + (postgres ? " FROM dk_ff f WHERE l.id = f.id" : ""));
      String call = "CONCAT(f.id, '.1')";
      copy(
          c,
          "calls",
          "id",
          template,
          Map.of(
              "id",
              call,
              "lead_id",
              "f.id",
              "to_number",
              "f.phone",
              "provider_call_id",
              "CONCAT('pc-', f.id, '.1')",
              "status",
              "CASE WHEN f.retry THEN 'NO_ANSWER' ELSE t.status END"));
      copy(c, "call_dedupe", "call_id", template, Map.of("call_id", call));
      copy(c, "call_log", "call_id", template, Map.of("call_id", call));
      s.execute("DROP TABLE dk_ff");
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Copies the template's rows of {@code table} once per lead of dk_ff, as {@code replaced}. */
  private void copy(
      Connection c, String table, String key, String template, Map<String, String> replaced)
      throws SQLException {
    List<String> columns = columns(c, prefix + table);
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(replaced.getOrDefault(column, "t." + column));
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + prefix
                + table
                + " ("
                + String.join(", ", columns)
                + ") SELECT "
                + String.join(", ", values)
                + " FROM "
                + prefix
                + table
                + " t CROSS JOIN dk_ff f WHERE t."
                + key
                + " = ?")) {
      s.setString(1, template);
      s.executeUpdate();
    }
  }

  /** The table's columns but identity ones (they number themselves). */
  private List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                + (postgres
                    ? " AND table_schema = 'public' AND is_identity = 'NO'"
                    : " AND table_schema = DATABASE() AND extra NOT LIKE '%auto_increment%'")
                + " ORDER BY ordinal_position")) {
      s.setString(1, table);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          columns.add(r.getString(1));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new SQLException("no table " + table);
    }
    return columns;
  }
}
