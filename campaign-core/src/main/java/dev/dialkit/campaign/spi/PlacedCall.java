package dev.dialkit.campaign.spi;

/**
 * The provider's answer to a create-call request. At least one id is present: Twilio returns the
 * call's id, Plivo only a request id (the call id comes with the first callback).
 *
 * @param providerCallId the provider's id of the call, or {@code null} if not known yet
 * @param providerRequestId the provider's id of the request, or {@code null}
 * @param rawStatus the status the provider returned (e.g. {@code queued}), or {@code null}
 */
public record PlacedCall(String providerCallId, String providerRequestId, String rawStatus) {
  public PlacedCall {
    if (isBlank(providerCallId) && isBlank(providerRequestId)) {
      throw new IllegalArgumentException("a placed call needs a provider call id or request id");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
