package dev.dialkit.campaign.spi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the callback URLs a provider hands out. */
public final class CallbackUrls {
  private CallbackUrls() {}

  /**
   * {@code base} with {@code parameters} appended to its query (after any query it has), in the
   * map's iteration order, URL-encoded.
   */
  public static URI withParameters(URI base, Map<String, String> parameters) {
    StringBuilder url = new StringBuilder(base.toString());
    String fragment = null;
    int hash = url.indexOf("#");
    if (hash >= 0) {
      // Twilio's connection overrides live in the fragment; keep it last
      fragment = url.substring(hash);
      url.setLength(hash);
    }
    char sep = base.getRawQuery() == null ? '?' : '&';
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(parameters).entrySet()) {
      url.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    if (fragment != null) {
      url.append(fragment);
    }
    return URI.create(url.toString());
  }
}
