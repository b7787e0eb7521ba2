package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DialPermits;
import dev.dialkit.campaign.spi.Lease;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dial permit transaction, in this lock order:
 *
 * <ol>
 *   <li>the call row, {@code FOR UPDATE}: a transition or another permit of the same call waits for
 *       this one (or this one for it) and then sees its result, so at most one permit is granted
 *       per send and a release computed before the grant fails its version check;
 *   <li>the campaign row (status, lease, the schedule's end), with a lock that conflicts with every
 *       write of that row: shared on PostgreSQL ({@code FOR SHARE}) and MariaDB ({@code LOCK IN
 *       SHARE MODE}), so that the permits of one campaign do not wait for each other; {@code FOR
 *       UPDATE} on H2, which has no shared row lock. A pause, cancel or lease takeover that
 *       committed before is read here; one that has not committed yet waits until this permit has;
 *   <li>the lead, by a plain read: every writer of a lead (claims, transitions with a lead outcome,
 *       lead inserts) holds the campaign row's exclusive lock while it writes, which the lock of
 *       step 2 excludes, so the lead cannot change under this transaction;
 *   <li>whether the call's number is on the tenant's do-not-call list, by a plain read of its
 *       primary key: an entry committed before this read refuses the permit ({@code SUPPRESSED}),
 *       so a number suppressed while its call waited to be sent is not dialed;
 *   <li>then, on a grant, the call is written (version + 1, {@code sent_at}) and the log appended.
 * </ol>
 *
 * <p>It cannot deadlock with claims and transitions: a transition locks the call row first too, so
 * of a permit and a transition of one call the second waits holding nothing; a claim locks the
 * campaign row first but never waits for an existing call row (it inserts a new one); and after
 * taking the campaign lock this transaction waits for nothing (the lead read takes no lock, the
 * call row is already its own, the log row is new). No transaction holds the campaign row and then
 * waits for a call row, so no cycle can form.
 */
public final class Permits {
  private static final Logger log = LoggerFactory.getLogger(Permits.class);

  private final CallRows calls;
  private final LogRows callLog;
  private final SuppressionRows suppressions;
  private final String campaignSql;
  private final String leadSql;

  public Permits(
      Tables tables,
      JdbcDialect dialect,
      CallRows calls,
      LogRows callLog,
      SuppressionRows suppressions) {
    this.calls = calls;
    this.callLog = callLog;
    this.suppressions = suppressions;
    this.campaignSql =
        "SELECT status, lease_owner, lease_epoch, lease_expiry, schedule_end FROM "
            + tables.campaigns
            + " WHERE id = ? "
            + campaignLock(dialect);
    this.leadSql = "SELECT state, calls_made FROM " + tables.leads + " WHERE id = ?";
  }

  /** A lock that conflicts with UPDATE and FOR UPDATE but, where there is one, not with itself. */
  private static String campaignLock(JdbcDialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> "FOR SHARE";
      case MARIADB -> "LOCK IN SHARE MODE";
      case H2 -> "FOR UPDATE";
    };
  }

  public DialPermit request(Connection c, PermitRequest request) throws SQLException {
    Optional<Call> found = calls.find(c, request.callId(), true);
    if (found.isEmpty() || !found.get().tenant().equals(request.tenant())) {
      return new DialPermit.Denied(DialPermit.Reason.CALL_NOT_FOUND, null);
    }
    Call stored = found.get();
    CampaignStatus status = null;
    Lease lease = null;
    Instant scheduleEnd = null;
    try (PreparedStatement s = c.prepareStatement(campaignSql)) {
      s.setString(1, stored.campaignId().value());
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          status = CampaignStatus.valueOf(r.getString("status"));
          lease = LeaseRows.stored(r);
          scheduleEnd = Columns.getInstant(r, "schedule_end");
        }
      }
    }
    LeadState leadState = null;
    int lastAttempt = 0;
    try (PreparedStatement s = c.prepareStatement(leadSql)) {
      s.setString(1, stored.leadId().value());
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          leadState = LeadState.valueOf(r.getString("state"));
          lastAttempt = r.getInt("calls_made");
        }
      }
    }
    boolean suppressed = suppressions.contains(c, stored.tenant(), stored.to());
    DialPermit.Reason refusal =
        DialPermits.refusal(
            request,
            stored,
            status,
            lease,
            leadState,
            lastAttempt,
            suppressed,
            scheduleEnd == null ? null : CampaignSchedule.endingAt(scheduleEnd));
    if (refusal != null) {
      log.debug(
          "dial permit for call {} (dialer {}, epoch {}) refused: {}",
          stored.id(),
          request.owner(),
          request.epoch(),
          refusal);
      return new DialPermit.Denied(refusal, stored);
    }
    Call granted = DialPermits.granted(stored, request);
    if (!calls.guardedReplace(c, granted, stored.version(), null, null)) {
      // the row is locked by this transaction since it was read: its version cannot have moved
      throw new IllegalStateException("call " + stored.id() + " changed under its row lock");
    }
    callLog.append(c, request.log());
    return new DialPermit.Granted(granted);
  }
}
