package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.StoreArguments;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.campaign.spi.TransitionResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The transition transaction. It starts with the guarded update of the call ({@link
 * CallRows#guardedUpdate}: right version, same identity, dedupe key not recorded), which locks the
 * call row, so the checks and the write are one step for this call; only when that update changes
 * nothing does it read the call to say why (not found, duplicate, conflict). Then, in this order:
 * the dedupe key, the lead, the log, the slot row (deleted) and the call's counter shard. It takes
 * no lock that another call's webhook takes: not the campaign row, not a counter other calls share.
 * Deadlock-free: a claim never waits for a call row or a shard.
 */
public final class Transitions {
  private static final int MAX_KEY = 255;

  private final Tables t;
  private final CampaignRows campaigns;
  private final LeadRows leads;
  private final CallRows calls;
  private final SlotRows slots;
  private final LogRows log;

  public Transitions(
      Tables tables,
      CampaignRows campaigns,
      LeadRows leads,
      CallRows calls,
      SlotRows slots,
      LogRows log) {
    this.t = tables;
    this.campaigns = campaigns;
    this.leads = leads;
    this.calls = calls;
    this.slots = slots;
    this.log = log;
  }

  public TransitionResult apply(Connection c, CallTransition transition) throws SQLException {
    Call next = transition.call();
    String key = transition.dedupeKey() == null ? null : storedKey(transition.dedupeKey());
    if (!calls.guardedReplace(c, next, transition.expectedVersion(), key, t.dedupe)) {
      return refused(c, transition, key);
    }
    if (key != null) {
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO " + t.dedupe + " (call_id, dedupe_key) VALUES (?, ?)")) {
        s.setString(1, next.id().value());
        s.setString(2, key);
        s.executeUpdate();
      } catch (SQLException e) {
        if (!SqlErrors.isDuplicateKey(e)) {
          throw e;
        }
        // recorded by a racing transition: already done
        c.rollback();
        return new TransitionResult(
            Outcome.DUPLICATE, calls.find(c, next.id(), false).orElse(null));
      }
    }
    if (transition.leadOutcome() != null) {
      leads.end(c, next.leadId(), next.status(), transition.leadOutcome());
    }
    log.append(c, transition.log());
    if (transition.releaseSlot()) {
      slots.delete(c, next.id());
    }
    campaigns.addForCall(c, next.campaignId(), next.id(), transition.counters());
    return new TransitionResult(Outcome.APPLIED, next);
  }

  /**
   * Why a guarded update that ran on its own (one statement, auto-committed) changed nothing, from
   * a fresh read; {@code null} if that read cannot tell, because the call is as the transition
   * expects (then the transaction decides: a concurrent writer may have given way meanwhile).
   */
  public TransitionResult refusedAlone(Connection c, CallTransition transition)
      throws SQLException {
    String key = transition.dedupeKey() == null ? null : storedKey(transition.dedupeKey());
    TransitionResult why = refused(c, transition, key);
    return why.outcome() == Outcome.CONFLICT && why.call().version() == transition.expectedVersion()
        ? null
        : why;
  }

  /**
   * Why the guarded update changed nothing, in the contract's order: not found (or another
   * tenant's), a different identity (thrown), a recorded key, else a version conflict.
   */
  TransitionResult refused(Connection c, CallTransition transition, String key)
      throws SQLException {
    Call next = transition.call();
    Optional<Call> found = calls.find(c, next.id(), false);
    if (found.isEmpty() || !found.get().tenant().equals(next.tenant())) {
      return new TransitionResult(Outcome.NOT_FOUND, null);
    }
    Call stored = found.get();
    StoreArguments.sameIdentity(stored, next);
    if (key != null && dedupeRecorded(c, stored, key)) {
      return new TransitionResult(Outcome.DUPLICATE, stored);
    }
    return new TransitionResult(Outcome.CONFLICT, stored);
  }

  private boolean dedupeRecorded(Connection c, Call call, String key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM " + t.dedupe + " WHERE call_id = ? AND dedupe_key = ?")) {
      s.setString(1, call.id().value());
      s.setString(2, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Keys longer than the column are stored as their SHA-256. */
  static String storedKey(String key) {
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
