package dev.dialkit.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The public scheme, host and path prefix a reverse proxy reports: RFC 7239 {@code Forwarded}
 * ({@code proto}, {@code host} of its first element), else {@code X-Forwarded-Proto}, {@code
 * -Host}, {@code -Port} and {@code -Prefix} (first value of each). The client-facing proxy's entry
 * comes first. A value that is not well formed is ignored, so a forged header can at most name
 * another well-formed host, never inject text into the URL.
 */
public final class ForwardedHeaders {
  /** The parts found; {@code null} where the headers say nothing usable. */
  public record Parts(String scheme, String authority, String prefix) {}

  private static final Pattern HOST =
      Pattern.compile(
          "([A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)+/?");

  private ForwardedHeaders() {}

  public static Parts of(HttpServletRequest request) {
    String forwarded = request.getHeader("Forwarded");
    String proto = null;
    String host = null;
    if (forwarded != null) {
      String first = firstValue(forwarded);
      for (String pair : first.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
          String value = unquote(pair.substring(eq + 1).trim());
          if (name.equals("proto")) {
            proto = value;
          } else if (name.equals("host")) {
            host = value;
          }
        }
      }
    } else {
      proto = firstValue(request.getHeader("X-Forwarded-Proto"));
      host = firstValue(request.getHeader("X-Forwarded-Host"));
    }
    String scheme = proto == null ? null : proto.toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      scheme = null;
    }
    String authority = host != null && HOST.matcher(host).matches() ? host : null;
    String port = firstValue(request.getHeader("X-Forwarded-Port"));
    if (authority != null && !hasPort(authority) && port != null && PORT.matcher(port).matches()) {
      boolean defaultPort =
          ("443".equals(port) && !"http".equals(scheme))
              || ("80".equals(port) && "http".equals(scheme));
      authority = defaultPort ? authority : authority + ":" + port;
    }
    String prefix = firstValue(request.getHeader("X-Forwarded-Prefix"));
    if (prefix != null && !prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
      prefix = null;
    }
    if (prefix != null && prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return new Parts(scheme, authority, prefix);
  }

  private static boolean hasPort(String authority) {
    int bracket = authority.lastIndexOf(']');
    return authority.indexOf(':', bracket + 1) >= 0;
  }

  private static String firstValue(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String first = (comma < 0 ? header : header.substring(0, comma)).trim();
    return first.isEmpty() ? null : first;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
