package dev.dialkit.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a campaign: {@code DRAFT -> RUNNING <-> PAUSED -> COMPLETED | CANCELED | FAILED}.
 * {@code SCHEDULED} is a running campaign that waits outside its calling window. Stores change the
 * status only by compare-and-set, so two instances can never both start or finish a campaign. One
 * way back: a callback asked for a lead of a {@code COMPLETED} campaign (the disposition of its
 * last call comes after it completed) reopens it to {@code RUNNING}, inside the store's atomic
 * {@code scheduleCallback}; {@link #canMoveTo} does not allow it otherwise.
 */
public enum CampaignStatus {
  DRAFT,
  RUNNING,
  SCHEDULED,
  PAUSED,
  COMPLETED,
  CANCELED,
  FAILED;

  /** Statuses in which the executor places new calls (or waits for the window to open). */
  public static final Set<CampaignStatus> ACTIVE = EnumSet.of(RUNNING, SCHEDULED);

  /**
   * Whether the campaign is over: nothing is dialed any more. A {@code COMPLETED} one is reopened
   * only by a callback (see above); {@code CANCELED} and {@code FAILED} are for good.
   */
  public boolean isFinal() {
    return this == COMPLETED || this == CANCELED || this == FAILED;
  }

  /** Whether a campaign may move from this status to {@code next}. */
  public boolean canMoveTo(CampaignStatus next) {
    return switch (this) {
      case DRAFT -> next == RUNNING || next == CANCELED;
      case RUNNING -> next != DRAFT && next != RUNNING;
      case SCHEDULED -> next != DRAFT && next != SCHEDULED;
      case PAUSED -> next == RUNNING || next == SCHEDULED || next == CANCELED || next == FAILED;
      case COMPLETED, CANCELED, FAILED -> false;
    };
  }
}
