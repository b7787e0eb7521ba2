package dev.dialkit.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.dialkit.campaign.spi.Untrusted;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +14155550123}), validated with libphonenumber.
 *
 * <p>{@link #toString()} masks all but the last four digits so that a number never reaches a log
 * line in full; use {@link #e164()} where the full number is meant.
 *
 * @param e164 a valid E.164 number
 */
public record PhoneNumber(String e164) {
  /** {@value}: the longest E.164 number, {@code +} and 15 digits. */
  public static final int MAX_E164_LENGTH = 16;

  /**
   * {@value}: the longest text {@link #parse} reads; longer is not a number as a person writes it
   * (libphonenumber itself stops at 250).
   */
  public static final int MAX_TEXT_LENGTH = 64;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final String E164_RULE = "must be E.164 (+ and 7 to 15 digits)";

  /**
   * The number this thread last read with {@link #parse}, kept so that making the record and asking
   * its type or zone right after does not parse it again: libphonenumber's parse is most of the
   * cost of a CSV import. Matched by identity of the string, so it only ever answers for the very
   * string {@code parse} checked, whose facts cannot differ.
   */
  private record Parsed(
      String e164, Phonenumber.PhoneNumber number, NumberType type, PhoneNumberType libType) {}

  private static final ThreadLocal<Parsed> LAST_PARSED = new ThreadLocal<>();

  public PhoneNumber {
    Parsed last = LAST_PARSED.get();
    TextRules.Problem problem = last != null && last.e164 == e164 ? null : problem(e164);
    if (problem != null) {
      throw new IllegalArgumentException(
          "phone number " + problem.requirement() + ", was " + problem.shown());
    }
  }

  /**
   * What is wrong with {@code e164} as an E.164 number, or {@code null} if it is a valid one. The
   * value is shown masked and escaped, or by its length: never the whole number, since messages are
   * logged.
   */
  static TextRules.Problem problem(String e164) {
    TextRules.Problem problem = shapeProblem(e164);
    if (problem != null) {
      return problem;
    }
    try {
      if (!UTIL.isValidNumber(UTIL.parse(e164, null))) {
        return new TextRules.Problem("is not a valid number for its country", shown(e164));
      }
    } catch (NumberParseException e) {
      return new TextRules.Problem("cannot be parsed (" + e.getErrorType() + ")", shown(e164));
    }
    return null;
  }

  /** What is wrong with the text of {@code e164} as E.164, without asking libphonenumber. */
  private static TextRules.Problem shapeProblem(String e164) {
    if (e164 == null) {
      return new TextRules.Problem("is required", "null");
    }
    if (e164.isBlank()) {
      return new TextRules.Problem("must not be blank", Untrusted.quote(e164));
    }
    if (e164.length() > MAX_E164_LENGTH) {
      return new TextRules.Problem(E164_RULE, e164.length() + " characters");
    }
    if (e164.chars().anyMatch(Character::isISOControl)) {
      return new TextRules.Problem("must not contain control characters", shown(e164));
    }
    if (!E164.matcher(e164).matches()) {
      return new TextRules.Problem(E164_RULE, shown(e164));
    }
    return null;
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
   * @throws IllegalArgumentException if the text is not a valid number, is longer than {@value
   *     #MAX_TEXT_LENGTH} characters or holds a control character other than tab
   */
  public static PhoneNumber parse(String text, String defaultRegion) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("phone number must not be blank");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "phone number must be at most "
              + MAX_TEXT_LENGTH
              + " characters, was "
              + text.length()
              + " characters");
    }
    if (text.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "phone number must not contain control characters, was " + shown(text.strip()));
    }
    try {
      Phonenumber.PhoneNumber parsed = UTIL.parse(text, defaultRegion);
      // getNumberType is UNKNOWN exactly when isValidNumber is false (both find the region, then
      // match the national number against its patterns): asking it alone halves libphonenumber's
      // share of an import, which is most of the import's time in the JVM
      PhoneNumberType libType = UTIL.getNumberType(parsed);
      if (libType == PhoneNumberType.UNKNOWN) {
        throw new IllegalArgumentException(
            "phone number is not a valid number, was " + shown(text.strip()));
      }
      String e164 = UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
      TextRules.Problem problem = shapeProblem(e164);
      if (problem != null) {
        throw new IllegalArgumentException(
            "phone number " + problem.requirement() + ", was " + shown(text.strip()));
      }
      LAST_PARSED.set(new Parsed(e164, parsed, NumberType.of(libType), libType));
      return new PhoneNumber(e164);
    } catch (NumberParseException e) {
      throw new IllegalArgumentException(
          "phone number cannot be parsed (" + e.getErrorType() + "), was " + shown(text.strip()),
          e);
    }
  }

  /** A number a campaign never dials, as libphonenumber types it, or {@code null} if it may. */
  String undialableType() {
    return switch (type()) {
      // premium-rate numbers bill the caller: dialing them is how toll fraud pays out
      case PREMIUM_RATE -> "a premium-rate number";
      case PAGER -> "a pager number";
      case VOICEMAIL -> "a voicemail access number";
      default -> null;
    };
  }

  /** What kind of line the number is, as libphonenumber's metadata says. */
  public NumberType type() {
    Parsed last = LAST_PARSED.get();
    if (last != null && last.e164 == e164) {
      return last.type;
    }
    Phonenumber.PhoneNumber parsed = parsed();
    return parsed == null ? NumberType.UNKNOWN : NumberType.of(UTIL.getNumberType(parsed));
  }

  /** libphonenumber's type of the number ({@code UNKNOWN} if it cannot parse it: not expected). */
  PhoneNumberType libphonenumberType() {
    Parsed last = LAST_PARSED.get();
    if (last != null && last.e164 == e164) {
      return last.libType;
    }
    Phonenumber.PhoneNumber parsed = parsed();
    return parsed == null ? PhoneNumberType.UNKNOWN : UTIL.getNumberType(parsed);
  }

  /** libphonenumber's form of the number, or null if it cannot parse it (not expected). */
  Phonenumber.PhoneNumber parsed() {
    Parsed last = LAST_PARSED.get();
    if (last != null && last.e164 == e164) {
      return last.number;
    }
    try {
      return UTIL.parse(e164, null);
    } catch (NumberParseException e) {
      return null; // not expected: the constructor parsed it
    }
  }

  /** {@code text} masked, escaped and quoted: how a rejected number may appear in a message. */
  static String shown(String text) {
    return Untrusted.quote(mask(text));
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
