package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Lead;
import java.util.List;

/** What a claim produced: a lead and its new call, or the reason nothing was claimed. */
public sealed interface ClaimResult {
  /**
   * The due leads this claim passed over before it found one to dial or ran out, as they are now
   * stored: {@code SKIPPED} with hold {@code SUPPRESSED}, or deferred with an attempt-cap hold.
   */
  List<Lead> passedOver();

  /**
   * A lead was claimed: it is {@code IN_PROGRESS}, a slot is held, the call is stored.
   *
   * @param passedOver the due leads passed over first (see {@link ClaimResult#passedOver()})
   */
  record Claimed(Lead lead, Call call, List<Lead> passedOver) implements ClaimResult {
    public Claimed {
      passedOver = List.copyOf(passedOver);
    }

    public Claimed(Lead lead, Call call) {
      this(lead, call, List.of());
    }
  }

  /**
   * Nothing was claimed. Nothing changed, except the leads passed over ({@code NO_DUE_LEAD} only:
   * every due lead, or the most a claim passes over, was suppressed or capped). A claim denied for
   * another reason passes no lead over: a store that found the slot limits reached after passing
   * leads over rolls those back too.
   */
  record Denied(Reason reason, List<Lead> passedOver) implements ClaimResult {
    public Denied {
      passedOver = List.copyOf(passedOver);
    }

    public Denied(Reason reason) {
      this(reason, List.of());
    }
  }

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
    NOT_LEASE_OWNER,
    /**
     * The claim's {@code now} is outside the campaign's {@link
     * dev.dialkit.campaign.CampaignSchedule}: before its start or at or after its end. Checked with
     * the status, so an instance that wakes after the end cannot claim.
     */
    OUTSIDE_SCHEDULE
  }

  static ClaimResult denied(Reason reason) {
    return new Denied(reason);
  }
}
