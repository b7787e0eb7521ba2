package dev.dialkit.provider.sanspbx;

import dev.dialkit.campaign.InvalidConfigurationException;

/**
 * The formats of the two numbers of a {@code dialcall} request.
 *
 * @param callTo how the dialed number is written ({@code call_to})
 * @param callerId how the caller id is written ({@code caller_id})
 */
public record SansPbxNumberFormats(SansPbxNumberFormat callTo, SansPbxNumberFormat callerId) {
  /**
   * The default: {@code call_to} as {@link SansPbxNumberFormat#ZERO_PREFIXED} (the form in the one
   * request shown as tested against SansPBX, a Postman test in the Shreenika integration guide) and
   * {@code caller_id} as {@link SansPbxNumberFormat#LAST_SEVEN_DIGITS} (the DID, "per SansPBX team
   * confirmation" in the same integration). Both are third-party observations.
   */
  public static final SansPbxNumberFormats DEFAULT =
      new SansPbxNumberFormats(
          SansPbxNumberFormat.ZERO_PREFIXED, SansPbxNumberFormat.LAST_SEVEN_DIGITS);

  public SansPbxNumberFormats {
    if (callTo == null) {
      throw new InvalidConfigurationException("numberFormats.callTo", null, "is required");
    }
    if (callerId == null) {
      throw new InvalidConfigurationException("numberFormats.callerId", null, "is required");
    }
  }
}
