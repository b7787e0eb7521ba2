package dev.dialkit.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A lead as stored.
 *
 * @param id the lead's id
 * @param tenant the campaign's tenant
 * @param campaignId its campaign
 * @param phone the number to dial; unique within the campaign
 * @param name the person's name, or {@code null}
 * @param email the person's email, or {@code null}
 * @param company the person's company, or {@code null}
 * @param variables per-call variables for the agent
 * @param timeZone the time zone its calling window is checked in: as given at import, else taken
 *     from the number, else the campaign's window zone
 * @param priority higher is dialed first
 * @param sequence the store's insertion order within the campaign (first in, first out within a
 *     priority); 0 before the store assigned it
 * @param attempts calls placed to it so far
 * @param state where it stands
 * @param nextAttemptAt not to be dialed before this instant
 * @param lastOutcome the terminal status of its last call, or {@code null}
 * @param createdAt when it was added
 * @param hold why the store last passed it over at a claim (its number suppressed, or at an attempt
 *     cap), or {@code null}; cleared when it is claimed
 */
public record Lead(
    LeadId id,
    TenantId tenant,
    CampaignId campaignId,
    PhoneNumber phone,
    String name,
    String email,
    String company,
    Map<String, String> variables,
    ZoneId timeZone,
    int priority,
    long sequence,
    int attempts,
    LeadState state,
    Instant nextAttemptAt,
    CallStatus lastOutcome,
    Instant createdAt,
    LeadHold hold) {

  public Lead {
    if (id == null || tenant == null || campaignId == null || phone == null || state == null) {
      throw new IllegalArgumentException("lead id, tenant, campaign, phone and state are required");
    }
    if (nextAttemptAt == null || createdAt == null || timeZone == null) {
      throw new IllegalArgumentException("lead nextAttemptAt, createdAt and timeZone are required");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("lead attempts must be >= 0, was " + attempts);
    }
    variables = Map.copyOf(variables == null ? Map.of() : variables);
  }

  /** A lead with no hold. */
  public Lead(
      LeadId id,
      TenantId tenant,
      CampaignId campaignId,
      PhoneNumber phone,
      String name,
      String email,
      String company,
      Map<String, String> variables,
      ZoneId timeZone,
      int priority,
      long sequence,
      int attempts,
      LeadState state,
      Instant nextAttemptAt,
      CallStatus lastOutcome,
      Instant createdAt) {
    this(
        id,
        tenant,
        campaignId,
        phone,
        name,
        email,
        company,
        variables,
        timeZone,
        priority,
        sequence,
        attempts,
        state,
        nextAttemptAt,
        lastOutcome,
        createdAt,
        null);
  }

  /** This lead with {@code hold} recorded. */
  public Lead withHold(LeadHold hold) {
    return new Lead(
        id,
        tenant,
        campaignId,
        phone,
        name,
        email,
        company,
        variables,
        timeZone,
        priority,
        sequence,
        attempts,
        state,
        nextAttemptAt,
        lastOutcome,
        createdAt,
        hold);
  }

  /** This queued lead passed over because its number is suppressed: {@code SKIPPED} for good. */
  public Lead suppressed() {
    return moved(attempts, LeadState.SKIPPED, nextAttemptAt, lastOutcome, LeadHold.SUPPRESSED);
  }

  /** This queued lead set aside because its campaign's schedule ended: {@code SKIPPED} for good. */
  public Lead expired() {
    return moved(attempts, LeadState.SKIPPED, nextAttemptAt, lastOutcome, LeadHold.EXPIRED);
  }

  /** This queued lead passed over at attempt cap {@code cap}, due again at {@code allowedAt}. */
  public Lead capped(LeadHold cap, Instant allowedAt) {
    return moved(attempts, state, allowedAt, lastOutcome, cap);
  }

  /**
   * A queued lead made from {@code lead}, due at {@code now}, in the lead's own time zone or UTC if
   * it has none.
   */
  public static Lead queued(
      LeadId id, TenantId tenant, CampaignId campaignId, NewLead lead, Instant now) {
    return new Lead(
        id,
        tenant,
        campaignId,
        lead.phone(),
        lead.name(),
        lead.email(),
        lead.company(),
        lead.variables(),
        lead.timeZone() != null ? lead.timeZone() : java.time.ZoneOffset.UTC,
        lead.priority(),
        0,
        0,
        LeadState.QUEUED,
        now,
        null,
        now);
  }

  public Lead withSequence(long sequence) {
    return new Lead(
        id,
        tenant,
        campaignId,
        phone,
        name,
        email,
        company,
        variables,
        timeZone,
        priority,
        sequence,
        attempts,
        state,
        nextAttemptAt,
        lastOutcome,
        createdAt,
        hold);
  }

  /** This lead claimed for a new attempt; a hold it had is cleared (it is being dialed). */
  public Lead claimed() {
    return moved(attempts + 1, LeadState.IN_PROGRESS, nextAttemptAt, lastOutcome, null);
  }

  /**
   * This lead after its call ended, in {@code state}, due again at {@code next}; no hold (a claimed
   * lead has none).
   */
  public Lead ended(LeadState state, CallStatus outcome, Instant next, boolean refundAttempt) {
    return moved(refundAttempt ? attempts - 1 : attempts, state, next, outcome, null);
  }

  /**
   * This lead waiting for a callback at {@code at}: {@code QUEUED}, hold {@link LeadHold#CALLBACK},
   * one attempt given back with {@code refundAttempt} (never below zero).
   */
  public Lead callbackAt(Instant at, boolean refundAttempt) {
    int left = refundAttempt && attempts > 0 ? attempts - 1 : attempts;
    return moved(left, LeadState.QUEUED, at, lastOutcome, LeadHold.CALLBACK);
  }

  /** This queued lead ended by a disposition: {@code DONE}, no hold. */
  public Lead stopped() {
    return moved(attempts, LeadState.DONE, nextAttemptAt, lastOutcome, null);
  }

  /**
   * This lead with its queue state changed: the one place the per-state copies above go through.
   */
  private Lead moved(
      int attempts, LeadState state, Instant nextAttemptAt, CallStatus lastOutcome, LeadHold hold) {
    return new Lead(
        id,
        tenant,
        campaignId,
        phone,
        name,
        email,
        company,
        variables,
        timeZone,
        priority,
        sequence,
        attempts,
        state,
        nextAttemptAt,
        lastOutcome,
        createdAt,
        hold);
  }
}
