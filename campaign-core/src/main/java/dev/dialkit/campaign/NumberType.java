package dev.dialkit.campaign;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/**
 * What kind of line a number is, as libphonenumber's metadata says ({@link PhoneNumber#type()}).
 * Some countries (the US, Canada, India for some ranges) do not tell mobile from fixed-line
 * numbers: theirs are {@link #FIXED_LINE_OR_MOBILE}.
 */
public enum NumberType {
  FIXED_LINE,
  MOBILE,
  FIXED_LINE_OR_MOBILE,
  TOLL_FREE,
  PREMIUM_RATE,
  SHARED_COST,
  VOIP,
  PERSONAL_NUMBER,
  PAGER,
  UAN,
  VOICEMAIL,
  /** The metadata does not place the number. */
  UNKNOWN;

  static NumberType of(PhoneNumberType type) {
    return switch (type) {
      case FIXED_LINE -> FIXED_LINE;
      case MOBILE -> MOBILE;
      case FIXED_LINE_OR_MOBILE -> FIXED_LINE_OR_MOBILE;
      case TOLL_FREE -> TOLL_FREE;
      case PREMIUM_RATE -> PREMIUM_RATE;
      case SHARED_COST -> SHARED_COST;
      case VOIP -> VOIP;
      case PERSONAL_NUMBER -> PERSONAL_NUMBER;
      case PAGER -> PAGER;
      case UAN -> UAN;
      case VOICEMAIL -> VOICEMAIL;
      default -> UNKNOWN;
    };
  }
}
