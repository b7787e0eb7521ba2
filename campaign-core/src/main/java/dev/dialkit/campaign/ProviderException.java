package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;

/**
 * A {@code CallProvider} request failed.
 *
 * <ul>
 *   <li>{@link #isRetryable()}: the provider certainly did not act on the request (HTTP 429,
 *       connection refused before sending); it may be sent again after a backoff.
 *   <li>{@link #isAmbiguous()}: the request may or may not have been acted on (a timeout or a 5xx
 *       after the request was sent). Dialkit never re-sends such a request blindly; it reconciles
 *       the call first.
 *   <li>neither: a permanent failure (invalid number, unauthorised); the attempt ends with {@link
 *       #reason()}.
 * </ul>
 */
public class ProviderException extends DialkitException {
  /** How much of a provider's message is kept, escaped. */
  private static final int MAX_MESSAGE = 500;

  private final String provider;
  private final int httpStatus;
  private final String providerCode;
  private final FailureReason reason;
  private final boolean retryable;
  private final boolean ambiguous;

  /**
   * @param provider the provider's name
   * @param httpStatus the HTTP status, or 0 when no response was received
   * @param providerCode the provider's own error code, or {@code null}
   * @param reason the failure reason the attempt ends with if this is not retried
   * @param retryable the provider certainly did not act on the request
   * @param ambiguous the provider may have acted on the request
   */
  public ProviderException(
      String provider,
      String message,
      int httpStatus,
      String providerCode,
      FailureReason reason,
      boolean retryable,
      boolean ambiguous,
      Throwable cause) {
    // the message and the code come from the provider's response, which is network input: they
    // are escaped and capped so that they cannot forge or flood a log line
    super(
        provider
            + ": "
            + Untrusted.escape(message, MAX_MESSAGE)
            + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "")
            + (providerCode != null
                ? " [code " + Untrusted.escape(providerCode, Untrusted.MAX_ECHO) + "]"
                : ""),
        cause);
    if (retryable && ambiguous) {
      throw new IllegalArgumentException("a provider failure cannot be retryable and ambiguous");
    }
    this.provider = provider;
    this.httpStatus = httpStatus;
    this.providerCode = providerCode;
    this.reason = reason == null ? FailureReason.UNKNOWN : reason;
    this.retryable = retryable;
    this.ambiguous = ambiguous;
  }

  public String provider() {
    return provider;
  }

  /** The HTTP status, or 0 when no response was received. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The provider's own error code, or {@code null}. */
  public String providerCode() {
    return providerCode;
  }

  public FailureReason reason() {
    return reason;
  }

  public boolean isRetryable() {
    return retryable;
  }

  public boolean isAmbiguous() {
    return ambiguous;
  }
}
