package dev.dialkit.provider.twilio.internal;

import dev.dialkit.campaign.spi.FormFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query re-encoded as Node's {@code querystring.stringify(querystring.parse(q))} does it, the
 * "legacy querystring" form twilio-node's {@code withLegacyQuerystring} also tries: {@code +} and
 * {@code %20} both become {@code %20}, {@code '} stays unescaped, everything but {@code
 * A-Za-z0-9-_.!~*'()} is escaped as UTF-8, repeated names are grouped at their first occurrence,
 * and names that are array indices ({@code 0}, {@code 42}) come first in numeric order, as a
 * JavaScript object orders its keys.
 */
final class LegacyQuerystring {
  private static final String UNESCAPED = "-_.!~*'()";

  private LegacyQuerystring() {}

  /**
   * The re-encoded query, or {@code null} if {@code query} is not valid form encoding (Node would
   * decode it leniently; such a query was never Twilio's).
   */
  static String of(String query) {
    return FormFields.decode(query).map(LegacyQuerystring::stringify).orElse(null);
  }

  private static String stringify(FormFields fields) {
    Map<String, List<String>> byName = fields.byName();
    List<String> names = new ArrayList<>();
    byName.keySet().stream()
        .filter(LegacyQuerystring::isArrayIndex)
        .sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
        .forEach(names::add);
    byName.keySet().stream().filter(n -> !isArrayIndex(n)).forEach(names::add);
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    names.forEach(n -> ordered.put(n, byName.get(n)));
    List<String> pairs = new ArrayList<>();
    ordered.forEach(
        (name, values) -> values.forEach(v -> pairs.add(escape(name) + "=" + escape(v))));
    return String.join("&", pairs);
  }

  /** A canonical array index of a JavaScript object: 0 to 2^32 - 2, no leading zero. */
  private static boolean isArrayIndex(String name) {
    if (name.isEmpty() || name.length() > 10 || (name.length() > 1 && name.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(name) < 0xFFFF_FFFFL;
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || (c < 0x80 && UNESCAPED.indexOf(c) >= 0);
      if (plain) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
