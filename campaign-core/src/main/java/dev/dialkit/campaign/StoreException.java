package dev.dialkit.campaign;

/**
 * The {@code CampaignStore} failed to read or write (the database is unreachable, a statement
 * failed). {@link #isTransient()} tells whether the same operation may succeed later; the dialing
 * executor backs off and retries transient failures instead of failing a campaign.
 */
public class StoreException extends DialkitException {
  private final boolean transientFailure;

  public StoreException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public StoreException(String message, boolean transientFailure) {
    super(message);
    this.transientFailure = transientFailure;
  }

  /** Whether retrying later may succeed (connection lost, deadlock, timeout). */
  public boolean isTransient() {
    return transientFailure;
  }
}
