package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules free text a host passes in (names, variables, ids at a provider) must follow, shared by
 * the records that take it. Each check returns the {@link Problem} with a value, or {@code null}.
 *
 * <p>Control characters are refused rather than stored escaped: a name with a line break is legal
 * data to its owner, but it would be one log line or CSV export away from a forged line, and NUL is
 * refused by PostgreSQL text columns mid-import. Tab is allowed in text (CSV cells carry it).
 */
final class TextRules {
  /** A variable key: a letter or {@code _}, then letters, digits, {@code _ . -}. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  /** Keys Dialkit adds to provider URLs itself ({@code dialkit_call}...) start with this. */
  static final String RESERVED_KEY_PREFIX = "dialkit_";

  private TextRules() {}

  /**
   * What is wrong with a value: the part of it at fault ({@code ""} for all of it, {@code ".key"}
   * for one variable), the requirement it breaks, and the value as it may be shown (escaped, capped
   * or only its size).
   */
  record Problem(String part, String requirement, String shown) {
    Problem(String requirement, String shown) {
      this("", requirement, shown);
    }

    InvalidConfigurationException config(String field) {
      return new InvalidConfigurationException(field + part, shown, requirement);
    }

    InvalidLeadException lead(String field) {
      return new InvalidLeadException(0, field + part, requirement + ", was " + shown);
    }
  }

  /**
   * One line of text: at most {@code max} characters, no control character other than tab, no line
   * or paragraph separator, no unpaired surrogate.
   */
  static Problem line(String value, int max) {
    return text(value, max, false);
  }

  /** Like {@link #line} but CR and LF are allowed too: text meant to span lines. */
  static Problem multiLine(String value, int max) {
    return text(value, max, true);
  }

  private static Problem text(String value, int max, boolean lineBreaks) {
    if (value.length() > max) {
      return tooLong(value, max);
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      boolean allowed = cp == '\t' || (lineBreaks && (cp == '\n' || cp == '\r'));
      if (!allowed && !isText(cp)) {
        return new Problem(
            lineBreaks
                ? "must not contain control characters other than tab, CR and LF"
                : "must not contain control characters or line breaks (tab is allowed)",
            Untrusted.quote(value));
      }
    }
    return null;
  }

  /** Not a control character, a line or paragraph separator, or half a surrogate pair. */
  private static boolean isText(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.SURROGATE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }

  static Problem tooLong(String value, int max) {
    return new Problem("must be at most " + max + " characters", value.length() + " characters");
  }

  /**
   * Variables for an agent: at most {@code maxCount}, keys as {@link #KEY} of at most {@code
   * maxKey} characters and not {@code dialkit_}, values at most {@code maxValue} characters of
   * {@link #multiLine} text.
   *
   * @return the problem, its {@link Problem#part()} {@code ".key"} for a bad value, or null
   */
  static Problem variables(Map<?, ?> variables, int maxCount, int maxKey, int maxValue) {
    if (variables.size() > maxCount) {
      return new Problem(
          "must hold at most " + maxCount + " entries", variables.size() + " entries");
    }
    for (Map.Entry<?, ?> e : variables.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        return new Problem("keys must be text, not null", String.valueOf(e.getKey()));
      }
      if (key.length() > maxKey || !KEY.matcher(key).matches()) {
        return new Problem(
            "keys must be 1 to "
                + maxKey
                + " letters, digits, '_', '.' or '-', starting with a letter or '_'",
            Untrusted.quote(key));
      }
      if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED_KEY_PREFIX)) {
        return new Problem(
            "keys must not start with '" + RESERVED_KEY_PREFIX + "' (reserved for Dialkit)",
            Untrusted.quote(key));
      }
      // the key matched KEY, so it is safe to name in the field
      if (!(e.getValue() instanceof String value)) {
        return new Problem("." + key, "must not be null", "null");
      }
      Problem problem = multiLine(value, maxValue);
      if (problem != null) {
        return new Problem("." + key, problem.requirement(), problem.shown());
      }
    }
    return null;
  }
}
