package dev.dialkit.servlet.internal;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.ProviderSettings;
import java.net.URI;
import java.util.Locale;

/**
 * Where the host is reachable from the providers: scheme, authority and a path prefix, under which
 * a request's own path is put to make the URL the provider called.
 *
 * @param scheme {@code http} or {@code https}
 * @param authority host and optional port, as written in a URL
 * @param pathPrefix raw path without a trailing {@code /}; {@code ""} for none
 */
public record PublicBase(String scheme, String authority, String pathPrefix) {

  /**
   * Checks and splits {@code url}: absolute {@code http(s)} with a host, no query, no fragment, no
   * user info.
   *
   * @throws InvalidConfigurationException naming {@code field} otherwise
   */
  public static PublicBase of(String field, URI url) {
    Required.check(field, url);
    ProviderSettings.httpUrl(field, url.toString());
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      // not echoed: user info may hold a password
      throw new InvalidConfigurationException(
          field,
          "<with query, fragment or user info>",
          "must have no query, fragment or user info");
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new PublicBase(scheme, url.getRawAuthority(), path);
  }

  /** This base with {@code override}'s parts where it has them. */
  public PublicBase with(ForwardedHeaders.Parts override) {
    return new PublicBase(
        override.scheme() != null ? override.scheme() : scheme,
        override.authority() != null ? override.authority() : authority,
        override.prefix() != null ? override.prefix() : pathPrefix);
  }

  /** The full URL of a request for {@code rawPath} and {@code rawQuery} ({@code null}: none). */
  public String url(String rawPath, String rawQuery) {
    StringBuilder url =
        new StringBuilder(scheme).append("://").append(authority).append(pathPrefix);
    url.append(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
    if (rawQuery != null) {
      url.append('?').append(rawQuery);
    }
    return url.toString();
  }
}
