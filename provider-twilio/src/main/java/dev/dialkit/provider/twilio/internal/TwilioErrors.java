package dev.dialkit.provider.twilio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import java.io.IOException;

/**
 * Turns Twilio's error responses and transport failures into {@link ProviderException}s.
 *
 * <p>Twilio's error body is {@code {"code": 21211, "message": "...", "more_info": "...", "status":
 * 400}}. Classification, in this order:
 *
 * <ul>
 *   <li>HTTP 429 or code 20429 (the request was never processed) and code 10004 (call concurrency
 *       limit): retryable, {@link FailureReason#RATE_LIMITED}.
 *   <li>HTTP 5xx: ambiguous, the call may have been created; never re-sent.
 *   <li>21211, 21214, 21217, 13224: permanent {@link FailureReason#INVALID_NUMBER}.
 *   <li>21210, 20003, and 401/403 without a known code: permanent {@link
 *       FailureReason#ACCOUNT_OR_PERMISSION}.
 *   <li>any other 4xx: permanent {@link FailureReason#PROVIDER_ERROR}.
 *   <li>anything else (1xx, 3xx): ambiguous.
 * </ul>
 *
 * Transport failures (no response at all) are classified by {@link ProviderHttp#transportFailure}.
 *
 * <p>Twilio's messages can quote the dialed number ("The 'To' number +1415... is not valid"); every
 * run of 7 or more digits is masked to its last four before it reaches an exception message.
 */
public final class TwilioErrors {
  private TwilioErrors() {}

  /** The exception for a non-2xx response. */
  public static ProviderException fromResponse(
      String provider, String action, int httpStatus, String body, ObjectMapper json) {
    String code = null;
    String message = null;
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      if (node != null && node.isObject()) {
        code = text(node.get("code"));
        message = text(node.get("message"));
      }
    } catch (IOException | RuntimeException notJson) {
      // not Twilio's JSON error body (a proxy's HTML page, say): classified by HTTP status alone
    }
    String what = action + " failed" + (message == null ? "" : ": " + mask(message));
    if (httpStatus == 429 || "20429".equals(code) || "10004".equals(code)) {
      return ProviderHttp.refused(
          provider, what, httpStatus, code, FailureReason.RATE_LIMITED, true);
    }
    if (httpStatus >= 500) {
      return ProviderHttp.serverError(provider, what, httpStatus, code);
    }
    if (httpStatus >= 400) {
      FailureReason reason = FailureReason.PROVIDER_ERROR;
      if (code != null && TwilioStatuses.INVALID_NUMBER_CODES.contains(code)) {
        reason = FailureReason.INVALID_NUMBER;
      } else if ((code != null && TwilioStatuses.ACCOUNT_CODES.contains(code))
          || httpStatus == 401
          || httpStatus == 403) {
        reason = FailureReason.ACCOUNT_OR_PERMISSION;
      }
      return ProviderHttp.refused(provider, what, httpStatus, code, reason, false);
    }
    return ProviderHttp.unexpectedStatus(provider, what, httpStatus, code);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  /** {@code text} with every run of 7 or more digits masked to its last four. */
  public static String mask(String text) {
    return ProviderHttp.maskDigits(text);
  }
}
