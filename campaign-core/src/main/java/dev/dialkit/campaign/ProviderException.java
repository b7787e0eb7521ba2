package dev.dialkit.campaign;

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
    super(
        provider
            + ": "
            + message
            + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "")
            + (providerCode != null ? " [code " + providerCode + "]" : ""),
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
