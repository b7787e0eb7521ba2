package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.Untrusted;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads an enum constant written as a property value, in kebab or constant case. */
final class Names {
  private Names() {}

  /**
   * @throws InvalidConfigurationException naming {@code dialkit.providers.<property>} and the
   *     accepted values
   */
  static <E extends Enum<E>> E constant(Class<E> type, String value, String property) {
    String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    throw new InvalidConfigurationException(
        "dialkit.providers." + property,
        Untrusted.quote(value),
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", ")));
  }
}
