package dev.dialkit.provider.sanspbx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns SansPBX's refusals into {@link ProviderException}s. SansPBX documents no error codes or
 * shapes (UNCONFIRMED): the message is read from {@code message}, {@code msg}, {@code error} or
 * {@code data.msg} if the body is JSON, else the body's text. Classification, in this order:
 *
 * <ul>
 *   <li>HTTP 429: retryable, {@link FailureReason#RATE_LIMITED};
 *   <li>HTTP 5xx: ambiguous, the call may have been created; never re-sent;
 *   <li>a 4xx, or a 2xx whose {@code status} says it failed, whose text speaks of a concurrency or
 *       channel limit: retryable, {@link FailureReason#RATE_LIMITED};
 *   <li>401, 403, or a text about tokens, credit or permission: permanent {@link
 *       FailureReason#ACCOUNT_OR_PERMISSION} (a 401 comes here only after the token was generated
 *       afresh once);
 *   <li>a text about an invalid number: permanent {@link FailureReason#INVALID_NUMBER};
 *   <li>any other 4xx or failed 2xx: permanent {@link FailureReason#PROVIDER_ERROR};
 *   <li>anything else (1xx, 3xx): ambiguous.
 * </ul>
 *
 * <p>Texts can quote the dialed number: digits are masked before they reach a message.
 */
public final class SansPbxErrors {
  private static final Pattern LIMIT =
      Pattern.compile(
          "concurren|channel limit|channels? (are )?busy|too many|limit (exceeded|reached)");
  private static final Pattern ACCOUNT =
      Pattern.compile(
          "token|unauthori[sz]ed|authentication|access key|credit|balance|permission|forbidden"
              + "|not allowed|expired");
  private static final Pattern INVALID_NUMBER =
      Pattern.compile("invalid (number|mobile|phone|call_to|destination)|number (is )?invalid");

  private SansPbxErrors() {}

  /** The message a SansPBX answer carries, or {@code null}. */
  public static String message(String body, JsonNode json) {
    if (json != null && json.isObject()) {
      return SansPbxJson.firstScalar(json, "message", "msg", "error", "data.msg", "data.message");
    }
    return body == null || body.isBlank() ? null : body.strip();
  }

  /** Whether a 2xx answer says, in its {@code status}, that the request failed. */
  public static boolean saysFailed(JsonNode json) {
    String status = SansPbxJson.scalar(json, "status");
    if (status == null) {
      return false;
    }
    String s = status.toLowerCase(Locale.ROOT);
    return s.equals("error") || s.startsWith("fail") || s.equals("false");
  }

  /** The exception for an answer that refused {@code action}. */
  public static ProviderException fromResponse(
      String provider, String action, int httpStatus, String body, JsonNode json) {
    String message = message(body, json);
    String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
    String what =
        action + " failed" + (message == null ? "" : ": " + ProviderHttp.maskDigits(message));
    if (httpStatus == 429) {
      return ProviderHttp.refused(
          provider, what, httpStatus, null, FailureReason.RATE_LIMITED, true);
    }
    if (httpStatus >= 500) {
      return ProviderHttp.serverError(provider, what, httpStatus, null);
    }
    if (httpStatus >= 400 || httpStatus / 100 == 2) {
      if (LIMIT.matcher(lower).find()) {
        return ProviderHttp.refused(
            provider, what, httpStatus, null, FailureReason.RATE_LIMITED, true);
      }
      if (httpStatus == 401 || httpStatus == 403 || ACCOUNT.matcher(lower).find()) {
        return ProviderHttp.refused(
            provider, what, httpStatus, null, FailureReason.ACCOUNT_OR_PERMISSION, false);
      }
      if (INVALID_NUMBER.matcher(lower).find()) {
        return ProviderHttp.refused(
            provider, what, httpStatus, null, FailureReason.INVALID_NUMBER, false);
      }
      return ProviderHttp.refused(
          provider, what, httpStatus, null, FailureReason.PROVIDER_ERROR, false);
    }
    return ProviderHttp.unexpectedStatus(provider, what, httpStatus, null);
  }
}
