package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallbackRequest;
import dev.dialkit.campaign.spi.CallbackResult;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.OutcomeRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of call outcomes and callbacks, each run by the store in one transaction: lock,
 * read, decide with {@link OutcomeRules}, write.
 */
public final class OutcomeWrites {
  private final CampaignRows campaigns;
  private final LeadRows leads;
  private final CallRows calls;
  private final LogRows log;
  private final OutcomeRows outcomes;
  private final CallbackRows leadWrites;

  public OutcomeWrites(
      Tables tables, CampaignRows campaigns, LeadRows leads, CallRows calls, LogRows log) {
    this.campaigns = campaigns;
    this.leads = leads;
    this.calls = calls;
    this.log = log;
    this.outcomes = new OutcomeRows(tables);
    this.leadWrites = new CallbackRows(tables);
  }

  public OutcomeRows rows() {
    return outcomes;
  }

  /** The call of the tenant, its row locked until commit; empty for another tenant's. */
  private Optional<Call> lockedCall(Connection c, TenantId tenant, CallId id) throws SQLException {
    return calls.find(c, id, true).filter(call -> call.tenant().equals(tenant));
  }

  public DispositionWrite disposition(
      Connection c,
      TenantId tenant,
      CallId id,
      Disposition disposition,
      Instant at,
      CallLogEntry entry)
      throws SQLException {
    Optional<Call> call = lockedCall(c, tenant, id);
    if (call.isEmpty()) {
      return new DispositionWrite(DispositionWrite.Result.NOT_FOUND, null, null);
    }
    Optional<CallOutcome> stored = outcomes.find(c, id);
    DispositionWrite write =
        OutcomeRules.disposition(call.get(), stored.orElse(null), disposition, at);
    if (write.result() != DispositionWrite.Result.UNCHANGED) {
      outcomes.save(c, write.outcome(), stored.isPresent());
      log.append(c, List.of(entry));
    }
    return write;
  }

  public Optional<CallOutcome> conversation(
      Connection c, TenantId tenant, CallId id, Conversation conversation, Instant at)
      throws SQLException {
    Optional<Call> call = lockedCall(c, tenant, id);
    if (call.isEmpty()) {
      return Optional.empty();
    }
    Optional<CallOutcome> stored = outcomes.find(c, id);
    CallOutcome next =
        stored
            .orElseGet(() -> CallOutcome.empty(call.get(), at))
            .withConversation(conversation, at);
    outcomes.save(c, next, stored.isPresent());
    return Optional.of(next);
  }

  public CallbackResult callback(Connection c, CallbackRequest request) throws SQLException {
    Optional<Lead> found = leads.find(c, request.tenant(), request.leadId());
    if (found.isEmpty()) {
      return new CallbackResult(CallbackResult.Result.NOT_FOUND, null);
    }
    // campaign row first, as claims and inserts lock it: completion and the requeue serialize
    campaigns.lock(c, found.get().campaignId());
    leadWrites.lock(c, request.leadId());
    Lead lead = leads.find(c, request.tenant(), request.leadId()).orElseThrow();
    Campaign campaign = campaigns.find(c, request.tenant(), lead.campaignId(), false).orElseThrow();
    CallbackResult result = OutcomeRules.callback(lead, campaign, request);
    if (result.result() == CallbackResult.Result.REOPENED) {
      campaigns.reopen(c, campaign.reopened(request.now()));
    }
    if (result.scheduled()) {
      leadWrites.write(c, result.lead());
      campaigns.addCounters(c, campaign.id(), OutcomeRules.counters(lead, result.lead()));
    }
    return result;
  }

  public Optional<Lead> stop(Connection c, TenantId tenant, LeadId id) throws SQLException {
    Optional<Lead> found = leads.find(c, tenant, id);
    if (found.isEmpty() || found.get().state() != LeadState.QUEUED) {
      return found;
    }
    campaigns.lock(c, found.get().campaignId());
    leadWrites.lock(c, id);
    Lead lead = leads.find(c, tenant, id).orElseThrow();
    Lead stopped = OutcomeRules.stop(lead);
    if (stopped != lead) {
      leadWrites.write(c, stopped);
      campaigns.addCounters(c, lead.campaignId(), OutcomeRules.counters(lead, stopped));
    }
    return Optional.of(stopped);
  }
}
