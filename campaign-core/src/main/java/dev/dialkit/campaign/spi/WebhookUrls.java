package dev.dialkit.campaign.spi;

import java.net.URI;

/**
 * URL handling for webhook signature checks. Providers sign the URL they called, which is not the
 * URL the host sees behind a TLS-terminating proxy or tunnel: {@link #asCalled} rebuilds it from
 * the public base the host configured. Which further forms of that URL a signature may cover (with
 * or without a default port, re-encoded by an SDK) is each provider's own rule.
 */
public final class WebhookUrls {
  private WebhookUrls() {}

  /**
   * The URL as the provider called it: {@code received} with the scheme, host and port of {@code
   * publicBase} (when one is configured) and its own path and query.
   */
  public static URI asCalled(URI received, URI publicBase) {
    if (publicBase == null) {
      return received;
    }
    String query = received.getRawQuery() == null ? "" : "?" + received.getRawQuery();
    return URI.create(
        publicBase.getScheme()
            + "://"
            + publicBase.getRawAuthority()
            + received.getRawPath()
            + query);
  }
}
