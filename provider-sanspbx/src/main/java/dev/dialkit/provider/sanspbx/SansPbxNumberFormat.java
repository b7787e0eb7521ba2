package dev.dialkit.provider.sanspbx;

import dev.dialkit.campaign.PhoneNumber;

/**
 * How a number is written in a SansPBX {@code dialcall} request. The public integrations disagree
 * (none is official): one sends {@code call_to} as {@code 0} + 10 digits, another as {@code 91} +
 * 10 digits; one sends {@code caller_id} as the 7-digit DID ("per SansPBX team confirmation"),
 * another as the full 10-digit number. So the format is a setting, per tenant if need be ({@link
 * SansPbxProviderBuilder#numberFormats}).
 *
 * <p>Every format but {@link #E164} needs an Indian number ({@code +91} and 10 digits); another
 * number cannot be written in it, and the call is refused before anything is sent.
 */
public enum SansPbxNumberFormat {
  /** {@code 0} + the 10-digit national number: {@code 09876543210}. */
  ZERO_PREFIXED,
  /** {@code 91} + the 10-digit national number, no {@code +}: {@code 919876543210}. */
  COUNTRY_CODE,
  /** E.164 with the {@code +}: {@code +919876543210}; the only format for numbers outside India. */
  E164,
  /** The 10-digit national number alone: {@code 9876543210}. */
  NATIONAL,
  /**
   * The last 7 digits: the DID of a landline whose STD code has 3 digits ({@code +91 124 6745647}
   * is {@code 6745647}), as one integration was told by SansPBX for {@code caller_id}. Wrong for
   * numbers whose STD code is shorter or longer.
   */
  LAST_SEVEN_DIGITS;

  private static final String INDIA = "+91";

  /**
   * {@code number} in this format.
   *
   * @throws IllegalArgumentException if this format needs an Indian number and {@code number} is
   *     not one; the message shows the number masked
   */
  public String format(PhoneNumber number) {
    String e164 = number.e164();
    if (this == E164) {
      return e164;
    }
    if (!e164.startsWith(INDIA) || e164.length() != INDIA.length() + 10) {
      throw new IllegalArgumentException(
          "number "
              + number.masked()
              + " is not an Indian number (+91 and 10 digits), so it cannot be written as "
              + this);
    }
    String national = e164.substring(INDIA.length());
    return switch (this) {
      case ZERO_PREFIXED -> "0" + national;
      case COUNTRY_CODE -> "91" + national;
      case NATIONAL -> national;
      case LAST_SEVEN_DIGITS -> national.substring(3);
      case E164 -> e164;
    };
  }
}
