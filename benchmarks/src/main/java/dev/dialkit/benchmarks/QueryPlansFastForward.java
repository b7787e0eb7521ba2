package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a campaign's first leads (in claim order) past their first call, in bulk: dialing 300,000
 * leads through the store would take far longer than the plans. By their rank in claim order: one
 * in five was not answered and is queued again for a retry ({@code retryMicros}), as a retry policy
 * leaves them: still first in claim order (priority and sequence do not change), but not due; one
 * in 30 is still in its call (ringing, a slot held: 10,000 of 300,000, the calls in
 * progress at once); the others are done. Only the lead columns a call sets are written by name;
 * the rows of each call, its dedupe keys, its log and (in progress) its slot are copies of a
 * template the store itself wrote, every column the schema has copied, only the ids, the number,
 * the status and an ended call's times replaced. So the tables have the sizes a campaign part-way
 * through has, and the copy follows the schema as it changes. The campaign's counters are not
 * moved.
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
   * first call, as the class comment says: each call a copy of the ended call {@code template},
   * each slot a copy of the slot of {@code openTemplate}, a call in progress.
   */
  void run(
      Connection c,
      String campaign,
      long dueMicros,
      long retryMicros,
      int count,
      String template,
      String openTemplate)
      throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      // CREATE TABLE AS takes no bind parameter; the values are this program's own
      s.execute(
          "CREATE TEMPORARY TABLE dk_ff AS SELECT id, phone, CASE"
              + " WHEN row_number() OVER (ORDER BY priority DESC, seq) % 5 = 0 THEN 'retry'"
              + " WHEN row_number() OVER (ORDER BY priority DESC, seq) % 30 = 1 THEN 'open'"
              + " ELSE 'done' END AS fate FROM "
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
              + " state = CASE f.fate WHEN 'retry' THEN 'QUEUED' WHEN 'open' THEN 'IN_PROGRESS'"
              + " ELSE 'DONE' END,"
              + " last_outcome = CASE f.fate WHEN 'retry' THEN 'NO_ANSWER' WHEN 'open' THEN NULL"
              + " ELSE 'COMPLETED' END,"
              + " next_attempt_at = CASE WHEN f.fate = 'retry' THEN "
              + retryMicros
              + " ELSE l.next_attempt_at END"
              + (postgres ? " FROM dk_ff f WHERE l.id = f.id" : ""));
      String call = "CONCAT(f.id, '.1')";
      String open = "f.fate = 'open'";
      Map<String, String> calls = new HashMap<>();
      calls.put("id", call);
      calls.put("lead_id", "f.id");
      calls.put("to_number", "f.phone");
      calls.put("provider_call_id", "CONCAT('pc-', f.id, '.1')");
      calls.put(
          "status",
          "CASE f.fate WHEN 'retry' THEN 'NO_ANSWER' WHEN 'open' THEN 'RINGING' ELSE t.status END");
      for (String ended :
          List.of("answered_at", "ended_at", "duration_nanos", "billed_duration_nanos")) {
        calls.put(ended, "CASE WHEN " + open + " THEN NULL ELSE t." + ended + " END");
      }
      copy(c, "calls", "id", template, calls, "1 = 1");
      copy(c, "call_dedupe", "call_id", template, Map.of("call_id", call), "1 = 1");
      copy(c, "call_log", "call_id", template, Map.of("call_id", call), "1 = 1");
      copy(c, "slots", "call_id", openTemplate, Map.of("call_id", call), open);
      s.execute("DROP TABLE dk_ff");
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Copies the template's rows of {@code table} once per lead of dk_ff that {@code where} admits,
   * as {@code replaced}.
   */
  private void copy(
      Connection c,
      String table,
      String key,
      String template,
      Map<String, String> replaced,
      String where)
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
                + " = ? AND "
                + where)) {
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
