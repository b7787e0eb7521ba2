package dev.dialkit.campaign;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A provider's HTTP callback as the host received it, independent of any web framework.
 *
 * @param method the HTTP method, upper case
 * @param url the full URL as the provider called it, including the query string; behind a proxy,
 *     the public URL (providers sign the URL they called)
 * @param headers the request headers; names are matched case-insensitively
 * @param body the raw body as text (UTF-8), empty if none
 */
public record WebhookRequest(
    String method, URI url, Map<String, List<String>> headers, String body) {

  public WebhookRequest {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("webhook method must not be blank");
    }
    method = method.toUpperCase(Locale.ROOT);
    if (url == null || !url.isAbsolute()) {
      throw new IllegalArgumentException("webhook url must be absolute, was " + url);
    }
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (name, values) -> copy.merge(name, List.copyOf(values), WebhookRequest::concat));
    }
    headers = java.util.Collections.unmodifiableMap(copy);
    body = body == null ? "" : body;
  }

  /** A form-encoded POST, as most providers send. */
  public static WebhookRequest formPost(URI url, Map<String, List<String>> headers, String body) {
    Map<String, List<String>> h = new LinkedHashMap<>(headers == null ? Map.of() : headers);
    h.putIfAbsent("Content-Type", List.of("application/x-www-form-urlencoded"));
    return new WebhookRequest("POST", url, h, body);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The media type of the body without parameters, lower case, or {@code ""}. */
  public String mediaType() {
    String type = header("Content-Type");
    if (type == null) {
      return "";
    }
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** The query parameters of {@link #url()}, decoded, repeated keys kept in order. */
  public Map<String, List<String>> queryParameters() {
    return decodeForm(url.getRawQuery());
  }

  /** The first value of a query parameter, or {@code null}. */
  public String queryParameter(String name) {
    List<String> values = queryParameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The body decoded as {@code application/x-www-form-urlencoded}, repeated keys kept in order.
   *
   * @throws IllegalArgumentException if the body is not valid form encoding
   */
  public Map<String, List<String>> formParameters() {
    return decodeForm(body);
  }

  /** Decodes {@code a=1&b=2&a=3}; keys keep their first-seen order, values their order. */
  public static Map<String, List<String>> decodeForm(String encoded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }
}
