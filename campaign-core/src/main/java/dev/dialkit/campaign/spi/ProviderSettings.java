package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every provider builder makes of its common settings, with the same messages: each
 * throws {@link InvalidConfigurationException} naming the field and the bad value (never a secret).
 */
public final class ProviderSettings {
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private ProviderSettings() {}

  /**
   * A URL the provider calls back: absolute, {@code https} ({@code http} only for localhost), no
   * user info.
   */
  public static URI callbackUrl(String field, String url) {
    URI uri = parse(field, url);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new InvalidConfigurationException(field, url, "must be an absolute URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
      throw new InvalidConfigurationException(
          field, url, "must be https (http only for localhost)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidConfigurationException(
          field, "<with user info>", "must not carry user info");
    }
    return uri;
  }

  /** An absolute {@code http} or {@code https} URL with a host. */
  public static URI httpUrl(String field, String url) {
    URI uri = parse(field, url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new InvalidConfigurationException(field, url, "must be an absolute http(s) URL");
    }
    return uri;
  }

  /** {@code scheme://authority} of {@code url}: what a base URL or public base URL keeps. */
  public static URI origin(URI url) {
    return URI.create(url.getScheme() + "://" + url.getRawAuthority());
  }

  /** How long to wait for a provider's response: 100 ms to 5 min. */
  public static Duration requestTimeout(Duration timeout) {
    if (timeout == null
        || timeout.compareTo(Duration.ofMillis(100)) < 0
        || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new InvalidConfigurationException(
          "requestTimeout", timeout, "must be between PT0.1S and PT5M");
    }
    return timeout;
  }

  /** An account's calls per second: over 0, at most 1000. */
  public static double callsPerSecond(double cps) {
    if (!(cps > 0) || cps > 1000) {
      throw new InvalidConfigurationException("callsPerSecond", cps, "must be > 0 and <= 1000");
    }
    return cps;
  }

  /** A provider's name: 1 to 64 letters, digits or {@code -}. */
  public static String name(String name) {
    if (name == null || !name.matches("[A-Za-z0-9-]{1,64}")) {
      throw new InvalidConfigurationException(
          "name", name, "must be 1 to 64 letters, digits or '-'");
    }
    return name;
  }

  /** An HTTP client, not null. */
  public static HttpClient httpClient(HttpClient client) {
    if (client == null) {
      throw new InvalidConfigurationException("httpClient", null, "must not be null");
    }
    return client;
  }

  private static URI parse(String field, String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidConfigurationException(field, url, "is required");
    }
    try {
      return new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new InvalidConfigurationException(field, url, "must be a valid URL");
    }
  }
}
