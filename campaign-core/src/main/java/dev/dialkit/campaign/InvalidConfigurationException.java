package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.util.Objects;

/**
 * A setting is out of its range or missing. The message names the field and the rejected value, for
 * example {@code "perTenant must be >= 1, was 0"}.
 *
 * <p>The value usually comes from the host's own users, so it is never echoed raw: control
 * characters are escaped ({@code \n}, {@code \u0000}) and it is cut after a few dozen characters.
 * Text values are shown in single quotes, numbers and durations as they are, and values too long to
 * be worth showing by their size ({@code "was 512 characters"}).
 */
public class InvalidConfigurationException extends DialkitException {
  /** The most characters of a value kept: enough for a value already quoted and capped. */
  private static final int MAX_VALUE = 2 * Untrusted.MAX_ECHO;

  /** The most characters of a requirement kept; requirements are Dialkit's text. */
  private static final int MAX_REQUIREMENT = 400;

  private final String field;
  private final String value;

  /**
   * @param field the setting, as its builder method calls it
   * @param value the rejected value; escaped and capped here, as a safety net for callers that did
   *     not quote it with {@code Untrusted.quote}
   * @param requirement what the value must be ({@code "must be >= 1"})
   */
  public InvalidConfigurationException(String field, Object value, String requirement) {
    super(
        Untrusted.escape(Objects.requireNonNull(field, "field"), Untrusted.MAX_ECHO)
            + " "
            + Untrusted.escape(String.valueOf(requirement), MAX_REQUIREMENT)
            + ", was "
            + shown(value));
    this.field = field;
    this.value = shown(value);
  }

  private static String shown(Object value) {
    return Untrusted.escape(String.valueOf(value), MAX_VALUE);
  }

  /** The name of the offending setting, as the builder method calls it. */
  public String field() {
    return field;
  }

  /**
   * The rejected value as shown in the message: escaped and capped, text in single quotes ({@code
   * "null"} when it was missing).
   */
  public String value() {
    return value;
  }

  static int atLeast(String field, int value, int min) {
    if (value < min) {
      throw new InvalidConfigurationException(field, value, "must be >= " + min);
    }
    return value;
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(field, null, "is required");
    }
    return value;
  }
}
