package dev.dialkit.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number in E.164 form ({@code +14155550123}), validated with libphonenumber.
 *
 * <p>{@link #toString()} masks all but the last four digits so that a number never reaches a log
 * line in full; use {@link #e164()} where the full number is meant.
 *
 * @param e164 a valid E.164 number
 */
public record PhoneNumber(String e164) {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  public PhoneNumber {
    if (e164 == null) {
      throw new IllegalArgumentException("phone number must not be null");
    }
    if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
      throw new IllegalArgumentException(
          "phone number must be E.164 (+ and 7 to 15 digits), was '" + mask(e164) + "'");
    }
    try {
      if (!UTIL.isValidNumber(UTIL.parse(e164, null))) {
        throw new IllegalArgumentException(
            "phone number is not a valid number for its country: '" + mask(e164) + "'");
      }
    } catch (NumberParseException e) {
      throw new IllegalArgumentException(
          "phone number cannot be parsed: '" + mask(e164) + "': " + e.getMessage(), e);
    }
  }

  /** Parses an E.164 number. */
  public static PhoneNumber of(String e164) {
    return new PhoneNumber(e164);
  }

  /**
   * Parses a number as a person would write it ({@code (415) 555-0123}, {@code 0044 20 ...}),
   * reading national numbers in {@code defaultRegion} (ISO 3166 code such as {@code US}), and
   * normalises it to E.164.
   *
   * @throws IllegalArgumentException if the text is not a valid number
   */
  public static PhoneNumber parse(String text, String defaultRegion) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("phone number must not be blank");
    }
    try {
      Phonenumber.PhoneNumber parsed = UTIL.parse(text, defaultRegion);
      if (!UTIL.isValidNumber(parsed)) {
        throw new IllegalArgumentException(
            "phone number is not a valid number: '" + mask(text.trim()) + "'");
      }
      return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      throw new IllegalArgumentException(
          "phone number cannot be parsed: '" + mask(text.trim()) + "': " + e.getMessage(), e);
    }
  }

  /** The ISO 3166 region of the number ({@code US}, {@code IN}), or {@code ZZ} if unknown. */
  public String region() {
    try {
      String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, null));
      return region == null ? "ZZ" : region;
    } catch (NumberParseException e) {
      return "ZZ";
    }
  }

  /** The number with all but its last four digits replaced by {@code *}. */
  public String masked() {
    return mask(e164);
  }

  static String mask(String number) {
    if (number.length() <= 4) {
      return "****";
    }
    return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
  }

  @Override
  public String toString() {
    return masked();
  }
}
