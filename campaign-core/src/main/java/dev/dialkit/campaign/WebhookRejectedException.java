package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;

/**
 * A webhook was not applied: its signature did not verify, its body could not be parsed, or it
 * names a call that does not exist. {@link #httpStatus()} is the 4xx status the host should answer
 * with; nothing was changed.
 */
public class WebhookRejectedException extends DialkitException {
  /** Why the webhook was rejected. */
  public enum Reason {
    /** Missing, forged or altered signature: 403. */
    SIGNATURE(403),
    /** The body or its content type could not be parsed, or a required field is missing: 400. */
    MALFORMED(400),
    /** The body is larger than the configured cap: 413. */
    TOO_LARGE(413),
    /** No such call (for this tenant): 404. */
    UNKNOWN_CALL(404),
    /** The webhook names no provider this dialer knows: 404. */
    UNKNOWN_PROVIDER(404);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  /** The longest message kept: it becomes a response body and a log line. */
  public static final int MAX_MESSAGE = 300;

  private final Reason reason;

  /**
   * A rejection for {@code reason}. The message is escaped (control characters) and capped at
   * {@value #MAX_MESSAGE} characters here, since it may hold values from the request and is
   * answered to the caller and logged.
   */
  public WebhookRejectedException(Reason reason, String message) {
    super(Untrusted.escape(message, MAX_MESSAGE));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public int httpStatus() {
    return reason.httpStatus();
  }
}
