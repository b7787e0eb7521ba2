package dev.dialkit.servlet.internal;

import dev.dialkit.campaign.InvalidConfigurationException;

/** The core's "is required" check, which it keeps package-private. */
public final class Required {
  private Required() {}

  public static <T> T check(String field, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(field, null, "is required");
    }
    return value;
  }
}
