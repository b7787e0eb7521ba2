package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Lead;

/** What a claim produced: a lead and its new call, or the reason nothing was claimed. */
public sealed interface ClaimResult {
  /** A lead was claimed: it is {@code IN_PROGRESS}, a slot is held, the call is stored. */
  record Claimed(Lead lead, Call call) implements ClaimResult {}

  /** Nothing was claimed and nothing changed. */
  record Denied(Reason reason) implements ClaimResult {}

  /** Why nothing was claimed. */
  enum Reason {
    /** The global limit is reached. */
    GLOBAL_LIMIT,
    /** The tenant's limit is reached. */
    TENANT_LIMIT,
    /** The campaign's limit is reached. */
    CAMPAIGN_LIMIT,
    /** No queued lead is due. */
    NO_DUE_LEAD,
    /** The campaign is not {@code RUNNING}. */
    NOT_RUNNING,
    /** The claimer does not hold the campaign's lease. */
    NOT_LEASE_OWNER
  }

  static ClaimResult denied(Reason reason) {
    return new Denied(reason);
  }
}
