package dev.dialkit.provider.twilio.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An http(s) URL as the WHATWG URL Standard serialises it, which is what twilio-node's validator
 * signs ({@code new URL(url)} in {@code webhooks.ts}): scheme and host in lower case, the scheme's
 * default port dropped, {@code .} and {@code ..} path segments resolved, an empty path written
 * {@code /}, and non-ASCII characters (and {@code '} in the query) percent-encoded as UTF-8;
 * existing escapes are kept as they are.
 *
 * <p>Only what a {@link URI} can hold is handled: Java has already refused the characters WHATWG
 * would escape besides these. Not reproduced: IDNA (a non-ASCII host has no {@link URI#getHost()},
 * so no form is made) and IPv4/IPv6 canonicalisation (hosts are only lower-cased).
 */
final class WhatwgUrl {
  private static final String QUERY_SET = " \"#<>'";
  private static final String PATH_SET = " \"#<>?`{}";
  private static final String USERINFO_SET = PATH_SET + "/:;=@[\\]^|";
  private static final String FRAGMENT_SET = " \"<>`";

  private final String scheme;
  private final String username;
  private final String password;
  private final String host;
  private final int port;
  private final String path;
  private final String query;
  private final String fragment;

  private WhatwgUrl(
      String scheme,
      String username,
      String password,
      String host,
      int port,
      String path,
      String query,
      String fragment) {
    this.scheme = scheme;
    this.username = username;
    this.password = password;
    this.host = host;
    this.port = port;
    this.path = path;
    this.query = query;
    this.fragment = fragment;
  }

  /** {@code url} parsed as WHATWG parses it, or empty if it is not an http(s) URL with a host. */
  static Optional<WhatwgUrl> parse(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
      return Optional.empty();
    }
    String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String pass = colon < 0 ? "" : userInfo.substring(colon + 1);
    int port = url.getPort() == defaultPort(scheme) ? -1 : url.getPort();
    return Optional.of(
        new WhatwgUrl(
            scheme,
            encode(user, USERINFO_SET),
            encode(pass, USERINFO_SET),
            url.getHost().toLowerCase(Locale.ROOT),
            port,
            path(url.getRawPath()),
            url.getRawQuery() == null ? null : encode(url.getRawQuery(), QUERY_SET),
            url.getRawFragment() == null ? null : encode(url.getRawFragment(), FRAGMENT_SET)));
  }

  /** The same URL with no port: twilio-node's {@code removePort}. */
  WhatwgUrl withoutPort() {
    return new WhatwgUrl(scheme, username, password, host, -1, path, query, fragment);
  }

  /** The same URL with {@code query} (already encoded) instead of its own. */
  WhatwgUrl withQuery(String encodedQuery) {
    return new WhatwgUrl(scheme, username, password, host, port, path, encodedQuery, fragment);
  }

  /** The query, encoded, or {@code null} if the URL has none. */
  String query() {
    return query;
  }

  /** The serialisation ({@code href}, {@code toString()}). */
  String href() {
    return scheme
        + "://"
        + credentials()
        + host
        + (port < 0 ? "" : ":" + port)
        + path
        + (query == null ? "" : "?" + query)
        + (fragment == null ? "" : "#" + fragment);
  }

  /**
   * twilio-node's {@code addPort}: without a port, the URL rebuilt with the scheme's default port
   * written out (from {@code pathname}, {@code search} and {@code hash}, which drop an empty query
   * or fragment); with a port, {@link #href()}.
   */
  String withDefaultPort() {
    if (port >= 0) {
      return href();
    }
    return scheme
        + "://"
        + credentials()
        + host
        + ":"
        + defaultPort(scheme)
        + path
        + (query == null || query.isEmpty() ? "" : "?" + query)
        + (fragment == null || fragment.isEmpty() ? "" : "#" + fragment);
  }

  private String credentials() {
    if (username.isEmpty() && password.isEmpty()) {
      return "";
    }
    return username + (password.isEmpty() ? "" : ":" + password) + "@";
  }

  static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /** The path with dot segments resolved and non-ASCII escaped; {@code /} if empty. */
  private static String path(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    String[] segments = raw.substring(raw.startsWith("/") ? 1 : 0).split("/", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      String s = segments[i].toLowerCase(Locale.ROOT).replace("%2e", ".");
      if (s.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        if (last) {
          out.add("");
        }
      } else if (s.equals(".")) {
        if (last) {
          out.add("");
        }
      } else {
        out.add(encode(segments[i], PATH_SET));
      }
    }
    return "/" + String.join("/", out);
  }

  /**
   * Percent-encodes, as UTF-8, C0 controls, DEL, non-ASCII and the characters of {@code set};
   * everything else, {@code %} included, is kept.
   */
  private static String encode(String raw, String set) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp > 0x7e || set.indexOf(cp) >= 0) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                  out.append('%').append(String.format("%02X", b & 0xff));
                }
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
