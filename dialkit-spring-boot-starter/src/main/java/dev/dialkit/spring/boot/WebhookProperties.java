package dev.dialkit.spring.boot;

/** {@code dialkit.webhooks.*}: the Spring MVC endpoint that takes providers' callbacks. */
public class WebhookProperties {
  /** Whether the webhook controller is registered (when Spring MVC is present). */
  private boolean enabled = true;

  /**
   * The path of the webhook route; callbacks arrive at <path>/<provider>. It is also the path of
   * the callback URLs handed to providers.
   */
  private String path = "/dialkit/webhooks";

  /**
   * Without dialkit.public-base-url, whether the URL a webhook's signature is checked against is
   * taken from X-Forwarded-Proto, -Host and -Port. Only behind a proxy that sets them: otherwise
   * anyone can.
   */
  private boolean trustForwardedHeaders = false;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public boolean isTrustForwardedHeaders() {
    return trustForwardedHeaders;
  }

  public void setTrustForwardedHeaders(boolean trustForwardedHeaders) {
    this.trustForwardedHeaders = trustForwardedHeaders;
  }
}
