package dev.dialkit.campaign.spi;

/**
 * Makes a value Dialkit did not produce (a field of a webhook, a provider's answer, a host's input)
 * safe to echo into a log line, an exception message or a response body: CR, LF, tab and every
 * other control character are escaped ({@code \r}, {@code \n}, {@code \t}, {@code \u001b}...), so
 * nobody can forge a log line, and the length is capped, so nobody can flood one. Dialkit's own
 * exceptions use it; a provider should put every value it did not write itself into a message
 * through {@link #quote} (a {@link dev.dialkit.campaign.WebhookRejectedException} also escapes its
 * whole message, as a safety net, but only {@code quote} shows where a value starts and ends).
 *
 * <p>Also escaped as {@code \}{@code uXXXX}: the Unicode line and paragraph separators (some log
 * viewers break lines on them), format characters (bidi overrides and invisible characters that
 * make a line read differently from what it holds) and unpaired surrogates (not encodable as
 * UTF-8). Printable text of any script is kept as it is. Backslashes and quotes are left alone, so
 * escaping is idempotent: text escaped once, with a cap it fits in, passes a second escape
 * unchanged, which lets an exception escape its whole message as a safety net even where a value in
 * it was already quoted.
 */
public final class Untrusted {
  /** How many characters of a value are echoed before an ellipsis. */
  public static final int MAX_ECHO = 80;

  private Untrusted() {}

  /** {@code value} escaped, capped at {@value #MAX_ECHO} characters, in single quotes; or null. */
  public static String quote(String value) {
    return value == null ? "null" : "'" + escape(value, MAX_ECHO) + "'";
  }

  /**
   * {@code text} with control characters escaped and cut to {@code max} characters (then an
   * ellipsis): for whole messages that may hold values from outside. The cut never splits an escape
   * or a surrogate pair, so the result may run a few characters past {@code max}.
   *
   * @return the escaped text, or {@code null} if {@code text} is null
   */
  public static String escape(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length(); ) {
      if (out.length() >= max) {
        return out.append('…').toString();
      }
      int cp = text.codePointAt(i);
      appendEscaped(out, cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    switch (cp) {
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      default -> {
        if (needsEscape(cp)) {
          // a supplementary format character (a tag character) becomes its two UTF-16 units
          for (char unit : Character.toChars(cp)) {
            out.append(String.format("\\u%04x", (int) unit));
          }
        } else {
          out.appendCodePoint(cp);
        }
      }
    }
  }

  /** Whether {@code cp} may not appear raw in a log line. */
  private static boolean needsEscape(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE, // only an unpaired one reaches here: codePointAt joins pairs
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> false;
    };
  }
}
