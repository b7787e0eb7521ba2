package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.spring.boot.DialkitProperties;
import org.springframework.core.env.Environment;

/**
 * The callback URL handed to a provider: {@code dialkit.public-base-url}, the servlet context path,
 * the DispatcherServlet's path and {@code dialkit.webhooks.path}, then the provider's name. It is
 * the URL the webhook controller answers, as the provider reaches it.
 */
public final class CallbackBase {
  private CallbackBase() {}

  /**
   * @throws InvalidConfigurationException naming {@code dialkit.public-base-url} when it is unset
   */
  public static String of(DialkitProperties properties, Environment env, String provider) {
    String base = properties.getPublicBaseUrl();
    if (base == null || base.isBlank()) {
      throw new InvalidConfigurationException(
          "dialkit.public-base-url",
          null,
          "is required for provider "
              + provider
              + " (or set dialkit.providers."
              + provider
              + ".callback-base-url)");
    }
    return trimSlash(base.trim())
        + path(env.getProperty("server.servlet.context-path"))
        + path(env.getProperty("spring.mvc.servlet.path"))
        + path(properties.getWebhooks().getPath())
        + "/"
        + provider;
  }

  /** {@code path} with one leading slash and none trailing; {@code ""} for none or {@code /}. */
  public static String path(String path) {
    if (path == null || path.isBlank()) {
      return "";
    }
    String p = trimSlash(path.trim());
    return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
  }

  private static String trimSlash(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }
}
