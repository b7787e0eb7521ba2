package dev.dialkit.provider.plivo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Plivo's error responses into {@link ProviderException}s.
 *
 * <p>Plivo's error body is {@code {"api_id": "...", "error": "..."}}; {@code error} is usually text
 * and sometimes an object of field errors, so it is read as text either way. Plivo sends no numeric
 * error code for a create request; a code is taken from an {@code error_code} or {@code code} field
 * if one is there, else from a known code quoted in the text (5030, 1020). Classification, in this
 * order:
 *
 * <ul>
 *   <li>HTTP 429 (300 requests / 5 s): retryable, {@link FailureReason#RATE_LIMITED}.
 *   <li>HTTP 5xx: ambiguous, the call may have been created; never re-sent. (plivo-java re-sends a
 *       create to its fallback URLs on a 5xx, which can place a call twice.)
 *   <li>Any other 4xx naming India's concurrency limit (code 5030, "concurrency limit") or the
 *       simultaneous-dial limit (1020): retryable, {@link FailureReason#RATE_LIMITED}. The exact
 *       wire shape of this refusal is UNCONFIRMED; the text match is deliberately tolerant.
 *   <li>401, 402, 403, or a text about credit or permissions: permanent {@link
 *       FailureReason#ACCOUNT_OR_PERMISSION}.
 *   <li>400 whose text says the number or destination is invalid: permanent {@link
 *       FailureReason#INVALID_NUMBER}.
 *   <li>any other 4xx (404: wrong auth id or path): permanent {@link FailureReason#PROVIDER_ERROR}.
 *   <li>anything else (1xx, 3xx): ambiguous.
 * </ul>
 *
 * <p>Plivo's texts can quote the dialed number; digits are masked ({@link ProviderHttp#maskDigits})
 * before they reach a message.
 */
public final class PlivoErrors {
  private static final Pattern RATE_CODE = Pattern.compile("\\b(5030|1020)\\b");
  private static final Pattern INVALID_NUMBER =
      Pattern.compile(
          "invalid (destination|number|phone|'?to'?|'?from'?)|not a valid (phone )?number"
              + "|destination (number )?(is )?invalid|invalid.*\\bto\\b.*number|not e\\.?164");
  private static final Pattern ACCOUNT =
      Pattern.compile(
          "credit|balance|permission|not allowed|barred|unauthori[sz]ed|authentication|forbidden");

  private PlivoErrors() {}

  /**
   * @param body the raw body, for its text when it is not JSON
   * @param json the body parsed, or {@code null}
   */
  public static ProviderException fromResponse(
      String provider, String action, int httpStatus, String body, JsonNode json) {
    String error = null;
    String code = null;
    if (json != null && json.isObject()) {
      JsonNode e = json.get("error");
      error =
          e == null || e.isNull()
              ? PlivoHttp.text(json, "message")
              : e.isTextual() ? e.asText() : e.toString();
      code = PlivoHttp.text(json, "error_code");
      code = code != null ? code : PlivoHttp.text(json, "code");
    }
    String lower = error == null ? "" : error.toLowerCase(Locale.ROOT);
    if (code == null) {
      Matcher m = RATE_CODE.matcher(lower);
      code = m.find() ? m.group(1) : null;
    }
    String what = action + " failed" + (error == null ? "" : ": " + ProviderHttp.maskDigits(error));
    if (httpStatus == 429) {
      return ProviderHttp.refused(
          provider, what, httpStatus, code, FailureReason.RATE_LIMITED, true);
    }
    if (httpStatus >= 500) {
      return ProviderHttp.serverError(provider, what, httpStatus, code);
    }
    if (httpStatus >= 400) {
      if ("5030".equals(code)
          || "1020".equals(code)
          || lower.contains("concurrency limit")
          || lower.contains("simultaneous dial")) {
        return ProviderHttp.refused(
            provider, what, httpStatus, code, FailureReason.RATE_LIMITED, true);
      }
      FailureReason reason = FailureReason.PROVIDER_ERROR;
      if (httpStatus == 401
          || httpStatus == 402
          || httpStatus == 403
          || ACCOUNT.matcher(lower).find()) {
        reason = FailureReason.ACCOUNT_OR_PERMISSION;
      } else if (httpStatus == 400 && INVALID_NUMBER.matcher(lower).find()) {
        reason = FailureReason.INVALID_NUMBER;
      }
      return ProviderHttp.refused(provider, what, httpStatus, code, reason, false);
    }
    return ProviderHttp.unexpectedStatus(provider, what, httpStatus, code);
  }
}
