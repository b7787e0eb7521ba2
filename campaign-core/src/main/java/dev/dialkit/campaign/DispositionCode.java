package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.util.regex.Pattern;

/**
 * One business outcome a campaign lets the host record for a call ({@link Disposition}), and what
 * recording it does.
 *
 * @param code 1 to {@value #MAX_CODE_LENGTH} lower-case letters, digits or {@code _}, starting with
 *     a letter ({@code interested}, {@code do_not_call})
 * @param success counts as a conversion: {@link CampaignProgress#conversionRate()} is the calls
 *     with a success code over the answered calls
 * @param doNotCall puts the lead's number on the tenant's do-not-call list, so that no campaign of
 *     the tenant dials it again
 * @param callback schedules a call back to the lead at the disposition's {@link
 *     Disposition#callbackAt()} (required with this code)
 * @param stop ends the lead: a queued retry is not dialed
 */
public record DispositionCode(
    String code, boolean success, boolean doNotCall, boolean callback, boolean stop) {

  /** {@value}: the longest code. */
  public static final int MAX_CODE_LENGTH = 40;

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

  public DispositionCode {
    check("code", code);
    if (callback && (doNotCall || stop)) {
      throw new InvalidConfigurationException(
          "dispositions." + code, "callback with doNotCall or stop", "a callback code must dial");
    }
  }

  /** A code that only records the outcome. */
  public static DispositionCode of(String code) {
    return new DispositionCode(code, false, false, false, false);
  }

  /** A code that counts as a conversion and ends the lead. */
  public static DispositionCode success(String code) {
    return new DispositionCode(code, true, false, false, true);
  }

  /** A code that puts the number on the tenant's do-not-call list and ends the lead. */
  public static DispositionCode doNotCall(String code) {
    return new DispositionCode(code, false, true, false, true);
  }

  /** A code that schedules a call back at the disposition's time. */
  public static DispositionCode callback(String code) {
    return new DispositionCode(code, false, false, true, false);
  }

  /** A code that ends the lead without a conversion. */
  public static DispositionCode stop(String code) {
    return new DispositionCode(code, false, false, false, true);
  }

  /**
   * Checks a code's form.
   *
   * @throws InvalidConfigurationException naming {@code field} if it is not a valid code
   */
  static String check(String field, String code) {
    if (code == null
        || code.isEmpty()
        || code.length() > MAX_CODE_LENGTH
        || !CODE.matcher(code).matches()) {
      throw new InvalidConfigurationException(
          field,
          code == null ? null : Untrusted.quote(code),
          "must be 1 to "
              + MAX_CODE_LENGTH
              + " lower-case letters, digits or '_', starting with a letter");
    }
    return code;
  }
}
