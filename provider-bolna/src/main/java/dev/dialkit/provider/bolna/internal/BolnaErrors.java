package dev.dialkit.provider.bolna.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns Bolna's error responses into {@link ProviderException}s.
 *
 * <p>Bolna's documented error body is {@code {"error": <int>, "message": "..."}} (OpenAPI {@code
 * Error}); validation failures (422) may come in FastAPI's {@code {"detail": ...}} shape, so the
 * text is taken from {@code message}, else {@code detail}, else {@code error}, as text whatever
 * their type. Classification, in this order:
 *
 * <ul>
 *   <li>HTTP 429 (500 {@code POST /call} per minute per organisation): retryable, {@link
 *       FailureReason#RATE_LIMITED}.
 *   <li>HTTP 5xx: ambiguous, the execution may have been created; never re-sent.
 *   <li>a 4xx naming a concurrency limit: retryable, {@link FailureReason#RATE_LIMITED}. What Bolna
 *       does when the account's concurrency is exhausted is UNCONFIRMED (it may simply keep the
 *       call {@code queued}); the text match is deliberately tolerant.
 *   <li>401, 402, 403, or a text about balance, credit, permission, or the {@code
 *       from_phone_number} (which must be a number the account owns): permanent {@link
 *       FailureReason#ACCOUNT_OR_PERMISSION}.
 *   <li>400 or 422 naming the recipient, a phone number or E.164: permanent {@link
 *       FailureReason#INVALID_NUMBER}.
 *   <li>any other 4xx (404: unknown agent): permanent {@link FailureReason#PROVIDER_ERROR}.
 *   <li>anything else (1xx, 3xx): ambiguous.
 * </ul>
 *
 * <p>Bolna's texts can quote the dialed number; digits are masked ({@link ProviderHttp#maskDigits})
 * before they reach a message.
 */
public final class BolnaErrors {
  private static final Pattern ACCOUNT =
      Pattern.compile(
          "balance|credit|wallet|permission|not authori[sz]ed|unauthori[sz]ed|access denied"
              + "|forbidden|from_phone_number|not owned|does not belong");
  private static final Pattern NUMBER =
      Pattern.compile("recipient|phone.?number|e\\.?164|invalid number|not a valid number");

  private BolnaErrors() {}

  /**
   * @param body the raw body, for its text when it is not JSON
   * @param json the body parsed, or {@code null}
   */
  public static ProviderException fromResponse(
      String provider, String action, int httpStatus, String body, JsonNode json) {
    String error = text(json);
    String code = json != null && json.isObject() ? BolnaJson.text(json, "error") : null;
    if (code != null && !code.matches("\\d{1,9}")) {
      code = null; // "error" holds text, not a code
    }
    String lower = error == null ? "" : error.toLowerCase(Locale.ROOT);
    String what = action + " failed" + (error == null ? "" : ": " + ProviderHttp.maskDigits(error));
    if (httpStatus == 429) {
      return ProviderHttp.refused(
          provider, what, httpStatus, code, FailureReason.RATE_LIMITED, true);
    }
    if (httpStatus >= 500) {
      return ProviderHttp.serverError(provider, what, httpStatus, code);
    }
    if (httpStatus >= 400) {
      if (lower.contains("concurrency")) {
        return ProviderHttp.refused(
            provider, what, httpStatus, code, FailureReason.RATE_LIMITED, true);
      }
      FailureReason reason = FailureReason.PROVIDER_ERROR;
      if (httpStatus == 401
          || httpStatus == 402
          || httpStatus == 403
          || ACCOUNT.matcher(lower).find()) {
        reason = FailureReason.ACCOUNT_OR_PERMISSION;
      } else if ((httpStatus == 400 || httpStatus == 422) && NUMBER.matcher(lower).find()) {
        reason = FailureReason.INVALID_NUMBER;
      }
      return ProviderHttp.refused(provider, what, httpStatus, code, reason, false);
    }
    return ProviderHttp.unexpectedStatus(provider, what, httpStatus, code);
  }

  /** The error's text: {@code message}, {@code detail} or {@code error}, any JSON type. */
  private static String text(JsonNode json) {
    if (json == null || !json.isObject()) {
      return null;
    }
    for (String field : new String[] {"message", "detail", "error"}) {
      JsonNode v = json.get(field);
      if (v != null && !v.isNull()) {
        String s = v.isValueNode() ? v.asText() : v.toString();
        if (!s.isBlank()) {
          return s;
        }
      }
    }
    return null;
  }
}
