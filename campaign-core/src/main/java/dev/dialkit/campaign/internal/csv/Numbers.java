package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.NumberType;
import dev.dialkit.campaign.PhoneNumber;
import java.util.Set;

/**
 * Reads the phone cell of a row: parsed once with libphonenumber ({@link PhoneNumber#parse}, which
 * keeps the parse for the type and zone asked right after), then its type checked.
 */
final class Numbers {
  private final String region;
  private final Set<NumberType> allowed;

  /**
   * @param allowed the types accepted, or null for any valid number (do-not-call imports)
   */
  Numbers(String region, Set<NumberType> allowed) {
    this.region = region;
    this.allowed = allowed;
  }

  /** The number, or throws {@link IllegalArgumentException} saying why not (number masked). */
  PhoneNumber parse(String text) {
    PhoneNumber phone = PhoneNumber.parse(text, region);
    if (allowed != null) {
      NumberType type = phone.type();
      if (!allowed.contains(type)) {
        throw new IllegalArgumentException(
            "phone number is "
                + type
                + ", not one of "
                + allowed
                + " (numberTypes), was "
                + phone.masked());
      }
    }
    return phone;
  }

  /** The number's digits as a long: the key of duplicate detection (at most 15 digits). */
  static long key(PhoneNumber phone) {
    return Long.parseLong(phone.e164(), 1, phone.e164().length(), 10);
  }
}
