package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.util.regex.Pattern;

/** Validation shared by the identifier records. */
final class Ids {
  /** Letters, digits and {@code - _ . :}; safe in URLs, SQL keys and log lines without escaping. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private Ids() {}

  static String check(String kind, String value) {
    if (value == null) {
      throw new IllegalArgumentException(kind + " must not be null");
    }
    if (!ID.matcher(value).matches()) {
      // the value is whatever a request or a user sent: escaped and capped before it is shown
      throw new IllegalArgumentException(
          kind
              + " must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-', was "
              + Untrusted.quote(value));
    }
    return value;
  }
}
