package dev.dialkit.examples.crash;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} both ways, repeated keys kept in order. */
final class Forms {
  private Forms() {}

  static Map<String, List<String>> decode(String encoded) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields
          .computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  static String encode(Map<String, List<String>> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, values) ->
            values.forEach(
                value ->
                    body.append(body.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
    return body.toString();
  }

  /** The first value of {@code name}, or {@code null}. */
  static String first(Map<String, List<String>> fields, String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The first value of a query parameter of {@code url}, or {@code null}. */
  static String queryParameter(URI url, String name) {
    return first(decode(url.getRawQuery()), name);
  }
}
