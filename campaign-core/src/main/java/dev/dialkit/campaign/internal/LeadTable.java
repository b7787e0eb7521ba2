package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.spi.LeadOutcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The leads of every campaign by id, with how many calls each has had. Not thread-safe: the owning
 * store guards it.
 */
final class LeadTable {
  /** A lead just claimed and the attempt number of the call to place. */
  record Claim(Lead lead, int attempt) {}

  private static final class Entry {
    Lead lead;
    // calls ever stored for the lead: a refund lowers the lead's attempts, never this
    int calls;

    Entry(Lead lead) {
      this.lead = lead;
      this.calls = lead.attempts();
    }
  }

  private final Map<LeadId, Entry> leads = new HashMap<>();

  boolean contains(LeadId id) {
    return leads.containsKey(id);
  }

  Lead get(LeadId id) {
    return leads.get(id).lead;
  }

  void add(Lead lead) {
    leads.put(lead.id(), new Entry(lead));
  }

  /** Replaces the stored lead with {@code lead} (same id), keeping its call count. */
  void replace(Lead lead) {
    leads.get(lead.id()).lead = lead;
  }

  /**
   * Moves the lead to {@code IN_PROGRESS} with one more attempt. The call's attempt number is one
   * more than that of the lead's last call, so that a call id is never reused.
   */
  Claim claim(LeadId id, Predicate<CallId> callExists) {
    Entry entry = leads.get(id);
    entry.lead = entry.lead.claimed();
    int attempt = Math.max(entry.calls, entry.lead.attempts() - 1) + 1;
    while (callExists.test(CallId.forAttempt(id, attempt))) {
      attempt++;
    }
    entry.calls = attempt;
    return new Claim(entry.lead, attempt);
  }

  /** The attempt number of the lead's last call (0 before its first). */
  int lastAttempt(LeadId id) {
    return leads.get(id).calls;
  }

  /** Applies {@code outcome} to the lead of {@code call} and returns the lead as it is now. */
  Lead end(Call call, LeadOutcome outcome) {
    Entry entry = leads.get(call.leadId());
    Lead lead = entry.lead;
    CallStatus last = call.status().isTerminal() ? call.status() : lead.lastOutcome();
    Instant due = outcome.nextAttemptAt() != null ? outcome.nextAttemptAt() : lead.nextAttemptAt();
    boolean refund = outcome.refundAttempt() && lead.attempts() > 0;
    entry.lead = lead.ended(outcome.state(), last, due, refund);
    return entry.lead;
  }
}
