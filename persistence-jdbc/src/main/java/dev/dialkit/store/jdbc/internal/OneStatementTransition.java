package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
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
 * A call transition as one auto-committed statement on PostgreSQL: the guarded update of the call
 * and, only if it changed the call, the dedupe key, the lead's end, the log entries, the slot row's
 * delete and the counter shard, in data-modifying CTEs that each wait for the guarded update
 * ({@code EXISTS (SELECT 1 FROM u)}). One round trip and one commit, where the transaction of
 * {@link Transitions} costs up to seven round trips. The statement is atomic as the transaction is:
 * all of it or none.
 *
 * <p>If the update changes nothing, nothing else is written, and the same statement returns the
 * call as its snapshot had it, which says why in most cases (a newer version, a recorded key, no
 * such call). Only when the snapshot shows the call as expected (a change committed after the
 * snapshot stopped the update) does the caller read afresh or run the transaction path; it does too
 * when the statement fails as a whole on a conflict that a transaction handles (a racing dedupe
 * key, a deadlock): nothing of it was written.
 *
 * <p>MariaDB and H2 have no data-modifying CTEs; there the transaction path runs, its guarded
 * update first.
 */
public final class OneStatementTransition {
  private static final Logger log = LoggerFactory.getLogger(OneStatementTransition.class);

  private final Tables t;
  private final JdbcDialect dialect;
  private final CallRows calls;
  private final LeadRows leads;

  public OneStatementTransition(
      Tables tables, JdbcDialect dialect, CallRows calls, LeadRows leads) {
    this.t = tables;
    this.dialect = dialect;
    this.calls = calls;
    this.leads = leads;
  }

  /** Whether transitions can be applied in one statement here. */
  public boolean covers() {
    return dialect == JdbcDialect.POSTGRESQL;
  }

  /**
   * Applies the transition in one statement on an auto-commit connection, or says why it was
   * refused; empty if the statement cannot tell (then nothing was written, and the caller reads
   * afresh or runs the transaction).
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
    LeadOutcome outcome = transition.leadOutcome();
    if (outcome != null) {
      sql.append(", e AS (").append(leads.endUpdate()).append(" AND EXISTS (SELECT 1 FROM u))");
    }
    if (transition.releaseSlot()) {
      sql.append(", f AS (DELETE FROM ")
          .append(t.slots)
          .append(" WHERE call_id = ? AND EXISTS (SELECT 1 FROM u))");
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
    // the call as this statement's snapshot has it, to say why the update changed nothing (most
    // refusals: a webhook that lost a race, one delivered again) without another round trip
    sql.append(" SELECT (SELECT COUNT(*) FROM u) AS applied_,");
    sql.append(counts ? " (SELECT COUNT(*) FROM n)" : " 1").append(" AS shard_,");
    sql.append(
            key == null
                ? " FALSE"
                : " EXISTS (SELECT 1 FROM " + t.dedupe + " WHERE call_id = ? AND dedupe_key = ?)")
        .append(" AS recorded_, ")
        .append(CallRows.COLUMNS)
        .append(" FROM (SELECT 1 AS one_) one LEFT JOIN ")
        .append(t.calls)
        .append(" ON id = ?");
    try {
      return run(c, transition, sql.toString(), key, amounts);
    } catch (SQLException e) {
      if (SqlErrors.isDuplicateKey(e) || SqlErrors.isRetryableConflict(e)) {
        // the statement was rolled back as a whole; the transaction path sorts it out
        log.debug(
            "call {}: one-statement transition gave way ({})",
            transition.call().id(),
            e.getSQLState());
        return Optional.empty();
      }
      throw e;
    }
  }

  private Optional<TransitionResult> run(
      Connection c, CallTransition transition, String sql, String key, List<Long> amounts)
      throws SQLException {
    List<CallLogEntry> entries = transition.log();
    boolean counts = !amounts.isEmpty();
    LeadOutcome outcome = transition.leadOutcome();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      var call = transition.call();
      int i = CallRows.bindGuarded(s, 1, call, transition.expectedVersion(), key);
      if (key != null) {
        s.setString(i++, key);
      }
      if (outcome != null) {
        i = LeadRows.bindEnd(s, i, call.leadId(), call.status(), outcome);
      }
      if (transition.releaseSlot()) {
        s.setString(i++, call.id().value());
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
      if (key != null) {
        s.setString(i++, call.id().value());
        s.setString(i++, key);
      }
      s.setString(i, call.id().value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        if (r.getInt("applied_") == 0) {
          return refused(transition, r);
        }
        if (r.getInt("shard_") == 0) {
          // every campaign has its shards from its creation or the version 5 migration
          log.error(
              "campaign {}: counter shard of call {} is missing; its counters were not added",
              call.campaignId(),
              call.id());
        }
        return Optional.of(new TransitionResult(Outcome.APPLIED, call));
      }
    }
  }

  /**
   * Why the update changed nothing, from the statement's snapshot, in the contract's order: not
   * found (or another tenant's), a different identity (thrown), a recorded key, a newer version.
   * Empty if the snapshot shows the call as the transition expects: the update then met a change
   * committed after the snapshot was taken, which only a fresh read shows.
   */
  private static Optional<TransitionResult> refused(CallTransition transition, ResultSet r)
      throws SQLException {
    if (r.getString("id") == null) {
      return Optional.of(new TransitionResult(Outcome.NOT_FOUND, null));
    }
    Call stored = CallRows.map(r);
    if (!stored.tenant().equals(transition.call().tenant())) {
      return Optional.of(new TransitionResult(Outcome.NOT_FOUND, null));
    }
    StoreArguments.sameIdentity(stored, transition.call());
    if (r.getBoolean("recorded_")) {
      return Optional.of(new TransitionResult(Outcome.DUPLICATE, stored));
    }
    if (stored.version() != transition.expectedVersion()) {
      return Optional.of(new TransitionResult(Outcome.CONFLICT, stored));
    }
    return Optional.empty();
  }
}
