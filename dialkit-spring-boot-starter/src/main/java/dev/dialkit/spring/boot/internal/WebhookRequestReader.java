package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.ProviderSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads a webhook with dialkit-servlet's {@link dev.dialkit.servlet.ServletWebhookRequests} (raw
 * body, every header, the URL as the provider called it), from the starter's settings: the public
 * base URL is {@code dialkit.public-base-url}, or without it the request's own scheme, host and
 * port, which {@code X-Forwarded-*} may replace only when trusted.
 */
public final class WebhookRequestReader {
  private static final String PROPERTY = "dialkit.public-base-url";

  private final URI publicBaseUrl;
  private final boolean trustForwardedHeaders;
  private final int maxBodyBytes;

  /**
   * @param publicBaseUrl {@code dialkit.public-base-url}, or {@code null}
   * @throws InvalidConfigurationException naming {@code dialkit.public-base-url} if it is not an
   *     absolute http(s) URL without query, fragment or user info
   */
  public WebhookRequestReader(
      String publicBaseUrl, boolean trustForwardedHeaders, int maxBodyBytes) {
    this.publicBaseUrl = publicBaseUrl == null ? null : checked(publicBaseUrl);
    this.trustForwardedHeaders = trustForwardedHeaders;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * @throws WebhookRejectedException 413 for a body over the limit (nothing past it is read), 400
   *     for a request that makes no valid URL
   * @throws IOException if the body cannot be read
   */
  public WebhookRequest from(HttpServletRequest request) throws IOException {
    URI base = publicBaseUrl != null ? publicBaseUrl : ownOrigin(request);
    URI url =
        dev.dialkit.servlet.ServletWebhookRequests.publicUrl(request, base, trustForwardedHeaders);
    return dev.dialkit.servlet.ServletWebhookRequests.from(request, url, maxBodyBytes);
  }

  private static URI checked(String url) {
    return dev.dialkit.servlet.ServletWebhookRequests.checkPublicBaseUrl(
        PROPERTY, ProviderSettings.httpUrl(PROPERTY, url));
  }

  /**
   * The request's scheme, host and port; a scheme's default port is left out, as a client would.
   */
  private static URI ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equalsIgnoreCase(scheme) && port == 80)
            || ("https".equalsIgnoreCase(scheme) && port == 443);
    try {
      return new URI(
          scheme, null, request.getServerName(), defaultPort ? -1 : port, null, null, null);
    } catch (URISyntaxException e) {
      throw new WebhookRejectedException(
          WebhookRejectedException.Reason.MALFORMED, "the request's host is not a valid URL part");
    }
  }
}
