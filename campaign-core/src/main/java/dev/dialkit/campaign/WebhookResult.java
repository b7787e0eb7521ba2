package dev.dialkit.campaign;

/**
 * What became of one webhook handed to {@link Webhooks#handle}, as a {@link DialerObserver} is
 * told. A webhook that carries several updates reports {@link #APPLIED} if any of them was applied,
 * else the result of its first update.
 */
public enum WebhookResult {
  /** A status update was applied to its call. */
  APPLIED,
  /** The same update was delivered again; nothing changed. */
  DUPLICATE,
  /** The update came after a later one, or after the call ended; nothing changed. */
  STALE,
  /** The provider sent a status Dialkit does not know; recorded, not applied. */
  UNKNOWN_STATUS,
  /** The call disappeared from the store while the update was applied; nothing changed. */
  CALL_GONE,
  /** The webhook was valid but carried no status update (a provider's ping, say). */
  IGNORED,
  /** Rejected: missing, forged or altered signature or token (403). */
  REJECTED_SIGNATURE,
  /** Rejected: the body could not be parsed or lacks a required field (400). */
  REJECTED_MALFORMED,
  /** Rejected: the body is larger than the configured cap (413). */
  REJECTED_TOO_LARGE,
  /** Rejected: no such call for the tenant and provider (404). */
  REJECTED_UNKNOWN_CALL,
  /** Rejected: the webhook names no provider of this dialer (404). */
  REJECTED_UNKNOWN_PROVIDER,
  /** Not applied: the store failed; answered 5xx so that the provider sends it again. */
  STORE_FAILED,
  /** Not applied: an unexpected failure (a bug); answered 500. */
  ERROR;

  /** The result of a webhook rejected for {@code reason}. */
  public static WebhookResult rejected(WebhookRejectedException.Reason reason) {
    return switch (reason) {
      case SIGNATURE -> REJECTED_SIGNATURE;
      case MALFORMED -> REJECTED_MALFORMED;
      case TOO_LARGE -> REJECTED_TOO_LARGE;
      case UNKNOWN_CALL -> REJECTED_UNKNOWN_CALL;
      case UNKNOWN_PROVIDER -> REJECTED_UNKNOWN_PROVIDER;
    };
  }
}
