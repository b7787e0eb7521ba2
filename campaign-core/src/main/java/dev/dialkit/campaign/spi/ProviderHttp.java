package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider-neutral plumbing for REST providers over {@code java.net.http}: one asynchronous send
 * that never retries and classifies a request that got no response, HTTP Basic credentials, and the
 * masking of phone numbers in provider messages.
 *
 * <p>Classification of a request without a response: a refused connection, an unresolvable host or
 * a connect timeout happened before anything was sent, so the failure is {@link
 * ProviderException#isRetryable() retryable}; any other I/O failure or a request timeout may have
 * happened after the request reached the provider, so it is {@link ProviderException#isAmbiguous()
 * ambiguous} and a create request must not be sent again blindly. Only a connect timeout on the
 * {@link HttpClient} tells the two apart: configure one.
 */
public final class ProviderHttp {
  private static final Pattern DIGITS = Pattern.compile("\\+?\\d{7,}");

  private ProviderHttp() {}

  /**
   * Sends {@code request} once, body read as UTF-8 text. The stage completes with whatever response
   * came (any status); it fails with a classified {@link ProviderException} if none came.
   *
   * @param provider the provider's name, for the exception
   * @param action what the request does ("create call c-1"), for the exception's message
   */
  public static CompletableFuture<HttpResponse<String>> send(
      HttpClient client, HttpRequest request, String provider, String action) {
    CompletableFuture<HttpResponse<String>> sent;
    try {
      sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(transportFailure(provider, action, e));
    }
    return sent.handle(
        (response, error) -> {
          if (error != null) {
            throw transportFailure(provider, action, error);
          }
          return response;
        });
  }

  /**
   * The exception for a request that got no response: retryable if it certainly was not sent,
   * ambiguous otherwise. A {@link ProviderException} (also inside a {@link CompletionException}) is
   * returned as it is.
   */
  public static ProviderException transportFailure(
      String provider, String action, Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ProviderException pe) {
      return pe;
    }
    if (beforeSending(cause)) {
      return new ProviderException(
          provider,
          action + " not sent: " + cause,
          0,
          null,
          FailureReason.PROVIDER_ERROR,
          true,
          false,
          cause);
    }
    return new ProviderException(
        provider,
        action + " got no response; the request may have been acted on: " + cause,
        0,
        null,
        FailureReason.PROVIDER_ERROR,
        false,
        true,
        cause);
  }

  /**
   * The exception for a 5xx answer to a request: the provider may have acted on it before failing,
   * so it is ambiguous ({@link FailureReason#PROVIDER_ERROR}, never re-sent; Dialkit reconciles).
   *
   * @param what what failed, already masked and escaped
   * @param code the provider's own error code, or {@code null}
   */
  public static ProviderException serverError(
      String provider, String what, int httpStatus, String code) {
    return new ProviderException(
        provider,
        what + "; the request may have been acted on",
        httpStatus,
        code,
        FailureReason.PROVIDER_ERROR,
        false,
        true,
        null);
  }

  /**
   * The exception for an answer of a status the provider does not document for the request (a 1xx
   * or 3xx, a 2xx it cannot read): ambiguous, since it may have acted on the request.
   */
  public static ProviderException unexpectedStatus(
      String provider, String what, int httpStatus, String code) {
    return new ProviderException(
        provider,
        what + ": unexpected HTTP status",
        httpStatus,
        code,
        FailureReason.PROVIDER_ERROR,
        false,
        true,
        null);
  }

  /**
   * The exception for a request the provider certainly did not act on (it answered a refusal):
   * retryable (a rate or capacity limit) or permanent, never ambiguous.
   *
   * @param what what failed, already masked and escaped
   * @param code the provider's own error code, or {@code null}
   */
  public static ProviderException refused(
      String provider,
      String what,
      int httpStatus,
      String code,
      FailureReason reason,
      boolean retryable) {
    return new ProviderException(provider, what, httpStatus, code, reason, retryable, false, null);
  }

  /** The {@code Authorization} header value for HTTP Basic; a secret, never log it. */
  public static String basicAuthorization(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code text} with every run of 7 or more digits (optionally after a {@code +}) masked to its
   * last four, for provider messages that quote the dialed number before they reach an exception
   * message or a log.
   */
  public static String maskDigits(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = DIGITS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String number = m.group();
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "*".repeat(number.length() - 4) + number.substring(number.length() - 4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean beforeSending(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException
          || c instanceof HttpConnectTimeoutException
          || c instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }
}
