package dev.dialkit.campaign.spi;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * URL handling for webhook signature checks. Providers sign the URL they called, which is not the
 * URL the host sees behind a TLS-terminating proxy or tunnel, and they have been inconsistent about
 * writing the default port. A provider verifies a signature against every candidate of {@link
 * #candidates} and accepts the request if any matches.
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

  /**
   * The forms a provider may have signed {@code url} in: as given, without its default port if it
   * has one, and with the default port written out if it has none ({@code :443} for https, {@code
   * :80} for http). Non-default ports are kept as they are.
   */
  public static List<String> candidates(URI url) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(url.toString());
    int defaultPort = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    String authority = url.getRawAuthority();
    String host = url.getHost();
    String prefix = url.getScheme() + "://";
    String rest = url.toString().substring(prefix.length() + authority.length());
    String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@";
    if (url.getPort() == defaultPort) {
      forms.add(prefix + userInfo + host + rest);
    } else if (url.getPort() == -1) {
      forms.add(prefix + userInfo + host + ":" + defaultPort + rest);
    }
    return List.copyOf(forms);
  }
}
