package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call transition that neither ends the lead nor frees the slot (ringing, answered, a provider id
 * learned: most webhooks) as one auto-committed statement on PostgreSQL: the guarded update of the
 * call and, only if it changed the call, the dedupe key, the counter shard and the log entries, in
 * data-modifying CTEs. One round trip and one commit, where a transaction costs six. If the update
 * changes nothing, nothing else is written and the caller takes the transaction path, which says
 * why (or applies it, if a concurrent change has cleared the way meanwhile).
 *
 * <p>MariaDB and H2 have no data-modifying CTEs; there the transaction path runs, its guarded
 * update first, in four round trips.
 */
public final class OneStatementTransition {
  private static final Logger log = LoggerFactory.getLogger(OneStatementTransition.class);

  private final Tables t;
  private final JdbcDialect dialect;
  private final CallRows calls;

  public OneStatementTransition(Tables tables, JdbcDialect dialect, CallRows calls) {
    this.t = tables;
    this.dialect = dialect;
    this.calls = calls;
  }

  /** Whether {@code transition} can be applied in one statement here. */
  public boolean covers(CallTransition transition) {
    return dialect == JdbcDialect.POSTGRESQL
        && !transition.releaseSlot()
        && transition.leadOutcome() == null;
  }

  /**
   * Applies the transition in one statement on an auto-commit connection; empty if the guarded
   * update changed nothing (then nothing was written).
   */
  public Optional<TransitionResult> apply(Connection c, CallTransition transition)
      throws SQLException {
    String key =
        transition.dedupeKey() == null ? null : Transitions.storedKey(transition.dedupeKey());
    List<Long> amounts = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("WITH u AS (")
            .append(calls.guardedUpdate(key != null, t.dedupe))
            .append(" RETURNING id)");
    if (key != null) {
      sql.append(", k AS (INSERT INTO ")
          .append(t.dedupe)
          .append(" (call_id, dedupe_key) SELECT id, ? FROM u)");
    }
    boolean counts = !transition.counters().isEmpty();
    if (counts) {
      sql.append(", n AS (UPDATE ")
          .append(t.counterShards)
          .append(" SET ")
          .append(CounterShards.assignments(transition.counters(), amounts))
          .append(" WHERE campaign_id = ? AND shard = ? AND EXISTS (SELECT 1 FROM u) RETURNING 1)");
    }
    List<CallLogEntry> entries = transition.log();
    if (!entries.isEmpty()) {
      sql.append(", l AS (INSERT INTO ").append(t.callLog).append(" (").append(LogRows.INSERTED);
      sql.append(") ");
      for (int e = 0; e < entries.size(); e++) {
        // typed, since a bare parameter in a select list has no type of its own
        sql.append(e == 0 ? "" : " UNION ALL ")
            .append("SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),")
            .append(" CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR),")
            .append(" CAST(? AS TEXT), CAST(? AS VARCHAR), CAST(? AS TEXT) FROM u");
      }
      sql.append(")");
    }
    sql.append(" SELECT (SELECT COUNT(*) FROM u)");
    sql.append(counts ? ", (SELECT COUNT(*) FROM n)" : ", 1");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      var call = transition.call();
      int i = CallRows.bindGuarded(s, 1, call, transition.expectedVersion(), key);
      if (key != null) {
        s.setString(i++, key);
      }
      if (counts) {
        for (long amount : amounts) {
          s.setLong(i++, amount);
        }
        s.setString(i++, call.campaignId().value());
        s.setInt(i++, CounterShards.shardOf(call.id()));
      }
      for (CallLogEntry entry : entries) {
        i = LogRows.bind(s, i, entry);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        if (r.getInt(1) == 0) {
          return Optional.empty();
        }
        if (r.getInt(2) == 0) {
          // every campaign has its shards from its creation or the version 5 migration
          log.error(
              "campaign {}: counter shard of call {} is missing; its counters were not added",
              call.campaignId(),
              call.id());
        }
        return Optional.of(new TransitionResult(TransitionResult.Outcome.APPLIED, call));
      }
    }
  }
}
