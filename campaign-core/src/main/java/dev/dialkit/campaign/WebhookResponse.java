package dev.dialkit.campaign;

/**
 * What the host answers a provider's callback with.
 *
 * @param status the HTTP status
 * @param contentType the body's content type
 * @param body the body; never {@code null}
 */
public record WebhookResponse(int status, String contentType, String body) {
  public WebhookResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status, was " + status);
    }
    contentType = contentType == null ? "text/plain; charset=utf-8" : contentType;
    body = body == null ? "" : body;
  }

  /** 200 with an empty body: the update was taken (applied, or recorded as a duplicate). */
  public static WebhookResponse ok() {
    return new WebhookResponse(200, null, "");
  }

  /** The 4xx that {@code rejection} calls for, with its message. */
  public static WebhookResponse rejected(WebhookRejectedException rejection) {
    return new WebhookResponse(rejection.httpStatus(), null, rejection.getMessage());
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
