package dev.dialkit.campaign;

import java.util.Objects;

/**
 * A setting is out of its range or missing. The message names the field and the rejected value, for
 * example {@code "perTenant must be >= 1, was 0"}.
 */
public class InvalidConfigurationException extends DialkitException {
  private final String field;
  private final String value;

  public InvalidConfigurationException(String field, Object value, String requirement) {
    super(field + " " + requirement + ", was " + value);
    this.field = Objects.requireNonNull(field, "field");
    this.value = String.valueOf(value);
  }

  /** The name of the offending setting, as the builder method calls it. */
  public String field() {
    return field;
  }

  /** The rejected value as text ({@code "null"} when it was missing). */
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
