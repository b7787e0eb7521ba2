package dev.dialkit.provider.plivo;

import dev.dialkit.campaign.spi.FormFields;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the string Plivo's V3 signature covers, before {@code "." + nonce}. The reference is
 * plivo-python's {@code signature_v3.py} ({@link #of}); {@code base} is {@code
 * scheme://host[:port]/path} and Q, P the URL's query and the form body parameters, decoded:
 *
 * <ul>
 *   <li>GET: {@code base}, then {@code "?" + Q} as sorted {@code k=v} joined by {@code &} if Q is
 *       not empty;
 *   <li>POST with body parameters: {@code base + "?"}, then Q as above and {@code "."} if Q is not
 *       empty, then P as sorted {@code k + v} with no separators;
 *   <li>POST without body parameters: as GET.
 * </ul>
 *
 * Names, and the values of a repeated name, are sorted by code point (Python's {@code sorted}, Go's
 * {@code sort.Strings}).
 *
 * <p>Plivo's SDKs disagree in details, and which one Plivo's servers match is not documented, so
 * {@link #candidates} gives every string one of them computes for the request:
 *
 * <ul>
 *   <li>the port kept (plivo-python, -node, -go, -php) or dropped (plivo-java, -ruby, -dotnet);
 *   <li>the path as received, or percent-decoded (plivo-go's {@code URL.Path}, plivo-java's {@code
 *       URLDecoder} over the whole URL, plivo-dotnet's {@code LocalPath});
 *   <li>repeated names with every value, sorted (plivo-python, -node, -php), or their first value
 *       only (plivo-go's {@code url.Values}, and the {@code Map<String, String>} of plivo-java);
 *   <li>a POST without body parameters also as plivo-java writes it: {@code base + "?"} and, with a
 *       query, {@code base + "?" + Q + "."};
 *   <li>non-ASCII text encoded once as UTF-8 (plivo-python, -go, -node, -java, -ruby, -dotnet), or
 *       twice (plivo-php's {@code utf8_encode} of the whole string, which takes UTF-8 bytes for
 *       Latin-1 characters). plivo-python fails on a non-ASCII query value ({@code parse_qs} of
 *       bytes re-encodes the decoded value as ASCII), so it contributes no form of its own there.
 * </ul>
 *
 * Not tried: plivo-php's undecoded query values and plivo-java's decoding of the whole URL before
 * splitting it. Both differ from the forms above only when a query value holds a percent-escape,
 * and accepting them would let a signature over one query ({@code a=%2541}, read {@code a=%41})
 * vouch for another ({@code a=%41}, read {@code a=A}). Nor plivo-ruby's last value and
 * plivo-dotnet's greatest value of a repeated query name: Dialkit reads the first value, and those
 * readings would let a value put in front of a signed one be the one read.
 */
final class PlivoSigningString {
  private static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private PlivoSigningString() {}

  /**
   * plivo-python's signing string.
   *
   * @param method the HTTP method; anything but {@code GET} is signed as a POST
   * @param base {@code scheme://host[:port]/path}, no query
   * @param query the URL's query parameters, decoded
   * @param body the form body parameters, decoded; ignored for a GET
   */
  static String of(
      String method, String base, Map<String, List<String>> query, Map<String, List<String>> body) {
    boolean withBody = !"GET".equals(method) && !body.isEmpty();
    String q = sorted(query, "=", "&", false);
    String p = withBody ? sorted(body, "", "", false) : "";
    return join(base, q, p, withBody);
  }

  /**
   * Every string an official SDK may have signed for a request to {@code url} (as called) with
   * these query and body parameters; {@code body} is ignored for a GET.
   */
  static Set<String> candidates(String method, URI url, FormFields query, FormFields body) {
    boolean get = "GET".equals(method);
    Map<String, List<String>> q = query.byName();
    Map<String, List<String>> p = get ? Map.of() : body.byName();
    boolean withBody = !p.isEmpty();
    boolean repeated = repeats(q) || repeats(p);
    Set<String> strings = new LinkedHashSet<>();
    for (String base : bases(url)) {
      for (boolean firstOnly : repeated ? List.of(false, true) : List.of(false)) {
        String qs = sorted(q, "=", "&", firstOnly);
        String ps = sorted(p, "", "", firstOnly);
        strings.add(join(base, qs, ps, withBody));
        strings.add(twice(join(base, qs, ps, withBody))); // plivo-php
        if (!get && !withBody) {
          strings.add(base + "?" + (qs.isEmpty() ? "" : qs + ".")); // plivo-java
        }
      }
    }
    return strings;
  }

  private static String join(String base, String query, String body, boolean withBody) {
    if (!withBody) {
      return query.isEmpty() ? base : base + "?" + query;
    }
    return base + "?" + query + (query.isEmpty() ? "" : ".") + body;
  }

  /**
   * {@code scheme://host[:port]/path} with the port as received, without it, and with the scheme's
   * default port if none was received (the URL configured at Plivo may have had it); each with the
   * path as received and decoded. None if the URL has no host.
   */
  private static Set<String> bases(URI url) {
    Set<String> bases = new LinkedHashSet<>();
    if (url.getHost() == null || url.getScheme() == null) {
      return bases;
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int defaultPort = scheme.equals("https") ? 443 : 80;
    List<String> authorities = new ArrayList<>();
    authorities.add(url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
    authorities.add(url.getHost());
    if (url.getPort() < 0) {
      authorities.add(url.getHost() + ":" + defaultPort);
    }
    for (String path : paths(url)) {
      for (String authority : authorities) {
        bases.add(scheme + "://" + authority + path);
      }
    }
    return bases;
  }

  private static List<String> paths(URI url) {
    String raw = url.getRawPath() == null ? "" : url.getRawPath();
    List<String> paths = new ArrayList<>(List.of(raw));
    if (raw.indexOf('%') >= 0 && url.getPath() != null) {
      paths.add(url.getPath());
    }
    return paths;
  }

  /** The base of {@code url} as plivo-python computes it: {@code scheme://netloc/path}. */
  static String base(URI url) {
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    return url.getScheme() + "://" + url.getHost() + port + url.getRawPath();
  }

  private static boolean repeats(Map<String, List<String>> params) {
    return params.values().stream().anyMatch(values -> values.size() > 1);
  }

  private static String sorted(
      Map<String, List<String>> params, String equals, String between, boolean firstOnly) {
    List<String> pairs = new ArrayList<>();
    TreeMap<String, List<String>> byName = new TreeMap<>(CODE_POINT_ORDER);
    byName.putAll(params);
    byName.forEach(
        (name, values) -> {
          List<String> signed = new ArrayList<>(values);
          if (firstOnly) {
            signed = signed.subList(0, Math.min(1, signed.size()));
          }
          signed.sort(CODE_POINT_ORDER);
          signed.forEach(value -> pairs.add(name + equals + value));
        });
    return String.join(between, pairs);
  }

  /** {@code text} as UTF-8 bytes read as Latin-1: encoded as UTF-8 again, it is encoded twice. */
  private static String twice(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
