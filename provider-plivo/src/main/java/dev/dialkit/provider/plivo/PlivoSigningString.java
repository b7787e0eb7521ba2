package dev.dialkit.provider.plivo;

import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the string Plivo's V3 signature covers, before {@code "." + nonce}, as plivo-python's
 * {@code signature_v3.py} does. {@code base} is {@code scheme://host[:port]/path} and {@code Q} the
 * URL's query parameters, decoded:
 *
 * <ul>
 *   <li>GET: {@code base}, then {@code "?" + Q} as sorted {@code k=v} joined by {@code &} if Q is
 *       not empty;
 *   <li>POST with body parameters P: {@code base + "?"}, then Q as above and {@code "."} if Q is
 *       not empty, then P as sorted {@code k + v} with no separators;
 *   <li>POST without body parameters: as GET.
 * </ul>
 *
 * Names and the values of a repeated name are sorted in {@link String} order.
 */
final class PlivoSigningString {
  private PlivoSigningString() {}

  /**
   * @param method the HTTP method; anything but {@code GET} is signed as a POST
   * @param base {@code scheme://host[:port]/path}, no query
   * @param query the URL's query parameters, decoded
   * @param body the form body parameters, decoded; ignored for a GET
   */
  static String of(
      String method, String base, Map<String, List<String>> query, Map<String, List<String>> body) {
    String sortedQuery = sorted(query, "=", "&");
    StringBuilder data = new StringBuilder(base);
    if ("GET".equals(method) || body.isEmpty()) {
      return sortedQuery.isEmpty() ? base : data.append('?').append(sortedQuery).toString();
    }
    data.append('?').append(sortedQuery);
    if (!sortedQuery.isEmpty()) {
      data.append('.');
    }
    return data.append(sorted(body, "", "")).toString();
  }

  /** {@code scheme://authority/path} of {@code url}, without user info and query. */
  static String base(URI url) {
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    return url.getScheme() + "://" + url.getHost() + port + url.getRawPath();
  }

  /** {@code scheme://host/path} of {@code url}: no port, as plivo-java computes it. */
  static String baseWithoutPort(URI url) {
    return url.getScheme() + "://" + url.getHost() + url.getRawPath();
  }

  /** Decodes the query of a URL given as text. */
  static Map<String, List<String>> query(URI url) {
    return WebhookRequest.decodeForm(url.getRawQuery());
  }

  private static String sorted(Map<String, List<String>> params, String equals, String between) {
    List<String> pairs = new ArrayList<>();
    new TreeMap<>(params)
        .forEach(
            (name, values) ->
                values.stream().sorted().forEach(value -> pairs.add(name + equals + value)));
    return String.join(between, pairs);
  }
}
